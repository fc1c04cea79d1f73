import { Alert, Col, Descriptions, Flex, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { advanceBasisLabels, apprenticeshipLevels, type ApprenticeshipLevel, type Locale, type PolicyWarning, type SubsidyPolicy } from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';
import { Amount } from './amount.tsx';
import { percentText, yuanText } from './money.ts';

/** A national rule a version departs from, in the reader's words with the figure concerned. */
export function warningText(t: TFunction, policy: SubsidyPolicy, warning: PolicyWarning): string {
  if (warning.code === 'BELOW_NATIONAL_FLOOR') {
    const level = warning.path.split('.')[1] as `${ApprenticeshipLevel}` | undefined;
    if (level && level in policy.ratesFen) {
      return t('subsidyFinance.policy.warnings.BELOW_NATIONAL_FLOOR', { level: t(`subsidyFinance.levels.${level}`), amount: yuanText(policy.ratesFen[level]) });
    }
  }
  if (warning.code === 'ABOVE_NATIONAL_ADVANCE_CEILING') {
    return t('subsidyFinance.policy.warnings.ABOVE_NATIONAL_ADVANCE_CEILING', { ratio: percentText(policy.advanceRatioBp) });
  }
  return t('subsidyFinance.policy.warnings.other', { message: warning.message });
}

type RateRow = { key: string; label: string; fen: number };

function rateRows(t: TFunction, policy: SubsidyPolicy): RateRow[] {
  return [
    ...apprenticeshipLevels.map((level) => ({ key: String(level), label: t(`subsidyFinance.levels.${level}`), fen: policy.ratesFen[`${level}`] })),
    { key: 'none', label: t('subsidyFinance.policy.withoutCertificate'), fen: policy.rateWithoutCertificateFen },
  ];
}

/** The rules of a version beside its rates, as a reader checks a claim against them. */
function rulesOf(t: TFunction, locale: Locale, p: SubsidyPolicy) {
  return [
    { key: 'effectiveFrom', label: t('subsidyFinance.policy.effectiveFrom'), children: p.effectiveFrom },
    { key: 'advance', label: t('subsidyFinance.policy.advance'), children: t('subsidyFinance.policy.advanceValue', { ratio: percentText(p.advanceRatioBp), basis: advanceBasisLabels[p.advanceBasis][locale] }) },
    { key: 'minHours', label: t('subsidyFinance.policy.minHours'), children: t('subsidyFinance.policy.minHoursValue', { hours: p.minCentralisedHours }) },
    { key: 'onlineCap', label: t('subsidyFinance.policy.onlineCap'), children: t('subsidyFinance.policy.onlineCapValue', { share: percentText(p.onlineShareCapBp) }) },
    { key: 'videoMin', label: t('subsidyFinance.policy.videoMin'), children: t('subsidyFinance.policy.videoMinValue', { share: percentText(p.videoShareMinBp) }) },
    { key: 'duration', label: t('subsidyFinance.policy.duration'), children: t('subsidyFinance.policy.durationValue', { min: p.minYears, max: p.maxYears, withReason: p.maxYearsWithReason }) },
    { key: 'noticeDays', label: t('subsidyFinance.policy.noticeDays'), children: t('subsidyFinance.policy.noticeDaysValue', { days: p.noticeWorkingDays }) },
    {
      key: 'note',
      label: t('subsidyFinance.policy.note'),
      children: p.note ? <span style={{ whiteSpace: 'pre-wrap' }}>{p.note}</span> : <Typography.Text type="secondary">{t('subsidyFinance.policy.noNote')}</Typography.Text>,
    },
  ];
}

/** One version's figures: the national rules it departs from (amber), the rates per level in yuan, and its training and payment rules. */
export function PolicyFigures({ policy, testId }: { policy: SubsidyPolicy; testId?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Flex vertical gap={12} data-testid={testId}>
      {policy.warnings.map((w) => (
        <Alert key={`${w.code}:${w.path}`} type="warning" showIcon title={warningText(t, policy, w)} data-testid="policy-warning" />
      ))}
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={9}>
          <Typography.Text strong>{t('subsidyFinance.policy.rates')}</Typography.Text>
          <Table<RateRow>
            size="small"
            rowKey="key"
            pagination={false}
            style={{ marginTop: 8 }}
            dataSource={rateRows(t, policy)}
            data-testid="policy-rates"
            columns={[
              { key: 'level', title: t('subsidyFinance.policy.rateLevel'), dataIndex: 'label' },
              { key: 'amount', title: t('subsidyFinance.policy.rateAmount'), align: 'right', render: (_, r) => <Amount fen={r.fen} testId={`policy-rate-value-${r.key}`} /> },
            ]}
          />
        </Col>
        <Col xs={24} lg={15}>
          <Typography.Text strong>{t('subsidyFinance.policy.rules')}</Typography.Text>
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginTop: 8 }} items={rulesOf(t, locale, policy)} data-testid="policy-rules" />
        </Col>
      </Row>
    </Flex>
  );
}
