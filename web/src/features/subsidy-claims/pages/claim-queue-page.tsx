import { useState } from 'react';
import { Badge, Button, Card, Checkbox, Flex, Grid, Select, Tabs, Typography, type TableProps } from 'antd';
import { NotificationOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { claimKindLabels, claimKinds, claimSortKeys, claimStatusLabels, type ClaimStatus, type SubsidyClaim } from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { ListTable } from '../../../components/list-table.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { SearchBar } from '../../../components/search-bar.tsx';
import { useListState, useSearchText } from '../../../lib/list.ts';
import { useActor, useLocale } from '../../../lib/session.ts';
import { useClaimCounts } from '../api/use-claim-counts.ts';
import { claimsPath, useClaims } from '../api/use-claims.ts';
import { isOfficer, mayPublish } from '../components/claim-abilities.ts';
import { Money } from '../components/money.tsx';
import { PublishNoticeModal } from '../components/publish-notice-modal.tsx';
import { ClaimKindTag, ClaimStatusTag, DueTag, FindingsCount } from '../components/status-tags.tsx';
import '../i18n.ts';

const filterKeys = ['status', 'kind', 'q', 'overdue', 'withOpenFindings'] as const;
/** What waits for a department first; the finished and void claims last. */
const tabOrder: ClaimStatus[] = ['submitted', 'finance_review', 'approved', 'in_notice', 'disbursed', 'returned', 'closed', 'rejected', 'withdrawn'];

/**
 * Subsidy claims. For the departments, the review queue: by status with counts, open findings and overdue ones
 * singled out, export; on the 待公示 tab the HRSS bureau selects claims and publishes them in one notice. For
 * organisers, their own claims and where each stands.
 */
export default function ClaimQueuePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const actor = useActor();
  const officer = isOfficer(actor.activeMembership.role);
  const list = useListState(filterKeys, { sortKeys: claimSortKeys });
  const claims = useClaims(list.query);
  const counts = useClaimCounts();
  const [q, setQ] = useSearchText(list.state.filters.q);
  const [selected, setSelected] = useState<SubsidyClaim[]>([]);
  const [publishing, setPublishing] = useState(false);
  const status = list.state.filters.status;
  const narrow = Grid.useBreakpoint().md === false;
  const byStatus: Partial<Record<ClaimStatus, number>> = counts.data?.byStatus ?? {};
  // Publishing is offered where the server offers it: approved claims the signed-in user may put in a notice.
  const publishable = status === 'approved' && (claims.data?.items ?? []).some(mayPublish);

  const setFilters = (filters: Record<string, string | undefined>) => {
    setSelected([]);
    list.setFilters(filters);
  };

  const tabs = [
    { key: 'all', label: <TabLabel text={t('subsidyClaims.queue.all')} count={counts.data?.total} /> },
    ...tabOrder.map((s) => ({ key: s, label: <TabLabel text={claimStatusLabels[s][locale]} count={byStatus[s] ?? 0} /> })),
  ];

  const columns: TableProps<SubsidyClaim>['columns'] = [
    {
      key: 'referenceNo',
      title: t('subsidyClaims.fields.referenceNo'),
      fixed: narrow ? undefined : 'left',
      width: 170,
      render: (_, c) => (
        <Flex vertical gap={4} align="start">
          <Link to={`/console/subsidy-claims/${c.id}`} data-testid="claim-link" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {c.referenceNo}
          </Link>
          {/* A phone shows the status and the deadline under the number: the columns beside it are off screen. */}
          {narrow && (
            <Flex wrap gap={4}>
              <ClaimStatusTag status={c.status} />
              <DueTag dueOn={c.dueOn} overdue={c.overdue} />
            </Flex>
          )}
        </Flex>
      ),
    },
    // An organiser's claims are all its own: the column only tells claims apart for the departments.
    ...(officer ? [{ key: 'organisation', title: t('subsidyClaims.fields.organisation'), width: 170, render: (_: unknown, c: SubsidyClaim) => c.organisationName }] : []),
    {
      key: 'class',
      title: t('subsidyClaims.fields.class'),
      width: 180,
      render: (_, c) => (
        <Flex vertical>
          <Typography.Text ellipsis={{ tooltip: c.className }}>{c.className}</Typography.Text>
          {c.classRegistrationNo && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.classRegistrationNo}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { key: 'kind', title: t('subsidyClaims.fields.kind'), width: 70, render: (_, c) => <ClaimKindTag kind={c.kind} /> },
    {
      key: 'amountFen',
      title: t('subsidyClaims.fields.amount'),
      width: 130,
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrderOf('amountFen'),
      render: (_, c) => <Money fen={c.amountFen} data-testid="claim-amount" />,
    },
    { key: 'findings', title: t('subsidyClaims.fields.findings'), width: 80, align: 'right', render: (_, c) => <FindingsCount open={c.findingsOpen} total={c.findingsTotal} /> },
    ...(narrow
      ? []
      : ([
          { key: 'status', title: t('subsidyClaims.fields.status'), width: 110, render: (_, c) => <ClaimStatusTag status={c.status} /> },
          {
            key: 'dueOn',
            title: t('subsidyClaims.fields.dueOn'),
            width: 170,
            sorter: true,
            sortOrder: list.sortOrderOf('dueOn'),
            render: (_, c) => <DueCell claim={c} />,
          },
        ] satisfies TableProps<SubsidyClaim>['columns'])),
  ];

  return (
    <div data-testid="claim-queue-page">
      {/* Overdue rows in red, the fixed first column too (it paints its own background). */}
      <style>{'.sc-overdue > td, .sc-overdue > td.ant-table-cell-fix { background: #fff1f0 !important; }'}</style>
      <PageHeader
        title={t(officer ? 'subsidyClaims.queue.title' : 'subsidyClaims.queue.titleOwn')}
        subTitle={t(officer ? 'subsidyClaims.queue.subTitle' : 'subsidyClaims.queue.subTitleOwn')}
        extra={
          <>
            {!officer && (
              <Button onClick={() => navigate('/console/apprenticeship-classes')} data-testid="claims-to-classes">
                {t('subsidyClaims.queue.toClasses')}
              </Button>
            )}
            <ExportButton path={claimsPath} query={{ ...list.state.filters, sort: list.state.sort }} />
          </>
        }
      />
      <Card>
        <Tabs
          activeKey={status ?? 'all'}
          items={tabs}
          onChange={(key) => setFilters({ ...list.state.filters, status: key === 'all' ? undefined : key })}
          data-testid="claim-tabs"
        />
        <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
          <SearchBar
            value={q}
            onChange={setQ}
            onSearch={(text) => setFilters({ ...list.state.filters, q: text })}
            onReset={() => setFilters({ status })}
            placeholder={t('subsidyClaims.queue.searchPlaceholder')}
            testIds={{ input: 'claim-search', submit: 'claim-search-submit' }}
          >
            <Select
              allowClear
              style={{ width: 130 }}
              placeholder={t('subsidyClaims.queue.kindAll')}
              value={list.state.filters.kind}
              onChange={(kind?: string) => setFilters({ ...list.state.filters, kind })}
              options={claimKinds.map((k) => ({ value: k, label: claimKindLabels[k][locale] }))}
              data-testid="claim-kind-filter"
            />
          </SearchBar>
          {officer && (
            <Checkbox
              checked={list.state.filters.withOpenFindings === 'true'}
              onChange={(e) => setFilters({ ...list.state.filters, withOpenFindings: e.target.checked ? 'true' : undefined })}
              data-testid="claim-open-findings"
            >
              {t('subsidyClaims.queue.openFindingsOnly')}
            </Checkbox>
          )}
          <Checkbox
            checked={list.state.filters.overdue === 'true'}
            onChange={(e) => setFilters({ ...list.state.filters, overdue: e.target.checked ? 'true' : undefined })}
            data-testid="claim-overdue"
          >
            <Typography.Text type={counts.data?.overdue ? 'danger' : undefined}>
              {t('subsidyClaims.queue.overdueOnly')}
              {counts.data ? ` (${counts.data.overdue})` : ''}
            </Typography.Text>
          </Checkbox>
        </Flex>
        {publishable && (
          <Flex wrap gap={8} align="center" justify="space-between" style={{ marginBottom: 12, padding: '8px 12px', background: '#f0f5ff', borderRadius: 6 }} data-testid="publish-bar">
            <Typography.Text>{selected.length ? t('subsidyClaims.queue.selected', { count: selected.length }) : t('subsidyClaims.queue.publishHint')}</Typography.Text>
            <Button type="primary" icon={<NotificationOutlined />} disabled={!selected.length} onClick={() => setPublishing(true)} data-testid="publish-open">
              {t('subsidyClaims.queue.publish')}
            </Button>
          </Flex>
        )}
        <ListTable<SubsidyClaim>
          list={list}
          query={claims}
          rowKey="id"
          data-testid="claim-table"
          columns={columns}
          rowClassName={(c) => (c.overdue ? 'sc-overdue' : '')}
          rowSelection={
            publishable
              ? {
                  selectedRowKeys: selected.map((c) => c.id),
                  preserveSelectedRowKeys: true,
                  onChange: (_keys, rows) => setSelected(rows.filter(Boolean)),
                  getCheckboxProps: (c) => ({ disabled: !mayPublish(c), 'data-testid': 'claim-select' }) as never,
                }
              : undefined
          }
          scroll={{ x: columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 150), publishable ? 48 : 0) }}
        />
      </Card>
      {publishing && (
        <PublishNoticeModal
          claims={selected}
          onClose={() => setPublishing(false)}
          onPublished={() => setSelected([])}
        />
      )}
    </div>
  );
}

/** The deadline of the claim's state; a claim in notice waits for the notice's end instead. */
function DueCell({ claim }: { claim: SubsidyClaim }) {
  const { t } = useTranslation();
  if (claim.dueOn) return <DueTag dueOn={claim.dueOn} overdue={claim.overdue} />;
  if (claim.status === 'in_notice' && claim.noticeEndsOn) return <Typography.Text type="secondary">{t('subsidyClaims.queue.noticeUntil', { date: claim.noticeEndsOn })}</Typography.Text>;
  return <>—</>;
}

function TabLabel({ text, count }: { text: string; count: number | undefined }) {
  return (
    <span>
      {text}
      {count !== undefined && <Badge count={count} showZero color={count ? '#1f5fbf' : '#d9d9d9'} size="small" style={{ marginLeft: 6 }} overflowCount={9999} />}
    </span>
  );
}
