import { Button, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BreakdownRow } from '@fulcrum/shared';
import { changeColour, hoursOf, percentText } from './format.ts';

/** Attainment then and now with the change, and activity, one row per group; `onDrill` opens a group's learners. */
export function BreakdownTable({ rows, loading, onDrill }: { rows: BreakdownRow[]; loading: boolean; onDrill?: (row: BreakdownRow) => void }) {
  const { t } = useTranslation();
  const columns: TableProps<BreakdownRow>['columns'] = [
    { key: 'group', title: t('learningReports.table.group'), fixed: 'left', width: 160, render: (_, r) => r.label || t('learningReports.table.unassigned') },
    { key: 'learners', title: t('learningReports.table.learners'), align: 'right', width: 70, render: (_, r) => r.attainment.asOf.learners },
    { key: 'attained', title: t('learningReports.table.attained'), align: 'right', width: 70, render: (_, r) => r.attainment.asOf.attained },
    { key: 'compareRate', title: t('learningReports.table.compareRate'), align: 'right', width: 110, render: (_, r) => percentText(r.attainment.compareTo.rate) },
    { key: 'rate', title: t('learningReports.table.rate'), align: 'right', width: 90, render: (_, r) => percentText(r.attainment.asOf.rate) },
    {
      key: 'change',
      title: t('learningReports.table.change'),
      align: 'right',
      width: 80,
      render: (_, r) => <Typography.Text style={{ color: changeColour(r.attainment.changePoints) }}>{r.attainment.changePoints === null ? '—' : r.attainment.changePoints.toFixed(1)}</Typography.Text>,
    },
    { key: 'hours', title: t('learningReports.table.hours'), align: 'right', width: 80, render: (_, r) => hoursOf(r.activity.studySeconds) },
    { key: 'completions', title: t('learningReports.table.completions'), align: 'right', width: 80, render: (_, r) => r.activity.completions },
    { key: 'passRate', title: t('learningReports.table.passRate'), align: 'right', width: 80, render: (_, r) => percentText(r.activity.passRate) },
    { key: 'certificates', title: t('learningReports.table.certificates'), align: 'right', width: 70, render: (_, r) => r.activity.certificates },
  ];
  if (onDrill) {
    columns.push({
      key: 'drill',
      title: '',
      width: 90,
      render: (_, r) => (
        <Button size="small" type="link" onClick={() => onDrill(r)} disabled={!r.attainment.asOf.learners || !r.key} data-testid={`drill-${r.key || 'unassigned'}`}>
          {t('learningReports.table.drill')}
        </Button>
      ),
    });
  }
  return <Table<BreakdownRow> rowKey="key" size="small" columns={columns} dataSource={rows} loading={loading} pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false} scroll={{ x: 'max-content' }} data-testid="breakdown-table" />;
}
