import { Card, Col, Row, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnnualFigures } from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';
import { levelName, occupationName, percent } from './labels.ts';

/** A year's figures as the server computed them: six statistics and the assessments per occupation and level. */
export function FiguresView({ figures, compact = false }: { figures: AnnualFigures; compact?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const stats: { key: string; value: string | number }[] = [
    { key: 'trainings', value: figures.trainings },
    { key: 'personTimes', value: figures.personTimes },
    { key: 'assessments', value: figures.assessments },
    { key: 'passed', value: figures.passed },
    { key: 'passRate', value: figures.passRate === null ? t('centreOps.annual.noAssessments') : percent(figures.passRate, locale) },
    { key: 'matchesCompleted', value: figures.matchesCompleted },
  ];
  const rows = figures.byOccupation.map((row) => ({ ...row, key: `${row.occupation}-${row.level}` }));
  return (
    <div data-testid="annual-figures">
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {stats.map((s) => (
          <Col key={s.key} xs={12} sm={8} lg={compact ? 8 : 4}>
            <Card size="small">
              <Statistic title={t(`centreOps.annual.figures.${s.key}`)} value={s.value} data-testid={`figure-${s.key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="annual-by-occupation"
        title={() => t('centreOps.annual.byOccupation')}
        scroll={{ x: 520 }}
        columns={[
          { key: 'occupation', title: t('centreOps.fields.occupation'), render: (_, r) => occupationName(r.occupation, locale) },
          { key: 'level', title: t('centreOps.fields.level'), width: 150, render: (_, r) => levelName(r.level, locale) },
          { key: 'assessments', title: t('centreOps.annual.figures.assessments'), dataIndex: 'assessments', width: 100, align: 'right' },
          { key: 'passed', title: t('centreOps.annual.figures.passed'), dataIndex: 'passed', width: 100, align: 'right' },
          {
            key: 'passRate',
            title: t('centreOps.annual.figures.passRate'),
            width: 100,
            align: 'right',
            render: (_, r) => (r.assessments ? percent(r.passed / r.assessments, locale) : '—'),
          },
        ]}
      />
    </div>
  );
}
