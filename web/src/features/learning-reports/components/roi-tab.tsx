import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, InputNumber, Popconfirm, Row, Skeleton, Table, Typography, message, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatYuan, type RoiReport, type TrainingCost } from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { errorText } from '../../../lib/forms.ts';
import { useDeleteTrainingCost } from '../api/use-delete-training-cost.ts';
import { roiPath, useReportRoi } from '../api/use-report-roi.ts';
import type { ReportDatesQuery } from '../api/use-report-summary.ts';
import { trainingCostsPath, useTrainingCosts } from '../api/use-training-costs.ts';
import { CostModal } from './cost-modal.tsx';
import { changeColour, hoursOf, percentText } from './format.ts';

const yuan = (fen: number) => `¥${formatYuan(fen)}`;

function InputsOutputs({ report }: { report: RoiReport }) {
  const { t } = useTranslation();
  const { inputs, outputs } = report;
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} md={12}>
        <Card size="small" title={t('learningReports.roi.inputs')} data-testid="roi-inputs">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('learningReports.roi.studyHours')}>{hoursOf(inputs.studySeconds)}</Descriptions.Item>
            <Descriptions.Item label={t('learningReports.roi.studyCost')}>{inputs.studyCostFen === null ? t('learningReports.roi.studyCostNone') : yuan(inputs.studyCostFen)}</Descriptions.Item>
            <Descriptions.Item label={t('learningReports.roi.trainingCosts')}>{yuan(inputs.trainingCostsFen)}</Descriptions.Item>
            <Descriptions.Item label={t('learningReports.roi.subsidy')}>−{yuan(inputs.subsidyReceivedFen)}</Descriptions.Item>
            <Descriptions.Item label={<strong>{t('learningReports.roi.net')}</strong>}>
              <strong data-testid="roi-net">{yuan(inputs.netCostFen)}</strong>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title={t('learningReports.roi.outputs')} data-testid="roi-outputs">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('learningReports.roi.attainment')}>
              {percentText(outputs.attainment.compareTo.rate)} → {percentText(outputs.attainment.asOf.rate)}{' '}
              <Typography.Text style={{ color: changeColour(outputs.attainment.changePoints) }}>
                {outputs.attainment.changePoints === null ? '' : `(${outputs.attainment.changePoints > 0 ? '+' : ''}${outputs.attainment.changePoints.toFixed(1)})`}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('learningReports.roi.attained')}>
              {t('learningReports.roi.attainedMore', { before: outputs.attainment.compareTo.attained, after: outputs.attainment.asOf.attained })}
            </Descriptions.Item>
            <Descriptions.Item label={t('learningReports.roi.certificates')}>{outputs.certificates}</Descriptions.Item>
            <Descriptions.Item label={t('learningReports.roi.examPasses')}>{outputs.examPasses}</Descriptions.Item>
            <Descriptions.Item label={t('learningReports.roi.completions')}>{outputs.completions}</Descriptions.Item>
            <Descriptions.Item label={t('learningReports.roi.perAttained')}>
              {report.costPerAttainedFen === null ? t('learningReports.roi.perAttainedNone') : yuan(report.costPerAttainedFen)}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
    </Row>
  );
}

function CostsTable({ from, to }: { from?: string | undefined; to?: string | undefined }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<TrainingCost | null | undefined>(undefined);
  const costs = useTrainingCosts({ from, to, page, pageSize: 10 });
  const remove = useDeleteTrainingCost();
  const columns: TableProps<TrainingCost>['columns'] = [
    { key: 'spentOn', title: t('learningReports.costs.spentOn'), dataIndex: 'spentOn', width: 110 },
    { key: 'amount', title: t('learningReports.costs.amount'), align: 'right', width: 120, render: (_, r) => formatYuan(r.amountFen) },
    { key: 'description', title: t('learningReports.costs.description'), dataIndex: 'description' },
    { key: 'project', title: t('learningReports.costs.project'), width: 160, render: (_, r) => r.projectTitle ?? '—' },
    {
      key: 'actions',
      title: '',
      width: 120,
      render: (_, r) => (
        <Flex gap={4}>
          <Button size="small" type="link" onClick={() => setEditing(r)} data-testid={`cost-edit-${r.id}`}>
            {t('learningReports.costs.edit')}
          </Button>
          <Popconfirm
            title={t('learningReports.costs.removeConfirm')}
            onConfirm={() => remove.mutateAsync(r.id).then(() => void message.success(t('learningReports.costs.removed')), (error: unknown) => void message.error(errorText(t, error)))}
          >
            <Button size="small" type="link" danger data-testid={`cost-remove-${r.id}`}>
              {t('learningReports.costs.remove')}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title={t('learningReports.costs.title')}
      extra={
        <Flex gap={8}>
          <ExportButton path={trainingCostsPath} query={{ from, to }} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="cost-add">
            {t('learningReports.costs.add')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" data-testid="costs-total">
        {t('learningReports.costs.total', { amount: yuan(costs.data?.totalFen ?? 0) })}
      </Typography.Paragraph>
      <Table<TrainingCost>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={costs.data?.items ?? []}
        loading={costs.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('learningReports.costs.empty') }}
        pagination={{ current: page, pageSize: 10, total: costs.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        data-testid="costs-table"
      />
      {editing !== undefined && <CostModal cost={editing} open onClose={() => setEditing(undefined)} />}
    </Card>
  );
}

/** Input (hours and their cost, recorded costs, subsidy received) beside output over the period, and the costs themselves. */
export function RoiTab({ dates }: { dates: ReportDatesQuery }) {
  const { t } = useTranslation();
  const [hourlyYuan, setHourlyYuan] = useState<number | null>(null);
  const query = { from: dates.from, to: dates.to, hourlyCostFen: hourlyYuan === null ? undefined : Math.round(hourlyYuan * 100) };
  const roi = useReportRoi(query);
  return (
    <Flex vertical gap={12} data-testid="report-roi">
      <Flex wrap gap={8} justify="space-between" align="center">
        <Flex gap={6} align="center" wrap>
          <Typography.Text type="secondary">{t('learningReports.filters.hourlyCost')}</Typography.Text>
          <InputNumber min={0} precision={2} value={hourlyYuan} onChange={(v) => setHourlyYuan(v)} placeholder={t('learningReports.filters.hourlyCostHint')} style={{ width: 220 }} data-testid="roi-hourly-cost" />
        </Flex>
        <ExportButton path={roiPath} query={query} />
      </Flex>
      {roi.error ? <Alert type="error" showIcon message={errorText(t, roi.error)} /> : roi.data ? <InputsOutputs report={roi.data} /> : <Skeleton active />}
      <Typography.Text type="secondary">{t('learningReports.roi.note')}</Typography.Text>
      <CostsTable from={roi.data?.dates.from ?? dates.from} to={roi.data?.dates.to ?? dates.to} />
    </Flex>
  );
}
