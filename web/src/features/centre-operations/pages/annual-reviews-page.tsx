import { useState } from 'react';
import { Button, Card, Flex, Grid, Select, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import {
  annualReviewDecisionLabels,
  annualReviewDecisions,
  annualReviewSortKeys,
  annualReviewStatusLabels,
  annualReviewStatuses,
  type AnnualReview,
} from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { ListTable } from '../../../components/list-table.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useListState } from '../../../lib/list.ts';
import { useLocale } from '../../../lib/session.ts';
import { useReviewQueue } from '../api/use-review-queue.ts';
import { ReviewDrawer } from '../components/review-drawer.tsx';
import { DecisionTag, ReviewStatusTag } from '../components/review-tags.tsx';
import '../i18n.ts';

const filterKeys = ['status', 'year', 'decision'] as const;

/** The years a queue filter offers: this year and the five before it. */
const recentYears = () => Array.from({ length: 6 }, (_, i) => new Date().getFullYear() - i);

/**
 * /console/annual-reviews — the HRSS queue of annual reports of the region: filters, overdue ones in red, export,
 * and a drawer to read one and decide on it.
 */
export default function AnnualReviewsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useListState(filterKeys, { sortKeys: annualReviewSortKeys, sort: '-filedAt' });
  const reviews = useReviewQueue(list.query);
  const [open, setOpen] = useState<string | null>(null);
  // Fixed columns would leave a phone no room for the rest.
  const wide = Grid.useBreakpoint().md !== false;
  const set = (patch: Record<string, string | undefined>) => list.setFilters({ ...list.state.filters, ...patch });

  const columns: TableProps<AnnualReview>['columns'] = [
    {
      key: 'organisationName',
      title: t('centreOps.reviews.organisation'),
      sorter: true,
      sortOrder: list.sortOrderOf('organisationName'),
      width: 220,
      fixed: wide ? 'left' : undefined,
      render: (_, r) => (
        <Typography.Link onClick={() => setOpen(r.id)} data-testid="review-open">
          {r.organisationName}
        </Typography.Link>
      ),
    },
    { key: 'certificateNo', title: t('centreOps.reviews.certificateNo'), width: 160, render: (_, r) => <Typography.Text style={{ fontFamily: 'monospace' }}>{r.certificateNo}</Typography.Text> },
    { key: 'year', title: t('centreOps.reviews.year'), dataIndex: 'year', width: 70, sorter: true, sortOrder: list.sortOrderOf('year') },
    { key: 'filedAt', title: t('centreOps.reviews.filedAt'), width: 140, sorter: true, sortOrder: list.sortOrderOf('filedAt'), render: (_, r) => dayjs(r.filedAt).format('YYYY-MM-DD HH:mm') },
    {
      key: 'dueOn',
      title: t('centreOps.reviews.dueOn'),
      width: 110,
      render: (_, r) =>
        r.status === 'filed' && r.dueOn ? <Typography.Text type={r.overdue ? 'danger' : undefined} strong={r.overdue}>{r.dueOn}</Typography.Text> : '—',
    },
    { key: 'status', title: t('centreOps.reviews.status'), width: 120, render: (_, r) => <ReviewStatusTag review={r} /> },
    { key: 'decision', title: t('centreOps.reviews.decision'), width: 100, render: (_, r) => (r.decision ? <DecisionTag decision={r.decision} /> : '—') },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 110,
      fixed: wide ? 'right' : undefined,
      render: (_, r) => (
        <Button size="small" type={r.availableTransitions.includes('decide') && r.status === 'filed' ? 'primary' : 'default'} onClick={() => setOpen(r.id)}>
          {r.availableTransitions.includes('decide') && r.status === 'filed' ? t('centreOps.reviews.decideShort') : t('centreOps.reviews.open')}
        </Button>
      ),
    },
  ];

  return (
    <div data-testid="annual-reviews-page">
      <PageHeader title={t('centreOps.reviews.title')} subTitle={t('centreOps.reviews.subTitle')} extra={<ExportButton path="/annual-reviews" query={list.query} />} />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('centreOps.reviews.filters.status')}
            value={list.state.filters.status}
            onChange={(status?: string) => set({ status })}
            options={annualReviewStatuses.map((s) => ({ value: s, label: annualReviewStatusLabels[s][locale] }))}
            style={{ width: 130 }}
            data-testid="reviews-filter-status"
          />
          <Select
            allowClear
            placeholder={t('centreOps.reviews.filters.year')}
            value={list.state.filters.year}
            onChange={(year?: string) => set({ year })}
            options={recentYears().map((y) => ({ value: String(y), label: String(y) }))}
            style={{ width: 110 }}
            data-testid="reviews-filter-year"
          />
          <Select
            allowClear
            placeholder={t('centreOps.reviews.filters.decision')}
            value={list.state.filters.decision}
            onChange={(decision?: string) => set({ decision })}
            options={annualReviewDecisions.map((d) => ({ value: d, label: annualReviewDecisionLabels[d][locale] }))}
            style={{ width: 130 }}
            data-testid="reviews-filter-decision"
          />
          <Button type="link" onClick={() => list.setFilters({})} disabled={Object.keys(list.state.filters).length === 0}>
            {t('common.reset')}
          </Button>
        </Flex>
        <ListTable<AnnualReview>
          list={list}
          query={reviews}
          rowKey="id"
          data-testid="reviews-table"
          columns={columns}
          scroll={{ x: 1030 }}
        />
      </Card>
      <ReviewDrawer id={open} onClose={() => setOpen(null)} />
    </div>
  );
}
