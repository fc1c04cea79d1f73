import { useState } from 'react';
import { App, Button, Flex, Switch, Tag, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { CreatedLrsClient, LrsClient } from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { ListTable } from '../../../components/list-table.tsx';
import { errorTextIn } from '../../../lib/form-feedback.ts';
import { useListState } from '../../../lib/list.ts';
import { lrsClientsPath, useLrsClients } from '../api/use-lrs-clients.ts';
import { useRevokeLrsClient } from '../api/use-revoke-lrs-client.ts';
import { CreateClientModal } from './create-client-modal.tsx';
import { SecretModal } from './secret-modal.tsx';

const filterKeys = ['includeRevoked'] as const;
const sortKeys = ['name', 'createdAt'] as const;
const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** The organisation's keys: create one (its secret shown once), see what each stored and when it was last used, revoke one. */
export function ClientsTab() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const list = useListState(filterKeys, { sortKeys });
  const clients = useLrsClients(list.query);
  const revoke = useRevokeLrsClient();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedLrsClient | null>(null);
  const includeRevoked = list.state.filters.includeRevoked === 'true';

  const confirmRevoke = (c: LrsClient) =>
    modal.confirm({
      title: t('learningRecords.clients.revokeTitle', { name: c.name }),
      content: t('learningRecords.clients.revokeBody'),
      okText: t('learningRecords.clients.revokeOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'lrs-revoke-confirm' },
      onOk: async () => {
        try {
          await revoke.mutateAsync(c.id);
          void message.success(t('learningRecords.clients.revokedDone', { name: c.name }));
        } catch (error) {
          void message.error(errorTextIn(t, 'learningRecords.codes', error));
        }
      },
    });

  const columns: TableProps<LrsClient>['columns'] = [
    { key: 'name', title: t('learningRecords.clients.name'), dataIndex: 'name', width: 160, sorter: true, sortOrder: list.sortOrderOf('name') },
    {
      key: 'key',
      title: t('learningRecords.clients.key'),
      width: 190,
      render: (_, c) => (
        <Typography.Text copyable style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 13, whiteSpace: 'nowrap' }} data-testid="lrs-client-key">
          {c.key}
        </Typography.Text>
      ),
    },
    {
      key: 'scopes',
      title: t('learningRecords.clients.scopes'),
      width: 100,
      render: (_, c) => c.scopes.map((s) => <Tag key={s}>{t(`learningRecords.clients.scope.${s}`)}</Tag>),
    },
    { key: 'statements', title: t('learningRecords.clients.statements'), dataIndex: 'statements', width: 90, align: 'right', render: (n: number) => <span data-testid="lrs-client-statements">{n}</span> },
    {
      key: 'createdAt',
      title: t('learningRecords.clients.createdAt'),
      width: 150,
      sorter: true,
      sortOrder: list.sortOrderOf('createdAt'),
      render: (_, c) => (
        <>
          {time(c.createdAt)}
          {c.createdByName && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('learningRecords.clients.createdBy', { name: c.createdByName })}
            </Typography.Text>
          )}
        </>
      ),
    },
    { key: 'lastUsedAt', title: t('learningRecords.clients.lastUsedAt'), width: 140, render: (_, c) => (c.lastUsedAt ? time(c.lastUsedAt) : <Typography.Text type="secondary">{t('learningRecords.clients.neverUsed')}</Typography.Text>) },
    {
      key: 'status',
      title: t('learningRecords.clients.status'),
      width: 80,
      render: (_, c) =>
        c.revokedAt ? (
          <Tag color="default" title={time(c.revokedAt)}>
            {t('learningRecords.clients.revoked')}
          </Tag>
        ) : (
          <Tag color="success">{t('learningRecords.clients.active')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 70,
      render: (_, c) =>
        !c.revokedAt && (
          <Button size="small" danger onClick={() => confirmRevoke(c)} data-testid="lrs-client-revoke">
            {t('learningRecords.clients.revoke')}
          </Button>
        ),
    },
  ];
  const width = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 150), 0);

  return (
    <div data-testid="lrs-clients-tab">
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
          <Switch size="small" checked={includeRevoked} onChange={(on) => list.setFilters({ includeRevoked: on ? 'true' : undefined })} data-testid="lrs-include-revoked" />
          {t('learningRecords.clients.includeRevoked')}
        </label>
        <Flex wrap gap={8}>
          <ExportButton path={lrsClientsPath} query={{ ...list.state.filters, sort: list.state.sort }} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="lrs-client-create">
            {t('learningRecords.clients.create')}
          </Button>
        </Flex>
      </Flex>
      <ListTable<LrsClient>
        list={list}
        query={clients}
        rowKey="id"
        data-testid="lrs-clients-table"
        columns={columns}
        scroll={{ x: width }}
        locale={{ emptyText: t('learningRecords.clients.empty') }}
      />
      {creating && (
        <CreateClientModal
          onClose={() => setCreating(false)}
          onCreated={(result) => {
            setCreating(false);
            setCreated(result);
          }}
        />
      )}
      {created && <SecretModal created={created} onClose={() => setCreated(null)} />}
    </div>
  );
}
