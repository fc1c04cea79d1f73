import { Col, Descriptions, Grid, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { classKindLabels, type ApprenticeshipClass, type Tutor } from '@fulcrum/shared';
import { AttachmentList } from '../../../components/attachment-list.tsx';
import { useLocale } from '../../../lib/session.ts';
import { useClassHistory } from '../api/use-class-history.ts';
import { WorkflowHistory } from '../../../components/workflow-history.tsx';
import { ClassSteps } from './class-steps.tsx';
import { levelName, occupationName } from './labels.ts';
import { DueTag } from './status-tags.tsx';

const tutorText = (tutor: Tutor) => [tutor.name, tutor.title, tutor.phone].filter(Boolean).join(' · ');

/** The class facts, its stage on the registration path, and its history. */
export function OverviewTab({ record }: { record: ApprenticeshipClass }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const history = useClassHistory(record.id);
  const narrow = Grid.useBreakpoint().md === false;
  const c = record;
  const items = [
    { key: 'registrationNo', label: t('apprenticeships.fields.registrationNo'), children: <span data-testid="class-registration-no">{c.registrationNo ?? '—'}</span> },
    { key: 'organisation', label: t('apprenticeships.fields.organisation'), children: c.organisationName },
    { key: 'kind', label: t('apprenticeships.fields.kind'), children: classKindLabels[c.kind][locale] },
    { key: 'occupation', label: t('apprenticeships.fields.occupation'), children: occupationName(c.occupation, locale) },
    { key: 'targetLevel', label: t('apprenticeships.fields.targetLevel'), children: levelName(c.targetLevel, locale) },
    {
      key: 'institution',
      label: t('apprenticeships.fields.institution'),
      children: c.institutionKind === 'training_centre' ? (c.trainingCentreName ?? '—') : (c.institutionName ?? '—'),
    },
    { key: 'period', label: t('apprenticeships.fields.period'), children: `${c.startsOn} ~ ${c.endsOn}（${t('apprenticeships.detail.years', { n: c.durationYears })}）` },
    ...(c.durationReason ? [{ key: 'reason', label: t('apprenticeships.fields.durationReason'), children: c.durationReason }] : []),
    { key: 'enterpriseTutor', label: t('apprenticeships.fields.enterpriseTutor'), children: tutorText(c.enterpriseTutor) },
    { key: 'institutionTutor', label: t('apprenticeships.fields.institutionTutor'), children: tutorText(c.institutionTutor) },
    {
      key: 'counts',
      label: t('apprenticeships.fields.counts'),
      children: <span data-testid="class-counts-summary">{t('apprenticeships.counts.summary', c.counts)}</span>,
    },
    { key: 'dueOn', label: t('apprenticeships.fields.dueOn'), children: c.dueOn ? <DueTag dueOn={c.dueOn} overdue={c.overdue} /> : '—' },
    { key: 'filedAt', label: t('apprenticeships.fields.filedAt'), children: c.filedAt ? dayjs(c.filedAt).format('YYYY-MM-DD HH:mm') : '—' },
    { key: 'registeredOn', label: t('apprenticeships.fields.registeredOn'), children: c.registeredOn ?? '—' },
    {
      key: 'plan',
      label: t('apprenticeships.fields.trainingPlan'),
      span: narrow ? 1 : 2,
      children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.trainingPlan}</Typography.Paragraph>,
    },
    ...(c.attachmentIds.length ? [{ key: 'attachments', label: t('apprenticeships.fields.attachments'), span: narrow ? 1 : 2, children: <AttachmentList ids={c.attachmentIds} /> }] : []),
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ClassSteps status={c.status} history={history.data} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Descriptions
            bordered
            size="small"
            column={narrow ? 1 : 2}
            layout={narrow ? 'vertical' : 'horizontal'}
            styles={{ label: { whiteSpace: 'nowrap', width: narrow ? undefined : 120 } }}
            items={items}
            data-testid="class-facts"
          />
        </Col>
        <Col xs={24} xl={8}>
          <WorkflowHistory events={history.data} loading={history.isPending} error={history.error} testId="class-history" stepLabel={(transition) => t(`apprenticeships.transitions.${transition}`, { defaultValue: transition })} />
        </Col>
      </Row>
    </Space>
  );
}
