import { useState } from 'react';
import { App, Button, Card, Flex, Space, Tag, type TableProps } from 'antd';
import { PlusOutlined, UnlockOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { userSortKeys, type User } from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { ListTable } from '../../../components/list-table.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { SearchBar } from '../../../components/search-bar.tsx';
import { errorText } from '../../../lib/forms.ts';
import { useListState, useSearchText } from '../../../lib/list.ts';
import { useActor } from '../../../lib/session.ts';
import { useUnlockUser } from '../api/use-unlock-user.ts';
import { useUsers } from '../api/use-users.ts';
import { CreateUserModal } from '../components/create-user-modal.tsx';
import { GrantMembershipModal } from '../components/grant-membership-modal.tsx';
import { MembershipTags } from '../components/membership-tags.tsx';
import '../i18n.ts';

const filterKeys = ['q'] as const;

const isLocked = (user: User, now: number) => Boolean(user.lockedUntil && new Date(user.lockedUntil).getTime() > now);
/** A lock lasts minutes: today's shows the time only. */
const lockTime = (until: string, now: number) => dayjs(until).format(dayjs(until).isSame(now, 'day') ? 'HH:mm' : 'YYYY-MM-DD HH:mm');

/** The accounts the user manages: search, page, export; create accounts, add and revoke roles, lift sign-in locks. */
export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { activeMembership } = useActor();
  const list = useListState(filterKeys, { sortKeys: userSortKeys });
  const users = useUsers(list.query);
  const unlock = useUnlockUser();
  const [q, setQ] = useSearchText(list.state.filters.q);
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<User | null>(null);
  const now = users.dataUpdatedAt || 0;

  const doUnlock = async (user: User) => {
    try {
      await unlock.mutateAsync(user.id);
      void message.success(t('users.unlock.done', { user: user.displayName }));
    } catch (e) {
      void message.error(errorText(t, e));
    }
  };

  const columns: TableProps<User>['columns'] = [
    { key: 'username', title: t('users.fields.username'), dataIndex: 'username', sorter: true, sortOrder: list.sortOrderOf('username'), width: 130 },
    { key: 'displayName', title: t('users.fields.displayName'), dataIndex: 'displayName', width: 110 },
    { key: 'memberships', title: t('users.fields.memberships'), width: 350, render: (_, u) => <MembershipTags user={u} /> },
    {
      key: 'status',
      title: t('users.fields.status'),
      width: 130,
      render: (_, u) =>
        u.disabled ? (
          <Tag>{t('users.status.disabled')}</Tag>
        ) : isLocked(u, now) ? (
          <Tag color="red" data-testid="user-locked">
            {t('users.status.locked', { time: lockTime(u.lockedUntil!, now) })}
          </Tag>
        ) : (
          <Tag color="green">{t('users.status.normal')}</Tag>
        ),
    },
    {
      key: 'createdAt',
      title: t('users.fields.createdAt'),
      sorter: true,
      sortOrder: list.sortOrderOf('createdAt'),
      width: 140,
      render: (_, u) => dayjs(u.createdAt).format('YYYY-MM-DD HH:mm'),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 120,
      fixed: 'right',
      render: (_, u) => (
        <Space orientation="vertical" size={0} align="start">
          <Button type="link" size="small" icon={<UserAddOutlined />} onClick={() => setGranting(u)} data-testid="grant-membership">
            {t('users.grant.button')}
          </Button>
          {isLocked(u, now) && (
            <Button type="link" size="small" icon={<UnlockOutlined />} loading={unlock.isPending && unlock.variables === u.id} onClick={() => void doUnlock(u)} data-testid="unlock-user">
              {t('users.unlock.button')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="users-page">
      <PageHeader
        title={t('users.list.title')}
        subTitle={activeMembership.role === 'system_admin' ? t('users.list.subTitleAll') : t('users.list.subTitleOrg', { org: activeMembership.organisationName })}
        extra={
          <>
            <ExportButton path="/users" query={list.query} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-user">
              {t('users.create.button')}
            </Button>
          </>
        }
      />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <SearchBar
            value={q}
            onChange={setQ}
            onSearch={(text) => list.setFilters({ q: text })}
            onReset={() => list.setFilters({})}
            placeholder={t('users.list.searchPlaceholder')}
            testIds={{ input: 'users-search', submit: 'users-search-submit' }}
          />
        </Flex>
        <ListTable<User> list={list} query={users} rowKey="id" data-testid="users-table" columns={columns} scroll={{ x: 980 }} />
      </Card>
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      <GrantMembershipModal user={granting} onClose={() => setGranting(null)} />
    </div>
  );
}
