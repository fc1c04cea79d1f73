import { useState } from 'react';
import { Button, Card, Flex, Grid, Progress, Select, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { batchSortKeys, batchStatuses, batchStatusLabels, type Role, type SelectionBatch } from '@fulcrum/shared';
import { ListTable } from '../../../components/list-table.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { SearchBar } from '../../../components/search-bar.tsx';
import { useListState, useSearchText } from '../../../lib/list.ts';
import { useActor, useLocale } from '../../../lib/session.ts';
import { useBatches } from '../api/use-batches.ts';
import { CreateBatchModal } from '../components/create-batch-modal.tsx';
import { BatchStatusTag } from '../components/status-tags.tsx';
import '../i18n.ts';

const filterKeys = ['status', 'q'] as const;
/** Who may open a batch (the server also insists on the HRSS bureau: another department's officer is refused). */
const creators: Role[] = ['department_officer', 'system_admin'];

/** The selection batches: status, quota used, selection and notice periods; a new batch for the bureau's officers. */
export default function BatchListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const role = useActor().activeMembership.role;
  const list = useListState(filterKeys, { sortKeys: batchSortKeys, sort: '-createdAt' });
  const batches = useBatches(list.query);
  const [q, setQ] = useSearchText(list.state.filters.q);
  const [creating, setCreating] = useState(false);
  const narrow = Grid.useBreakpoint().md === false;

  const columns: TableProps<SelectionBatch>['columns'] = [
    {
      key: 'name',
      title: t('trainingCentres.batches.name'),
      sorter: true,
      sortOrder: list.sortOrderOf('name'),
      fixed: narrow ? undefined : 'left',
      width: 240,
      render: (_, b) => (
        <Flex vertical gap={4} align="start">
          <Link to={`/console/selection-batches/${b.id}`} data-testid="batch-link">
            {b.name}
          </Link>
          {/* A phone shows the status and the quota used under the name: the columns beside it are off screen. */}
          {narrow && (
            <Flex wrap gap={4} align="center">
              <BatchStatusTag status={b.status} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('trainingCentres.batches.usageText', { count: b.applicationCount, quota: b.quota })}
              </Typography.Text>
            </Flex>
          )}
        </Flex>
      ),
    },
    { key: 'year', title: t('trainingCentres.batches.year'), dataIndex: 'year', sorter: true, sortOrder: list.sortOrderOf('year'), width: 90 },
    { key: 'status', title: t('trainingCentres.batches.status'), width: 100, render: (_, b) => <BatchStatusTag status={b.status} /> },
    {
      key: 'usage',
      title: t('trainingCentres.batches.usage'),
      width: 200,
      render: (_, b) => (
        <Flex vertical gap={0}>
          <Progress percent={Math.round((b.applicationCount / b.quota) * 100)} showInfo={false} size="small" />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('trainingCentres.batches.usageText', { count: b.applicationCount, quota: b.quota })}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'period', title: t('trainingCentres.batches.period'), width: 210, render: (_, b) => `${b.opensOn} ~ ${b.closesOn}` },
    {
      key: 'notice',
      title: t('trainingCentres.batches.notice'),
      width: 210,
      render: (_, b) => (b.notice ? `${b.notice.startsOn} ~ ${b.notice.endsOn}` : <Typography.Text type="secondary">{t('trainingCentres.batches.noNotice')}</Typography.Text>),
    },
    { key: 'validityYears', title: t('trainingCentres.batches.validityYears'), width: 130, dataIndex: 'validityYears', align: 'right' },
  ];

  return (
    <div data-testid="batch-list-page">
      <PageHeader
        title={t('trainingCentres.batches.title')}
        subTitle={t('trainingCentres.batches.subTitle')}
        extra={
          creators.includes(role) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="batch-create">
              {t('trainingCentres.batches.create')}
            </Button>
          )
        }
      />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <SearchBar
            value={q}
            onChange={setQ}
            onSearch={(text) => list.setFilters({ ...list.state.filters, q: text })}
            onReset={() => list.setFilters({})}
            placeholder={t('trainingCentres.batches.name')}
            testIds={{ input: 'batch-search', submit: 'batch-search-submit' }}
          >
            <Select
              allowClear
              placeholder={t('trainingCentres.batches.status')}
              value={list.state.filters.status}
              onChange={(status?: string) => list.setFilters({ ...list.state.filters, status })}
              options={batchStatuses.map((s) => ({ value: s, label: batchStatusLabels[s][locale] }))}
              style={{ width: 140 }}
              data-testid="batch-status-filter"
            />
          </SearchBar>
        </Flex>
        <ListTable<SelectionBatch>
          list={list}
          query={batches}
          rowKey="id"
          data-testid="batch-table"
          columns={columns}
          scroll={{ x: columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 150), 0) }}
        />
      </Card>
      <CreateBatchModal open={creating} onClose={() => setCreating(false)} onCreated={(batch) => navigate(`/console/selection-batches/${batch.id}`)} />
    </div>
  );
}
