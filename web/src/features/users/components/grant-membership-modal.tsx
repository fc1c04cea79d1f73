import { App, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { grantMembershipRequest, type User } from '@fulcrum/shared';
import { SaveModal } from '../../../components/save-modal.tsx';
import { parseWith } from '../../../lib/forms.ts';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useActor } from '../../../lib/session.ts';
import { useGrantMembership } from '../api/use-grant-membership.ts';
import { MembershipFields } from './membership-fields.tsx';

/** Gives an existing account one more role (in the admin's own organisation, or any for a system administrator). */
export function GrantMembershipModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const tt = withIssueTexts(t, 'users.issues');
  const { message } = App.useApp();
  const { activeMembership } = useActor();
  const [form] = Form.useForm();
  const grant = useGrantMembership();
  const fail = useSaveFailure(form, tt, 'users.codes');
  const initial = activeMembership.role === 'system_admin' ? {} : { organisationId: activeMembership.organisationId, organisationType: activeMembership.organisationType };

  const submit = async () => {
    if (!user) return;
    const v = form.getFieldsValue(true) as { organisationId?: string; role?: string };
    const input = parseWith(grantMembershipRequest, { organisationId: v.organisationId, role: v.role }, form, tt);
    if (!input) return;
    try {
      await grant.mutateAsync({ userId: user.id, ...input });
      void message.success(t('users.grant.done', { user: user.displayName }));
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <SaveModal
      open={Boolean(user)}
      width={560}
      title={user ? t('users.grant.title', { user: user.displayName }) : null}
      saving={grant.isPending}
      onSave={() => void submit()}
      onClose={onClose}
      saveTestId="grant-membership-save"
    >
      <Form form={form} layout="vertical" onValuesChange={clearIssuesOnChange(form)} initialValues={initial}>
        <Typography.Paragraph type="secondary">{t('users.create.memberships')}</Typography.Paragraph>
        <MembershipFields form={form} name={[]} fullPath={[]} index={0} held={user?.memberships} />
      </Form>
    </SaveModal>
  );
}
