import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SkillAssessment, TrainingMatchResults } from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';
import { percent } from './labels.ts';

/** The sentence "评价 12 人，通过 10 人，通过率 83.3%" from a match's results as the server counted them. */
export function ResultsSummary({ results }: { results: TrainingMatchResults }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!results.assessed) return <Typography.Text type="secondary">{t('matching.need.noResults')}</Typography.Text>;
  return (
    <Typography.Text data-testid="match-results">
      {t('matching.need.resultsValue', { assessed: results.assessed, passed: results.passed, rate: percent(results.passRate, locale) })}
    </Typography.Text>
  );
}

/** The trainees' assessments of a match (resident IDs masked by the server). */
export function ResultsTable({ results }: { results: TrainingMatchResults }) {
  const { t } = useTranslation();
  if (!results.assessments.length) return null;
  return (
    <Table<SkillAssessment>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={results.assessments}
      data-testid="match-assessments"
      scroll={{ x: 780 }}
      columns={[
        { key: 'name', title: t('matching.assessment.name'), dataIndex: 'personName', width: 90 },
        { key: 'residentId', title: t('matching.assessment.residentId'), width: 170, render: (_, a) => <span style={{ fontFamily: 'monospace' }}>{a.residentIdMasked}</span> },
        { key: 'assessedOn', title: t('matching.assessment.assessedOn'), dataIndex: 'assessedOn', width: 110 },
        { key: 'score', title: t('matching.assessment.score'), dataIndex: 'score', width: 70, align: 'right' },
        {
          key: 'passed',
          title: t('matching.assessment.passed'),
          width: 80,
          render: (_, a) => <Tag color={a.passed ? 'green' : 'default'}>{a.passed ? t('matching.assessment.pass') : t('matching.assessment.fail')}</Tag>,
        },
        {
          key: 'certificateNo',
          title: t('matching.assessment.certificateNo'),
          width: 250,
          render: (_, a) => <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{a.certificateNo ?? '—'}</span>,
        },
      ]}
    />
  );
}
