import { useEffect, useState } from 'react';
import { Button, Flex, Input, Progress, Space, Typography, type TableProps } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { studyTimeText, type LearningProgressRow } from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { ListTable } from '../../../components/list-table.tsx';
import { useListState } from '../../../lib/list.ts';
import { progressPath, useProgress } from '../api/use-progress.ts';
import { progressFilterKeys, scorePercent } from './filters.ts';
import { LearnerSelect } from './learner-select.tsx';
import { StatusTag } from './status-tag.tsx';

const sortKeys = ['lastAt', 'personName'] as const;

/** Completion as the projector derived it: a tick once completed, else the reported progress as a bar, else a dash. */
export function Completion({ row }: { row: Pick<LearningProgressRow, 'completed' | 'progress'> }) {
  const { t } = useTranslation();
  if (row.completed) {
    return (
      <Space size={4}>
        <CheckCircleFilled style={{ color: '#52c41a' }} />
        {t('learningRecords.progress.completed')}
      </Space>
    );
  }
  if (row.progress === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return <Progress percent={row.progress} size="small" style={{ width: 110, margin: 0 }} />;
}

/** Each learner's standing on each activity: status, completion, result, score, study time, last activity; filters in the address. */
export function ProgressTab() {
  const { t } = useTranslation();
  const list = useListState(progressFilterKeys, { sortKeys });
  const filters = list.state.filters;
  const progress = useProgress(list.query);
  const [activity, setActivity] = useState(filters.activity ?? '');
  useEffect(() => setActivity(filters.activity ?? ''), [filters.activity]);
  const set = (patch: Record<string, string | undefined>) => list.setFilters({ ...filters, ...patch });

  const columns: TableProps<LearningProgressRow>['columns'] = [
    { key: 'personName', title: t('learningRecords.progress.learner'), dataIndex: 'personName', width: 100, sorter: true, sortOrder: list.sortOrderOf('personName') },
    {
      key: 'activity',
      title: t('learningRecords.progress.activity'),
      width: 220,
      render: (_, p) => (
        <Typography.Text ellipsis={{ tooltip: p.activityId }} style={{ maxWidth: '100%' }}>
          {p.activityName ?? p.activityId}
        </Typography.Text>
      ),
    },
    { key: 'status', title: t('learningRecords.progress.status'), width: 90, render: (_, p) => <StatusTag status={p.status} /> },
    { key: 'completion', title: t('learningRecords.progress.completion'), width: 140, render: (_, p) => <Completion row={p} /> },
    {
      key: 'success',
      title: t('learningRecords.progress.success'),
      width: 90,
      render: (_, p) =>
        p.success === null ? (
          '—'
        ) : p.success ? (
          <Space size={4}>
            <CheckCircleFilled style={{ color: '#52c41a' }} />
            {t('learningRecords.progress.passed')}
          </Space>
        ) : (
          <Space size={4}>
            <CloseCircleFilled style={{ color: '#ff4d4f' }} />
            {t('learningRecords.progress.failed')}
          </Space>
        ),
    },
    { key: 'score', title: t('learningRecords.progress.score'), width: 80, align: 'right', render: (_, p) => (p.scoreScaled === null ? '—' : `${scorePercent(p.scoreScaled)}%`) },
    { key: 'studyTime', title: t('learningRecords.progress.studyTime'), width: 100, align: 'right', render: (_, p) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{studyTimeText(p.studySeconds)}</span> },
    {
      key: 'lastAt',
      title: t('learningRecords.progress.lastAt'),
      width: 140,
      sorter: true,
      sortDirections: ['descend', 'ascend'],
      sortOrder: list.sortOrderOf('lastAt'),
      render: (_, p) => dayjs(p.lastAt).format('YYYY-MM-DD HH:mm'),
    },
  ];
  const width = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 150), 0);

  return (
    <div data-testid="lrs-progress-tab">
      <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 16 }}>
        <Flex wrap gap={8}>
          <LearnerSelect value={filters.personId} onChange={(personId) => set({ personId })} placeholder={t('learningRecords.progress.learnerPlaceholder')} testId="lrs-progress-learner" />
          <Input
            allowClear
            value={activity}
            onChange={(e) => setActivity(e.target.value)}
            onPressEnter={() => set({ activity: activity.trim() || undefined })}
            placeholder={t('learningRecords.progress.activityPlaceholder')}
            style={{ width: 280 }}
            data-testid="lrs-progress-activity"
          />
          <Button type="primary" onClick={() => set({ activity: activity.trim() || undefined })}>
            {t('learningRecords.progress.search')}
          </Button>
          <Button onClick={() => list.setFilters({})}>{t('learningRecords.progress.reset')}</Button>
        </Flex>
        <ExportButton path={progressPath} query={{ ...filters, sort: list.state.sort }} />
      </Flex>
      <ListTable<LearningProgressRow>
        list={list}
        query={progress}
        rowKey={(p) => `${p.personId} ${p.activityId}`}
        data-testid="lrs-progress-table"
        columns={columns}
        scroll={{ x: width }}
        locale={{ emptyText: t('learningRecords.progress.empty') }}
      />
    </div>
  );
}
