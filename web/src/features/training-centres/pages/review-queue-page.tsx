import { Badge, Card, Checkbox, Flex, Grid, Tabs, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { applicationSortKeys, applicationStatusLabels, type ApplicationStatus, type TrainingCentreApplication } from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { ListTable } from '../../../components/list-table.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { SearchBar } from '../../../components/search-bar.tsx';
import { useListState, useSearchText } from '../../../lib/list.ts';
import { useLocale } from '../../../lib/session.ts';
import { useApplicationCounts } from '../api/use-application-counts.ts';
import { applicationsPath, useApplications } from '../api/use-applications.ts';
import { scopeText } from '../components/labels.ts';
import { ApplicationStatusTag, DueTag } from '../components/status-tags.tsx';
import '../i18n.ts';

const filterKeys = ['status', 'q', 'overdue'] as const;
/** The statuses that wait for the bureau come first; drafts are the enterprises' own and show only if any are in reach. */
const tabOrder: ApplicationStatus[] = ['submitted', 'documents_checked', 'onsite_checked', 'approved', 'returned', 'in_batch', 'certified', 'rejected', 'withdrawn', 'draft'];

/** The HRSS review queue: applications by status (with counts), overdue ones in red, search and export. */
export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useListState(filterKeys, { sortKeys: applicationSortKeys });
  const applications = useApplications(list.query);
  const counts = useApplicationCounts();
  const [q, setQ] = useSearchText(list.state.filters.q);
  const status = list.state.filters.status;
  const narrow = Grid.useBreakpoint().md === false;
  const byStatus: Partial<Record<ApplicationStatus, number>> = counts.data?.byStatus ?? {};

  const tabs = [
    { key: 'all', label: <TabLabel text={t('trainingCentres.review.all')} count={counts.data?.total} /> },
    ...tabOrder
      .filter((s) => s !== 'draft' || (byStatus[s] ?? 0) > 0)
      .map((s) => ({ key: s, label: <TabLabel text={applicationStatusLabels[s][locale]} count={byStatus[s] ?? 0} /> })),
  ];

  const columns: TableProps<TrainingCentreApplication>['columns'] = [
    {
      key: 'organisation',
      title: t('trainingCentres.fields.organisation'),
      fixed: narrow ? undefined : 'left',
      width: narrow ? 200 : 220,
      render: (_, a) => (
        <Flex vertical gap={4} align="start">
          <Link to={`/console/training-centre-applications/${a.id}`} data-testid="application-link">
            {a.organisationName}
          </Link>
          {/* A phone shows the status and the deadline under the name: the columns beside it are off screen. */}
          {narrow && (
            <Flex wrap gap={4}>
              <ApplicationStatusTag status={a.status} />
              <DueTag dueOn={a.dueOn} overdue={a.overdue} />
            </Flex>
          )}
        </Flex>
      ),
    },
    ...(narrow
      ? []
      : ([
          { key: 'status', title: t('trainingCentres.fields.status'), width: 130, render: (_, a) => <ApplicationStatusTag status={a.status} /> },
          {
            key: 'dueOn',
            title: t('trainingCentres.fields.dueOn'),
            width: 190,
            sorter: true,
            sortOrder: list.sortOrderOf('dueOn'),
            render: (_, a) => (a.dueOn ? <DueTag dueOn={a.dueOn} overdue={a.overdue} /> : '—'),
          },
        ] satisfies TableProps<TrainingCentreApplication>['columns'])),
    {
      key: 'scope',
      title: t('trainingCentres.fields.scope'),
      width: 280,
      ellipsis: true,
      render: (_, a) => <Typography.Text ellipsis={{ tooltip: scopeText(a.scope, locale) }}>{scopeText(a.scope, locale)}</Typography.Text>,
    },
    { key: 'capacity', title: t('trainingCentres.fields.annualCapacity'), width: 110, align: 'right', render: (_, a) => a.annualCapacity.toLocaleString(locale) },
    {
      key: 'submittedAt',
      title: t('trainingCentres.fields.submittedAt'),
      width: 150,
      sorter: true,
      sortOrder: list.sortOrderOf('submittedAt'),
      render: (_, a) => (a.submittedAt ? dayjs(a.submittedAt).format('YYYY-MM-DD HH:mm') : '—'),
    },
    { key: 'batch', title: t('trainingCentres.fields.batch'), width: 160, render: (_, a) => a.batchName ?? '—' },
    {
      key: 'updatedAt',
      title: t('trainingCentres.fields.updatedAt'),
      width: 150,
      sorter: true,
      sortOrder: list.sortOrderOf('updatedAt'),
      render: (_, a) => dayjs(a.updatedAt).format('YYYY-MM-DD HH:mm'),
    },
  ];

  return (
    <div data-testid="review-queue-page">
      {/* Overdue rows in red, the fixed first column too (it paints its own background). */}
      <style>{'.tc-overdue > td, .tc-overdue > td.ant-table-cell-fix { background: #fff1f0 !important; }'}</style>
      <PageHeader
        title={t('trainingCentres.review.title')}
        subTitle={t('trainingCentres.review.subTitle')}
        extra={<ExportButton path={applicationsPath} query={{ ...list.state.filters, sort: list.state.sort }} />}
      />
      <Card>
        <Tabs
          activeKey={status ?? 'all'}
          items={tabs}
          onChange={(key) => list.setFilters({ ...list.state.filters, status: key === 'all' ? undefined : key })}
          data-testid="review-tabs"
        />
        <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
          <SearchBar
            value={q}
            onChange={setQ}
            onSearch={(text) => list.setFilters({ ...list.state.filters, q: text })}
            onReset={() => list.setFilters({ status })}
            placeholder={t('trainingCentres.review.searchPlaceholder')}
            testIds={{ input: 'review-search', submit: 'review-search-submit' }}
          />
          <Checkbox
            checked={list.state.filters.overdue === 'true'}
            onChange={(e) => list.setFilters({ ...list.state.filters, overdue: e.target.checked ? 'true' : undefined })}
            data-testid="review-overdue"
          >
            <Typography.Text type={counts.data?.overdue ? 'danger' : undefined}>
              {t('trainingCentres.review.overdueOnly')}
              {counts.data ? ` (${counts.data.overdue})` : ''}
            </Typography.Text>
          </Checkbox>
        </Flex>
        <ListTable<TrainingCentreApplication>
          list={list}
          query={applications}
          rowKey="id"
          data-testid="review-table"
          columns={columns}
          rowClassName={(a) => (a.overdue ? 'tc-overdue' : '')}
          scroll={{ x: columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 150), 0) }}
        />
      </Card>
    </div>
  );
}

function TabLabel({ text, count }: { text: string; count: number | undefined }) {
  return (
    <span>
      {text}
      {count !== undefined && <Badge count={count} showZero color={count ? '#1f5fbf' : '#d9d9d9'} size="small" style={{ marginLeft: 6 }} overflowCount={9999} />}
    </span>
  );
}
