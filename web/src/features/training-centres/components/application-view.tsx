import { Card, Descriptions, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import type { InstructorItem, PastTrainingItem, TrainingCentreApplication } from '@fulcrum/shared';
import { AttachmentList } from '../../../components/attachment-list.tsx';
import { useLocale } from '../../../lib/session.ts';
import { levelName, occupationName } from './labels.ts';
import { ScopeTable } from './scope-table.tsx';

/** An instructor with its place in the list, the only key instructors have. */
type InstructorRow = InstructorItem & { key: number };

const paragraph = (text: string) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text}</Typography.Paragraph>;

/** An application laid out for reading: scope, facilities, instructors, plan, capacity, past training, documents, the on-site check. */
export function ApplicationView({ application, batchLink }: { application: TrainingCentreApplication; batchLink?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const a = application;

  const instructorColumns: TableProps<InstructorRow>['columns'] = [
    { key: 'name', title: t('trainingCentres.fields.instructorName'), dataIndex: 'name', width: 120 },
    { key: 'occupation', title: t('trainingCentres.fields.occupation'), render: (_, i) => occupationName(i.occupation, locale), width: 200 },
    { key: 'level', title: t('trainingCentres.fields.level'), render: (_, i) => levelName(i.level, locale), width: 150 },
    { key: 'certificateNo', title: t('trainingCentres.fields.certificateNo'), render: (_, i) => i.certificateNo ?? '—' },
  ];
  const pastColumns: TableProps<PastTrainingItem>['columns'] = [
    { key: 'year', title: t('trainingCentres.fields.year'), dataIndex: 'year', width: 100 },
    { key: 'trainings', title: t('trainingCentres.fields.trainings'), render: (_, r) => r.trainings.toLocaleString(locale), align: 'right' },
    { key: 'personTimes', title: t('trainingCentres.fields.personTimes'), render: (_, r) => r.personTimes.toLocaleString(locale), align: 'right' },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="application-view">
      <Card title={t('trainingCentres.fields.scope')}>
        <ScopeTable scope={a.scope} />
      </Card>
      <Card>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'organisation', label: t('trainingCentres.fields.organisation'), children: a.organisationName, span: 'filled' as const },
            {
              key: 'capacity',
              label: t('trainingCentres.fields.annualCapacity'),
              children: `${a.annualCapacity.toLocaleString(locale)} ${t('trainingCentres.fields.capacityUnit')}`,
            },
            { key: 'submittedAt', label: t('trainingCentres.fields.submittedAt'), children: a.submittedAt ? dayjs(a.submittedAt).format('YYYY-MM-DD HH:mm') : '—' },
            ...(a.batchName
              ? [
                  {
                    key: 'batch',
                    label: t('trainingCentres.fields.batch'),
                    children: batchLink && a.batchId ? <Link to={`/console/selection-batches/${a.batchId}`}>{a.batchName}</Link> : a.batchName,
                  },
                ]
              : []),
            { key: 'facilities', label: t('trainingCentres.fields.facilities'), children: paragraph(a.facilities), span: 'filled' as const },
            { key: 'plan', label: t('trainingCentres.fields.annualPlan'), children: paragraph(a.annualPlan), span: 'filled' as const },
          ]}
        />
      </Card>
      <Card title={t('trainingCentres.fields.instructors')}>
        <Table<InstructorRow>
          rowKey="key"
          size="small"
          columns={instructorColumns}
          dataSource={a.instructors.map((instructor, key) => ({ ...instructor, key }))}
          pagination={false}
          scroll={{ x: 600 }}
          data-testid="instructors-table"
        />
      </Card>
      <Card title={t('trainingCentres.fields.pastTraining')}>
        {a.pastTraining.length ? (
          <Table<PastTrainingItem>
            rowKey="year"
            size="small"
            columns={pastColumns}
            dataSource={[...a.pastTraining].sort((x, y) => x.year - y.year)}
            pagination={false}
            data-testid="past-training-table"
          />
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        )}
      </Card>
      <Card title={t('trainingCentres.fields.attachments')}>
        <AttachmentList ids={a.attachmentIds} />
      </Card>
      {a.onsiteCheck && (
        <Card title={t('trainingCentres.fields.onsiteCheck')} data-testid="onsite-check">
          <Descriptions
            column={1}
            items={[
              { key: 'date', label: t('trainingCentres.fields.onsiteDate'), children: a.onsiteCheck.date },
              {
                key: 'passed',
                label: t('trainingCentres.fields.passed'),
                children: (
                  <Tag color={a.onsiteCheck.passed ? 'success' : 'error'}>
                    {a.onsiteCheck.passed ? t('trainingCentres.onsite.passed') : t('trainingCentres.onsite.failed')}
                  </Tag>
                ),
              },
              { key: 'findings', label: t('trainingCentres.fields.findings'), children: paragraph(a.onsiteCheck.findings) },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
