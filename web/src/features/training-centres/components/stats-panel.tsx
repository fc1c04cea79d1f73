import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Alert, Card, Col, DatePicker, Flex, Grid, Row, Segmented, Spin, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { centreStatsDimensions, type CentreStatsDimension, type TrainingCentreStats } from '@fulcrum/shared';
import { errorText } from '../../../lib/forms.ts';
import { useLocale } from '../../../lib/session.ts';
import { useCentreStats } from '../api/use-centre-stats.ts';
import { statsSentence } from './stats-sentence.ts';

// ECharts is its own chunk: the sentence and the table show before the chart has loaded.
const BarChart = lazy(async () => ({ default: (await import('../../../components/bar-chart.tsx')).BarChart }));

type Group = TrainingCentreStats['groups'][number];

/**
 * The certification figures for a period (this year so far by default): "2025年1–4月新增 2 家，总量 28 家" and the same
 * per region, industry or field as a bar chart and a table. Clicking a bar (or a row) of a region or field hands
 * its key to `onDrill`, which filters the list below.
 */
export function StatsPanel({ onDrill }: { onDrill: (groupBy: CentreStatsDimension, key: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('year'), dayjs()]);
  const [groupBy, setGroupBy] = useState<CentreStatsDimension>('region');
  const stats = useCentreStats({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), groupBy });
  const data = stats.data;
  const label = useCallback((g: Group) => (locale === 'zh-CN' ? g.labelZh : g.labelEn), [locale]);
  const bars = useMemo(() => (data?.groups ?? []).map((g) => ({ key: g.key, label: label(g), value: g.total })), [data, label]);
  // Only regions and fields are list filters; industries have no filter to drill into.
  const drillable = groupBy !== 'industry';
  const drill = useCallback((key: string) => onDrill(groupBy, key), [onDrill, groupBy]);
  const narrow = Grid.useBreakpoint().md === false;

  const columns: TableProps<Group>['columns'] = [
    { key: 'group', title: t(`trainingCentres.stats.groups.${groupBy}`), render: (_, g) => label(g) },
    { key: 'new', title: t('trainingCentres.stats.newInPeriod'), align: 'right', render: (_, g) => g.newInPeriod },
    { key: 'total', title: t('trainingCentres.stats.total'), align: 'right', render: (_, g) => g.total },
  ];

  const controls = (
    <Flex wrap gap={8} justify={narrow ? 'start' : 'end'} style={{ padding: narrow ? '0 0 16px' : '8px 0' }}>
      <DatePicker.RangePicker
        allowClear={false}
        value={range}
        onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
        aria-label={t('trainingCentres.stats.range')}
        data-testid="stats-range"
      />
      <Segmented<CentreStatsDimension>
        value={groupBy}
        onChange={setGroupBy}
        options={centreStatsDimensions.map((d) => ({ value: d, label: t(`trainingCentres.stats.groups.${d}`) }))}
        aria-label={t('trainingCentres.stats.groupBy')}
        data-testid="stats-group-by"
      />
    </Flex>
  );

  // On a phone the period and grouping go above the figures (beside the title they would push it out).
  return (
    <Card title={t('trainingCentres.stats.title')} data-testid="centre-stats" extra={narrow ? undefined : controls}>
      {narrow && controls}
      {stats.error ? (
        <Alert type="error" showIcon title={errorText(t, stats.error)} />
      ) : !data ? (
        <Spin />
      ) : (
        <>
          <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="stats-sentence">
            {statsSentence(t, locale, data)}
          </Typography.Title>
          {groupBy === 'field' && <Typography.Paragraph type="secondary">{t('trainingCentres.stats.fieldNote')}</Typography.Paragraph>}
          {data.groups.length === 0 ? (
            <Typography.Text type="secondary">{t('trainingCentres.stats.noGroups')}</Typography.Text>
          ) : (
            <Row gutter={[24, 16]}>
              <Col xs={24} lg={14}>
                <Suspense fallback={<Spin />}>
                  <BarChart bars={bars} onSelect={drillable ? drill : undefined} testId="stats-chart" />
                </Suspense>
              </Col>
              <Col xs={24} lg={10}>
                <Table<Group>
                  rowKey="key"
                  size="small"
                  columns={columns}
                  dataSource={data.groups}
                  pagination={false}
                  onRow={(g) => (drillable ? { onClick: () => drill(g.key), style: { cursor: 'pointer' } } : {})}
                  data-testid="stats-table"
                />
              </Col>
            </Row>
          )}
        </>
      )}
    </Card>
  );
}
