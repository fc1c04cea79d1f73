import { App, Flex, Tag, Tooltip, Typography } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { roleLabels, type Membership, type User } from '@fulcrum/shared';
import { errorTextIn } from '../../../lib/form-feedback.ts';
import { useActor, useLocale } from '../../../lib/session.ts';
import { useRevokeMembership } from '../api/use-revoke-membership.ts';

/** An account's memberships as "organisation · role" tags; each but the one the admin acts through can be revoked after a confirmation. */
export function MembershipTags({ user }: { user: User }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { modal, message } = App.useApp();
  const { activeMembership } = useActor();
  const revoke = useRevokeMembership();

  const ask = (m: Membership) =>
    modal.confirm({
      title: t('users.revoke.title'),
      content: t('users.revoke.body', { user: user.displayName, org: m.organisationName, role: roleLabels[m.role][locale] }),
      okText: t('users.revoke.ok'),
      okButtonProps: { danger: true, 'data-testid': 'revoke-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await revoke.mutateAsync(m.id);
          void message.success(t('users.revoke.done'));
        } catch (e) {
          void message.error(errorTextIn(t, 'users.codes', e));
        }
      },
    });

  if (!user.memberships.length) return <Typography.Text type="secondary">{t('users.noMemberships')}</Typography.Text>;
  return (
    <Flex wrap gap={4}>
      {user.memberships.map((m) => {
        const current = m.id === activeMembership.id;
        const tag = (
          <Tag
            key={m.id}
            color={current ? 'blue' : undefined}
            data-testid="membership-tag"
            closable={!current}
            onClose={(event) => {
              event.preventDefault();
              ask(m);
            }}
            closeIcon={
              current ? undefined : (
                <Tooltip title={t('users.revoke.tooltip')}>
                  <CloseOutlined data-testid="revoke-membership" style={{ marginInlineStart: 4 }} />
                </Tooltip>
              )
            }
            style={{ marginInlineEnd: 0, whiteSpace: 'normal', maxWidth: '100%' }}
          >
            {m.organisationName} · {roleLabels[m.role][locale]}
          </Tag>
        );
        return current ? (
          <Tooltip key={m.id} title={t('users.revoke.current')}>
            {tag}
          </Tooltip>
        ) : (
          tag
        );
      })}
    </Flex>
  );
}
