import { lazy, Suspense, useMemo, useState } from 'react';
import { Alert, Card, Col, DatePicker, Empty, Flex, Grid, Row, Segmented, Select, Space, Spin, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { statisticsDimensions, type StatisticsDimension, type SubsidyStatisticsRow } from '@fulcrum/shared';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorText } from '../../../lib/forms.ts';
import { useLocale } from '../../../lib/session.ts';
import { useClaimNotices } from '../api/use-claim-notices.ts';
import { useStatistics } from '../api/use-statistics.ts';
import { Amount } from '../components/amount.tsx';
import { shareText } from '../components/money.ts';
import { statisticsSentence } from '../components/statistics-sentence.ts';
import '../i18n.ts';

// ECharts is its own chunk: the sentence and the table show before the chart has loaded.
const BarChart = lazy(async () => ({ default: (await import('../../../components/bar-chart.tsx')).BarChart }));

/**
 * /console/subsidy-statistics — where the subsidies went, by industry group (装备制造业 and the GB/T 4754 sections), industry,
 * level, region, year or occupation, for a year and/or one notice (batch) of claims: a sentence, a bar chart and a table.
 */
export default function StatisticsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const narrow = Grid.useBreakpoint().md === false;
  const [dimension, setDimension] = useState<StatisticsDimension>('industryGroup');
  const [year, setYear] = useState<number | undefined>(undefined);
  const [noticeId, setNoticeId] = useState<string | undefined>(undefined);
  const notices = useClaimNotices();
  const stats = useStatistics({ dimension, year, noticeId });
  const data = stats.data;
  const notice = notices.data?.items.find((n) => n.id === noticeId);
  const bars = useMemo(() => (data?.rows ?? []).map((r) => ({ key: r.key, label: r.label[locale], value: r.amountFen / 100 })), [data, locale]);
  const totalFen = data?.totals.amountFen ?? 0;

  const columns: TableProps<SubsidyStatisticsRow>['columns'] = [
    { key: 'group', title: t(`subsidyFinance.stats.dimensions.${dimension}`), width: 150, render: (_, r) => r.label[locale] },
    { key: 'amount', title: t('subsidyFinance.stats.colAmount'), width: 130, align: 'right', render: (_, r) => <Amount fen={r.amountFen} /> },
    { key: 'apprentices', title: t('subsidyFinance.stats.colApprentices'), width: 90, align: 'right', dataIndex: 'apprentices' },
    { key: 'classes', title: t('subsidyFinance.stats.colClasses'), width: 90, align: 'right', dataIndex: 'classes' },
    { key: 'enterprises', title: t('subsidyFinance.stats.colEnterprises'), width: 90, align: 'right', dataIndex: 'enterprises' },
    { key: 'share', title: t('subsidyFinance.stats.colShare'), width: 70, align: 'right', render: (_, r) => shareText(r.amountFen, totalFen) ?? '—' },
  ];

  const controls = (
    <Flex wrap gap={8} align="center">
      <Segmented<StatisticsDimension>
        value={dimension}
        onChange={setDimension}
        options={statisticsDimensions.map((d) => ({ value: d, label: t(`subsidyFinance.stats.dimensions.${d}`) }))}
        aria-label={t('subsidyFinance.stats.dimension')}
        data-testid="stats-dimension"
        style={narrow ? { maxWidth: '100%', overflowX: 'auto' } : undefined}
      />
      <DatePicker
        picker="year"
        placeholder={t('subsidyFinance.stats.year')}
        value={year ? dayjs(`${year}-01-01`) : null}
        onChange={(value) => setYear(value ? value.year() : undefined)}
        style={{ width: 130 }}
        data-testid="stats-year"
      />
      <Select
        allowClear
        placeholder={t('subsidyFinance.stats.noticePlaceholder')}
        aria-label={t('subsidyFinance.stats.notice')}
        value={noticeId}
        onChange={(id?: string) => setNoticeId(id)}
        loading={notices.isPending}
        popupMatchSelectWidth={false}
        options={(notices.data?.items ?? []).map((n) => ({ value: n.id, label: `${n.title}（${dayjs(n.publishedAt).format('YYYY-MM-DD')}）` }))}
        style={{ width: narrow ? '100%' : 320 }}
        data-testid="stats-notice"
      />
    </Flex>
  );

  return (
    <div data-testid="statistics-page">
      <PageHeader title={t('subsidyFinance.stats.title')} subTitle={t('subsidyFinance.stats.subTitle')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">{controls}</Card>
        {stats.error ? (
          <Alert type="error" showIcon title={errorText(t, stats.error)} />
        ) : !data ? (
          <Spin />
        ) : (
          <Card>
            <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="stats-sentence">
              {statisticsSentence(t, locale, data, { year, noticeTitle: notice?.title })}
            </Typography.Title>
            {data.rows.length === 0 ? (
              <Empty description={t('subsidyFinance.stats.empty')} />
            ) : (
              <Row gutter={[24, 16]}>
                <Col xs={24} xl={10}>
                  <Typography.Text type="secondary">{t('subsidyFinance.stats.chartTitle')}</Typography.Text>
                  <Suspense fallback={<Spin />}>
                    <BarChart bars={bars} testId="stats-chart" />
                  </Suspense>
                </Col>
                <Col xs={24} xl={14}>
                  <Table<SubsidyStatisticsRow>
                    rowKey="key"
                    size="small"
                    columns={columns}
                    dataSource={data.rows}
                    pagination={false}
                    scroll={{ x: 620 }}
                    data-testid="stats-table"
                    summary={() => (
                      <Table.Summary.Row>
                        <Table.Summary.Cell index={0}>
                          <Typography.Text strong>{t('subsidyFinance.stats.total')}</Typography.Text>
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={1} align="right">
                          <span data-testid="stats-total-amount">
                            <Amount fen={data.totals.amountFen} strong />
                          </span>
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={2} align="right">
                          {data.totals.apprentices}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={3} align="right">
                          {data.totals.classes}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={4} align="right">
                          {data.totals.enterprises}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={5} align="right">
                          {shareText(totalFen, totalFen) ?? '—'}
                        </Table.Summary.Cell>
                      </Table.Summary.Row>
                    )}
                  />
                  <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
                    {t('subsidyFinance.stats.totalsNote')}
                  </Typography.Paragraph>
                </Col>
              </Row>
            )}
          </Card>
        )}
      </Space>
    </div>
  );
}
