import { Badge, Button, Card, Checkbox, Flex, Select, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { classSortKeys, classStatuses, classStatusLabels, type ClassStatus } from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { SearchBar } from '../../../components/search-bar.tsx';
import { useListState, useSearchText } from '../../../lib/list.ts';
import { useActor, useLocale } from '../../../lib/session.ts';
import { useClassCounts } from '../api/use-class-counts.ts';
import { classesPath, useClasses } from '../api/use-classes.ts';
import { ClassTable } from '../components/class-table.tsx';
import { mayCreateClass, viewerOf } from '../components/labels.ts';
import '../i18n.ts';

const filterKeys = ['status', 'q', 'overdue'] as const;
/** What waits for the bureau first; drafts are the organisers' own and show only if any are in reach. */
const tabOrder: ClassStatus[] = ['filed', 'returned', 'registered', 'completed', 'rejected', 'withdrawn', 'draft'];

/**
 * /console/apprenticeship-classes — organisers see their own classes ("我的学徒班") with a button to register one;
 * instructors their enterprise's; HRSS and other departments the region's registration queue by status, with counts,
 * overdue ones in red, search and export.
 */
export default function ClassListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { role, departmentKind } = useActor().activeMembership;
  const viewer = viewerOf(role);
  const mayCreate = mayCreateClass(role, departmentKind);
  const list = useListState(filterKeys, { sortKeys: classSortKeys, sort: '-updatedAt' });
  const classes = useClasses(list.query);
  const counts = useClassCounts();
  const [q, setQ] = useSearchText(list.state.filters.q);
  const status = list.state.filters.status;
  const byStatus: Partial<Record<ClassStatus, number>> = counts.data?.byStatus ?? {};
  const isQueue = viewer === 'department';

  const title = isQueue ? t('apprenticeships.list.queueTitle') : viewer === 'instructor' ? t('apprenticeships.list.instructorTitle') : t('apprenticeships.list.mineTitle');
  const subTitle = isQueue ? t('apprenticeships.list.queueSub') : viewer === 'instructor' ? t('apprenticeships.list.instructorSub') : t('apprenticeships.list.mineSub');

  const tabs = [
    { key: 'all', label: <TabLabel text={t('apprenticeships.list.all')} count={counts.data?.total} /> },
    ...tabOrder
      .filter((s) => s !== 'draft' || (byStatus[s] ?? 0) > 0)
      .map((s) => ({ key: s, label: <TabLabel text={classStatusLabels[s][locale]} count={byStatus[s] ?? 0} /> })),
  ];

  return (
    <div data-testid="class-list-page">
      <PageHeader
        title={title}
        subTitle={subTitle}
        extra={
          <>
            {isQueue && <ExportButton path={classesPath} query={{ ...list.state.filters, sort: list.state.sort }} />}
            {mayCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/console/apprenticeship-classes/new')} data-testid="class-create">
                {t('apprenticeships.list.create')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        {isQueue && (
          <Tabs
            activeKey={status ?? 'all'}
            items={tabs}
            onChange={(key) => list.setFilters({ ...list.state.filters, status: key === 'all' ? undefined : key })}
            data-testid="class-tabs"
          />
        )}
        <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
          <SearchBar
            value={q}
            onChange={setQ}
            onSearch={(text) => list.setFilters({ ...list.state.filters, q: text })}
            onReset={() => list.setFilters(isQueue ? { status } : {})}
            placeholder={t('apprenticeships.list.searchPlaceholder')}
            testIds={{ input: 'class-search', submit: 'class-search-submit' }}
          >
            {!isQueue && (
              <Select
                allowClear
                style={{ width: 180 }}
                placeholder={t('apprenticeships.list.statusFilter')}
                value={status}
                onChange={(value?: string) => list.setFilters({ ...list.state.filters, status: value })}
                options={classStatuses.map((s) => ({ value: s, label: `${classStatusLabels[s][locale]}${counts.data ? ` (${byStatus[s] ?? 0})` : ''}` }))}
                data-testid="class-status-filter"
              />
            )}
          </SearchBar>
          <Checkbox
            checked={list.state.filters.overdue === 'true'}
            onChange={(e) => list.setFilters({ ...list.state.filters, overdue: e.target.checked ? 'true' : undefined })}
            data-testid="class-overdue"
          >
            <Typography.Text type={counts.data?.overdue ? 'danger' : undefined}>
              {t('apprenticeships.list.overdueOnly')}
              {counts.data ? ` (${counts.data.overdue})` : ''}
            </Typography.Text>
          </Checkbox>
        </Flex>
        <ClassTable list={list} query={classes} showOrganisation={isQueue} />
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
