import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import {
  studyFlagKindLabels,
  studyFlagKinds,
  studyFlagStatusLabels,
  studyFlagStatuses,
  studyTimeText,
  type Locale,
  type StudyFlag,
  type StudyFlagStatus,
} from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { ListTable } from '../../../components/list-table.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useListState } from '../../../lib/list.ts';
import { useLocale } from '../../../lib/session.ts';
import { studyFlagsPath, useStudyFlags } from '../api/use-study-flags.ts';
import { LearnerDaysDrawer } from '../components/learner-days-drawer.tsx';
import { ReviewModal } from '../components/review-modal.tsx';
import '../i18n.ts';

const filterKeys = ['status', 'kind', 'from', 'to'] as const;
const sortKeys = ['createdAt', 'day', 'personName'] as const;
const statusColour: Record<StudyFlagStatus, string> = { open: 'orange', cleared: 'green', confirmed: 'red' };

/** What the flag saw, in a line. */
function DetailText({ flag }: { flag: StudyFlag }) {
  const { t } = useTranslation();
  const detail = flag.detail as { clientKeys?: unknown[]; intervals?: unknown[] };
  const count = flag.kind === 'parallel_sessions' ? (detail.clientKeys?.length ?? 2) : (detail.intervals?.length ?? 0);
  return <Typography.Text type="secondary">{t(`studyTime.review.detail.${flag.kind}`, { count })}</Typography.Text>;
}

function columns(t: (key: string) => string, locale: Locale, sortOrderOf: (key: string) => 'ascend' | 'descend' | null, actions: { review: (f: StudyFlag) => void; days: (personId: string) => void }) {
  return [
    {
      key: 'personName',
      title: t('studyTime.review.columns.person'),
      sorter: true,
      sortOrder: sortOrderOf('personName'),
      render: (_: unknown, f: StudyFlag) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => actions.days(f.personId)} data-testid="flag-person">
          {f.personName}
        </Button>
      ),
    },
    { key: 'day', dataIndex: 'day', title: t('studyTime.review.columns.day'), sorter: true, sortOrder: sortOrderOf('day') },
    {
      key: 'kind',
      title: t('studyTime.review.columns.kind'),
      render: (_: unknown, f: StudyFlag) => (
        <Flex vertical>
          <span>{studyFlagKindLabels[f.kind][locale]}</span>
          <DetailText flag={f} />
        </Flex>
      ),
    },
    { key: 'lesson', title: t('studyTime.review.columns.lesson'), render: (_: unknown, f: StudyFlag) => f.lessonTitle ?? '—' },
    { key: 'credited', title: t('studyTime.review.columns.credited'), render: (_: unknown, f: StudyFlag) => (f.sessionCreditedSeconds === null ? '—' : studyTimeText(f.sessionCreditedSeconds)) },
    {
      key: 'status',
      title: t('studyTime.review.columns.status'),
      render: (_: unknown, f: StudyFlag) => (
        <Flex vertical>
          <Tag color={statusColour[f.status]} data-testid="flag-status">
            {studyFlagStatusLabels[f.status][locale]}
          </Tag>
          {f.reviewNote && <Typography.Text type="secondary">{`${f.reviewedByName ?? ''}：${f.reviewNote}`}</Typography.Text>}
        </Flex>
      ),
    },
    { key: 'createdAt', title: t('studyTime.review.columns.raisedAt'), sorter: true, sortOrder: sortOrderOf('createdAt'), render: (_: unknown, f: StudyFlag) => dayjs(f.createdAt).format('YYYY-MM-DD HH:mm') },
    {
      key: 'actions',
      title: t('studyTime.review.columns.actions'),
      render: (_: unknown, f: StudyFlag) =>
        f.status === 'open' ? (
          <Button size="small" type="primary" onClick={() => actions.review(f)} data-testid="flag-review">
            {t('studyTime.review.review')}
          </Button>
        ) : null,
    },
  ];
}

/** /console/learning/study-time — the flag queue of suspicious study time, with filters, review and export. */
export default function StudyReviewPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useListState(filterKeys, { sortKeys, sort: '-createdAt' });
  const flags = useStudyFlags(list.query);
  const [reviewing, setReviewing] = useState<StudyFlag | null>(null);
  const [learner, setLearner] = useState<string | null>(null);
  const { filters } = list.state;
  const set = (changes: Record<string, string | undefined>) => list.setFilters({ ...filters, ...changes });
  return (
    <div data-testid="study-review-page">
      <PageHeader title={t('studyTime.review.title')} subTitle={t('studyTime.review.subTitle')} extra={<ExportButton path={studyFlagsPath} query={list.query} />} />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Select
            style={{ width: 200 }}
            value={filters.status ?? ''}
            onChange={(status) => set({ status })}
            data-testid="filter-status"
            options={[{ value: '', label: `${t('studyTime.review.filters.status')}：${t('studyTime.review.filters.all')}` }, ...studyFlagStatuses.map((s) => ({ value: s, label: studyFlagStatusLabels[s][locale] }))]}
          />
          <Select
            style={{ width: 200 }}
            value={filters.kind ?? ''}
            onChange={(kind) => set({ kind })}
            data-testid="filter-kind"
            options={[{ value: '', label: `${t('studyTime.review.filters.kind')}：${t('studyTime.review.filters.all')}` }, ...studyFlagKinds.map((k) => ({ value: k, label: studyFlagKindLabels[k][locale] }))]}
          />
          <DatePicker.RangePicker
            value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
            onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
            data-testid="filter-days"
          />
        </Flex>
        <ListTable<StudyFlag>
          list={list}
          query={flags}
          rowKey="id"
          data-testid="flag-table"
          scroll={{ x: 960 }}
          columns={columns(t, locale, list.sortOrderOf, { review: setReviewing, days: setLearner })}
        />
      </Card>
      <ReviewModal flag={reviewing} onClose={() => setReviewing(null)} />
      <LearnerDaysDrawer personId={learner} onClose={() => setLearner(null)} />
    </div>
  );
}
