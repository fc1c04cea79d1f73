import { Button, Card, DatePicker, Flex, Input, Select, Space, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { roleLabels, type AuditEntry, type Role } from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { ListTable } from '../../../components/list-table.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useListState, useSearchText } from '../../../lib/list.ts';
import { useLocale } from '../../../lib/session.ts';
import { useAudit } from '../api/use-audit.ts';
import { actionLabel, entityTypeLabel, knownActions, knownEntityTypes } from '../components/audit-labels.ts';
import { ChangeDiff } from '../components/change-diff.tsx';
import '../i18n.ts';

const filterKeys = ['entityType', 'action', 'entityId', 'from', 'to'] as const;
/** As the audit list query allows (newest first when no sort is given). */
const sortKeys = ['at'] as const;
/** Records with a page of their own link there (the page decides whether the reader may see it). */
const linkOf = (e: AuditEntry) =>
  e.entityType === 'person' ? `/console/people/${e.entityId}` : e.entityType === 'organisation' ? `/console/organisations/${e.entityId}` : undefined;
/** Entries written by the platform itself rather than by a signed-in user. */
const systemActions = new Set(['bootstrap', 'demo_load']);
const monospace = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 };

/** The trail within the user's reach: filter by type, action, record and time; newest first; each entry opens to its before/after. */
export default function AuditPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useListState(filterKeys, { sortKeys });
  const { filters } = list.state;
  const audit = useAudit(list.query);
  const [entityId, setEntityId] = useSearchText(filters.entityId);
  const set = (next: Partial<Record<(typeof filterKeys)[number], string | undefined>>) => list.setFilters({ ...filters, ...next });
  const withCurrent = (known: readonly string[], current: string | undefined) => (current && !known.includes(current) ? [...known, current] : known);

  const columns: TableProps<AuditEntry>['columns'] = [
    {
      key: 'at',
      title: t('audit.columns.at'),
      width: 170,
      sorter: true,
      sortDirections: ['descend', 'ascend'],
      sortOrder: list.state.sort === 'at' ? 'ascend' : 'descend',
      render: (_, e) => dayjs(e.at).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      key: 'actor',
      title: t('audit.columns.actor'),
      width: 160,
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <span>{e.actorName ?? (systemActions.has(e.action) ? t('audit.system') : '—')}</span>
          {e.actorRole && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {roleLabels[e.actorRole as Role]?.[locale] ?? e.actorRole}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { key: 'entityType', title: t('audit.columns.entityType'), width: 120, render: (_, e) => entityTypeLabel(t, e.entityType) },
    {
      key: 'action',
      title: t('audit.columns.action'),
      width: 150,
      render: (_, e) => <Tag color={e.action === 'reveal_resident_id' ? 'orange' : e.action === 'revoke' || e.action === 'lock' ? 'red' : 'blue'}>{actionLabel(t, e.action)}</Tag>,
    },
    {
      key: 'entityId',
      title: t('audit.columns.entityId'),
      width: 340,
      render: (_, e) => (
        <Space size={4}>
          <Typography.Text style={monospace} copyable={{ text: e.entityId }}>
            {linkOf(e) ? <Link to={linkOf(e)!}>{e.entityId}</Link> : e.entityId}
          </Typography.Text>
          {filters.entityId !== e.entityId && (
            <Tooltip title={t('audit.filterByEntity')}>
              <Button
                type="text"
                size="small"
                icon={<FilterOutlined />}
                aria-label={t('audit.filterByEntity')}
                onClick={(event) => {
                  event.stopPropagation();
                  setEntityId(e.entityId);
                  set({ entityId: e.entityId });
                }}
              />
            </Tooltip>
          )}
        </Space>
      ),
    },
  ];

  const range: [dayjs.Dayjs, dayjs.Dayjs] | null = filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null;

  return (
    <div data-testid="audit-page">
      <PageHeader title={t('audit.title')} subTitle={t('audit.subTitle')} extra={<ExportButton path="/audit" query={list.query} />} />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Select
            allowClear
            value={filters.entityType}
            placeholder={t('audit.filters.entityType')}
            style={{ width: 160 }}
            data-testid="audit-entity-type"
            options={withCurrent(knownEntityTypes, filters.entityType).map((v) => ({ value: v, label: entityTypeLabel(t, v) }))}
            onChange={(entityType?: string) => set({ entityType })}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={filters.action}
            placeholder={t('audit.filters.action')}
            style={{ width: 200 }}
            data-testid="audit-action"
            options={withCurrent(knownActions, filters.action).map((v) => ({ value: v, label: actionLabel(t, v) }))}
            onChange={(action?: string) => set({ action })}
          />
          <Input
            allowClear
            value={entityId}
            prefix={<SearchOutlined />}
            placeholder={t('audit.filters.entityId')}
            style={{ width: 320, ...monospace }}
            data-testid="audit-entity-id"
            onChange={(e) => {
              setEntityId(e.target.value);
              if (!e.target.value && filters.entityId) set({ entityId: undefined });
            }}
            onPressEnter={() => set({ entityId: entityId.trim() })}
          />
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            value={range}
            placeholder={[t('audit.filters.from'), t('audit.filters.to')]}
            data-testid="audit-range"
            onChange={(dates) => set({ from: dates?.[0]?.toISOString(), to: dates?.[1]?.toISOString() })}
          />
          <Button type="primary" onClick={() => set({ entityId: entityId.trim() })} data-testid="audit-search">
            {t('audit.filters.search')}
          </Button>
          <Button
            onClick={() => {
              setEntityId('');
              list.setFilters({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Flex>
        <ListTable<AuditEntry>
          list={list}
          query={audit}
          rowKey="id"
          data-testid="audit-table"
          columns={columns}
          scroll={{ x: 980 }}
          expandable={{
            rowExpandable: (e) => e.before !== null || e.after !== null || Boolean(e.requestId),
            expandedRowRender: (e) => (
              <div>
                {(e.before !== null || e.after !== null) && <ChangeDiff entry={e} />}
                {e.requestId && (
                  <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
                    {t('audit.columns.requestId')}: <span style={monospace}>{e.requestId}</span>
                  </Typography.Text>
                )}
              </div>
            ),
          }}
        />
      </Card>
    </div>
  );
}
