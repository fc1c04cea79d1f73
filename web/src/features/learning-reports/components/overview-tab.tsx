import { lazy, Suspense } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Skeleton, Spin, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BreakdownRow, ReportDimension, ReportSummary } from '@fulcrum/shared';
import { errorText } from '../../../lib/forms.ts';
import { useReportBreakdown } from '../api/use-report-breakdown.ts';
import type { ReportDatesQuery } from '../api/use-report-summary.ts';
import { changeColour, changeOf, hoursOf, percentText } from './format.ts';

// ECharts is its own chunk: the cards show before the charts have loaded.
const BarChart = lazy(async () => ({ default: (await import('../../../components/bar-chart.tsx')).BarChart }));

function Cards({ summary }: { summary: ReportSummary }) {
  const { t } = useTranslation();
  const { attainment, activity, projects, dates } = summary;
  const change = changeOf(attainment);
  const cards = [
    {
      key: 'attainment',
      title: t('learningReports.cards.attainment'),
      value: percentText(attainment.asOf.rate),
      hint: (
        <>
          <div>{t('learningReports.cards.attainmentHint', { asOf: dates.asOf, compareTo: dates.compareTo })}</div>
          {change && <div style={{ color: changeColour(attainment.changePoints) }}>{t('learningReports.cards.change', change)}</div>}
          <div>{t('learningReports.cards.learners', attainment.asOf)}</div>
        </>
      ),
    },
    { key: 'hours', title: t('learningReports.cards.studyHours'), value: hoursOf(activity.studySeconds), hint: `${dates.from} – ${dates.to}` },
    { key: 'completions', title: t('learningReports.cards.completions'), value: activity.completions, hint: null },
    {
      key: 'pass-rate',
      title: t('learningReports.cards.passRate'),
      value: percentText(activity.passRate),
      hint: t('learningReports.cards.passHint', { passes: activity.examPasses, attempts: activity.examAttempts }),
    },
    { key: 'certificates', title: t('learningReports.cards.certificates'), value: activity.certificates, hint: null },
    { key: 'projects', title: t('learningReports.cards.projects'), value: percentText(projects.rate), hint: t('learningReports.cards.projectsHint', projects) },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={4}>
          <Card size="small" style={{ height: '100%' }} data-testid={`report-card-${c.key}`}>
            <Statistic title={c.title} value={c.value} />
            {c.hint && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.hint}</Typography.Text>}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function ChartCard({ title, bars, testId }: { title: string; bars: { key: string; label: string; value: number }[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title}>
      {bars.length ? (
        <Suspense fallback={<Spin />}>
          <BarChart bars={bars} testId={testId} />
        </Suspense>
      ) : (
        <Empty description={t('learningReports.charts.empty')} />
      )}
    </Card>
  );
}

const labelOf = (row: BreakdownRow, unassigned: string) => row.label || unassigned;

/** Cards and charts: attainment at the two dates, hours and pass rates by department (or by industry for the district). */
export function OverviewTab({ summary, dates, dimension }: { summary: UseQueryResult<ReportSummary>; dates: ReportDatesQuery; dimension: ReportDimension }) {
  const { t } = useTranslation();
  const breakdown = useReportBreakdown({ ...dates, dimension });
  if (summary.error) return <Alert type="error" showIcon message={errorText(t, summary.error)} />;
  if (!summary.data) return <Skeleton active />;
  const data = summary.data;
  const unassigned = t('learningReports.table.unassigned');
  const rows = breakdown.data?.rows ?? [];
  const dimensionName = t(`learningReports.dimensions.${dimension}`);
  const attainmentBars = [
    { key: 'compareTo', label: data.dates.compareTo, value: Math.round((data.attainment.compareTo.rate ?? 0) * 1000) / 10 },
    { key: 'asOf', label: data.dates.asOf, value: Math.round((data.attainment.asOf.rate ?? 0) * 1000) / 10 },
  ];
  return (
    <div data-testid="report-overview">
      {data.scope === 'district' && (
        <Typography.Paragraph type="secondary">
          {t('learningReports.cards.organisations')}: {data.organisations}
        </Typography.Paragraph>
      )}
      <Cards summary={data} />
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} lg={8}>
          <ChartCard title={t('learningReports.charts.attainment')} bars={data.attainment.asOf.learners || data.attainment.compareTo.learners ? attainmentBars : []} testId="chart-attainment" />
        </Col>
        <Col xs={24} lg={8}>
          <ChartCard
            title={t('learningReports.charts.hours', { dimension: dimensionName })}
            bars={rows.filter((r) => r.activity.studySeconds > 0).map((r) => ({ key: r.key, label: labelOf(r, unassigned), value: hoursOf(r.activity.studySeconds) }))}
            testId="chart-hours"
          />
        </Col>
        <Col xs={24} lg={8}>
          <ChartCard
            title={t('learningReports.charts.passRate', { dimension: dimensionName })}
            bars={rows.filter((r) => r.activity.passRate !== null).map((r) => ({ key: r.key, label: labelOf(r, unassigned), value: Math.round((r.activity.passRate ?? 0) * 1000) / 10 }))}
            testId="chart-pass-rate"
          />
        </Col>
      </Row>
    </div>
  );
}
