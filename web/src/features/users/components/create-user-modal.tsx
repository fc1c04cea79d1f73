import { App, Button, Flex, Form, Input, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { createUserRequest, type OrganisationType, type Role } from '@fulcrum/shared';
import { SaveModal } from '../../../components/save-modal.tsx';
import { parseWith } from '../../../lib/forms.ts';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useActor } from '../../../lib/session.ts';
import { useCreateUser } from '../api/use-create-user.ts';
import { MembershipFields } from './membership-fields.tsx';

interface MembershipValue {
  organisationId?: string;
  organisationType?: OrganisationType;
  role?: Role;
}
interface Values {
  username?: string;
  displayName?: string;
  password?: string;
  memberships?: MembershipValue[];
}

/** Creates an account: username, display name, a first password meeting the policy, and one or more roles. */
export function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const tt = withIssueTexts(t, 'users.issues');
  const { message } = App.useApp();
  const { activeMembership } = useActor();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const fail = useSaveFailure(form, tt, 'users.codes');
  const ownOrganisation: MembershipValue =
    activeMembership.role === 'system_admin' ? {} : { organisationId: activeMembership.organisationId, organisationType: activeMembership.organisationType };

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const input = parseWith(
      createUserRequest,
      {
        username: v.username?.trim() || undefined,
        displayName: v.displayName?.trim() || undefined,
        password: v.password || undefined,
        memberships: (v.memberships ?? []).map((m) => ({ organisationId: m.organisationId, role: m.role })),
      },
      form,
      tt,
    );
    if (!input) return;
    try {
      const user = await create.mutateAsync(input);
      void message.success(t('users.create.done', { username: user.username }));
      form.resetFields();
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <SaveModal open={open} width={640} title={t('users.create.title')} saving={create.isPending} onSave={() => void submit()} onClose={onClose} saveTestId="create-user-save">
      <Form form={form} layout="vertical" onValuesChange={clearIssuesOnChange(form)} initialValues={{ memberships: [ownOrganisation] }} data-testid="create-user-form">
        <Form.Item name="username" label={t('users.fields.username')} extra={t('users.create.usernameHint')} required>
          <Input maxLength={64} autoComplete="off" data-testid="create-user-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.fields.displayName')} required>
          <Input maxLength={50} data-testid="create-user-display-name" />
        </Form.Item>
        <Form.Item name="password" label={t('users.fields.password')} extra={
            <>
              {t('password.policy')}
              <br />
              {t('users.create.passwordHint')}
            </>
          } required>
          <Input.Password autoComplete="new-password" data-testid="create-user-password" />
        </Form.Item>
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          <span style={{ color: '#ff4d4f', marginInlineEnd: 4 }}>*</span>
          {t('users.create.memberships')}
        </Typography.Text>
        <Form.List name="memberships">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <MembershipFields form={form} name={[field.name]} fullPath={['memberships', field.name]} index={index} />
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    disabled={fields.length < 2}
                    onClick={() => remove(field.name)}
                    aria-label={t('users.create.removeMembership')}
                  />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ ...ownOrganisation })} data-testid="add-membership" style={{ marginTop: 8 }}>
                {t('users.create.addMembership')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </SaveModal>
  );
}
