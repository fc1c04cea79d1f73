import { useState } from 'react';
import { Button, Card, Flex, Grid, Select, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { trainingNeedSortKeys, trainingNeedStatusLabels, trainingNeedStatuses, type TrainingNeed } from '@fulcrum/shared';
import { ListTable } from '../../../components/list-table.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useListState } from '../../../lib/list.ts';
import { useLocale } from '../../../lib/session.ts';
import { useParkName } from '../api/use-parks.ts';
import { useTrainingNeeds } from '../api/use-training-needs.ts';
import { levelName, occupationName, occupationOptions } from '../components/labels.ts';
import { NeedFormModal } from '../components/need-form-modal.tsx';
import { NeedStatusTag } from '../components/status-tags.tsx';
import '../i18n.ts';

const filterKeys = ['status', 'occupation'] as const;

/** /console/training-needs — the enterprise's training needs with their status, and posting a new one. */
export default function TrainingNeedsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useListState(filterKeys, { sortKeys: trainingNeedSortKeys, sort: '-createdAt' });
  const needs = useTrainingNeeds(list.query);
  const [posting, setPosting] = useState(false);
  const parkName = useParkName();
  // Fixed columns would leave a phone no room for the rest.
  const wide = Grid.useBreakpoint().md !== false;
  const set = (patch: Record<string, string | undefined>) => list.setFilters({ ...list.state.filters, ...patch });

  const columns: TableProps<TrainingNeed>['columns'] = [
    {
      key: 'occupation',
      title: t('matching.fields.occupation'),
      width: 180,
      fixed: wide ? 'left' : undefined,
      render: (_, n) => (
        <Link to={`/console/training-needs/${n.id}`} data-testid="need-link">
          {occupationName(n.occupation, locale)}
        </Link>
      ),
    },
    { key: 'level', title: t('matching.fields.level'), width: 140, render: (_, n) => levelName(n.level, locale) },
    { key: 'headcount', title: t('matching.fields.headcount'), dataIndex: 'headcount', width: 100, align: 'right' },
    {
      key: 'preferredStart',
      title: t('matching.fields.period'),
      width: 210,
      sorter: true,
      sortOrder: list.sortOrderOf('preferredStart'),
      render: (_, n) => `${n.preferredStart} ~ ${n.preferredEnd}`,
    },
    { key: 'park', title: t('matching.fields.park'), width: 180, render: (_, n) => parkName(n.industrialParkId, n.industrialParkName) ?? '—' },
    { key: 'status', title: t('matching.fields.status'), width: 100, render: (_, n) => <NeedStatusTag status={n.status} /> },
    { key: 'createdAt', title: t('matching.fields.createdAt'), width: 150, sorter: true, sortOrder: list.sortOrderOf('createdAt'), render: (_, n) => dayjs(n.createdAt).format('YYYY-MM-DD HH:mm') },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 110,
      fixed: wide ? 'right' : undefined,
      render: (_, n) => <Link to={`/console/training-needs/${n.id}`}>{t('matching.needs.open')}</Link>,
    },
  ];

  return (
    <div data-testid="training-needs-page">
      <PageHeader
        title={t('matching.needs.title')}
        subTitle={t('matching.needs.subTitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPosting(true)} data-testid="need-post">
            {t('matching.needs.post')}
          </Button>
        }
      />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('matching.needs.filterStatus')}
            value={list.state.filters.status}
            onChange={(status?: string) => set({ status })}
            options={trainingNeedStatuses.map((s) => ({ value: s, label: trainingNeedStatusLabels[s][locale] }))}
            style={{ width: 130 }}
            data-testid="needs-filter-status"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('matching.needs.filterOccupation')}
            value={list.state.filters.occupation}
            onChange={(occupation?: string) => set({ occupation })}
            options={occupationOptions(locale)}
            style={{ width: 220 }}
            data-testid="needs-filter-occupation"
          />
        </Flex>
        <ListTable<TrainingNeed>
          list={list}
          query={needs}
          rowKey="id"
          data-testid="needs-table"
          locale={{ emptyText: t('matching.needs.empty') }}
          columns={columns}
          scroll={{ x: 1170 }}
        />
      </Card>
      <NeedFormModal open={posting} onClose={() => setPosting(false)} />
    </div>
  );
}
