import { useState } from 'react';
import { Alert, Drawer, Flex, Grid, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BreakdownRow, ReportDimension } from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { errorText } from '../../../lib/forms.ts';
import { breakdownPath, useReportBreakdown } from '../api/use-report-breakdown.ts';
import type { ReportDatesQuery } from '../api/use-report-summary.ts';
import { BreakdownTable } from './breakdown-table.tsx';
import { LearnersTable } from './learners-table.tsx';

/**
 * Attainment and activity by one of the given dimensions. Enterprises drill from a department or role profile to its
 * learners and their gaps; the district view (organisation, industry, region, centre) stays with aggregates.
 */
export function BreakdownTab({ dates, dimensions, canDrill, hint }: { dates: ReportDatesQuery; dimensions: readonly ReportDimension[]; canDrill: boolean; hint?: string }) {
  const { t } = useTranslation();
  const narrow = Grid.useBreakpoint().md === false;
  const [dimension, setDimension] = useState<ReportDimension>(dimensions[0]!);
  const [drilled, setDrilled] = useState<BreakdownRow | null>(null);
  const report = useReportBreakdown({ ...dates, dimension });
  const group = drilled ? (dimension === 'department' ? { department: drilled.key } : { roleProfileId: drilled.key }) : {};
  return (
    <Flex vertical gap={12} data-testid={`breakdown-${dimensions.join('-')}`}>
      {hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
      <Flex wrap gap={8} justify="space-between">
        <Segmented<ReportDimension>
          value={dimension}
          onChange={setDimension}
          options={dimensions.map((d) => ({ value: d, label: <span data-testid={`dimension-${d}`}>{t(`learningReports.dimensions.${d}`)}</span> }))}
          style={narrow ? { maxWidth: '100%', overflowX: 'auto' } : undefined}
        />
        <ExportButton path={breakdownPath} query={{ ...dates, dimension }} />
      </Flex>
      {report.error ? (
        <Alert type="error" showIcon message={errorText(t, report.error)} />
      ) : (
        <BreakdownTable rows={report.data?.rows ?? []} loading={report.isFetching} onDrill={canDrill ? setDrilled : undefined} />
      )}
      <Drawer
        open={drilled !== null}
        onClose={() => setDrilled(null)}
        width={narrow ? '100%' : 960}
        title={drilled ? t('learningReports.learners.filtered', { label: drilled.label || t('learningReports.table.unassigned') }) : ''}
        destroyOnHidden
      >
        {drilled && <LearnersTable dates={dates} group={group} />}
      </Drawer>
    </Flex>
  );
}
