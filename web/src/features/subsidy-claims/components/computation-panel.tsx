import { Card, Descriptions, Flex, Grid, Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { advanceBasisLabels, formatBasisPoints, skillLevelLabels, type ComputationLine, type SkillLevel, type SubsidyClaim } from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';
import { netAmount, yuanText } from './amount.ts';
import { Money } from './money.tsx';

/** The net amount, large: what is paid, or in red what the organiser must refund (应退回). */
export function NetAmount({ fen }: { fen: number }) {
  const { t } = useTranslation();
  const net = netAmount(fen);
  return (
    <Flex vertical align="end" data-testid="claim-net-amount" data-refund={net.isRefund ? 'true' : 'false'}>
      <Typography.Text type="secondary">{net.isRefund ? t('subsidyClaims.computation.refund') : t('subsidyClaims.computation.net')}</Typography.Text>
      <Typography.Text type={net.isRefund ? 'danger' : undefined} strong style={{ fontSize: 28, lineHeight: 1.3, fontVariantNumeric: 'tabular-nums' }}>
        {net.text}
      </Typography.Text>
      {net.isRefund && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {t('subsidyClaims.computation.refundHint')}
        </Typography.Text>
      )}
    </Flex>
  );
}

/**
 * How the amount was computed, from what the claim keeps with it (a later policy edit never changes it): the policy
 * version, the rates and ratio, the headcounts, each line with its formula, and the net amount.
 */
export function ComputationPanel({ claim }: { claim: SubsidyClaim }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const narrow = Grid.useBreakpoint().md === false;
  const c = claim.computation;
  const isSettlement = claim.kind === 'settlement';
  const persons = (count: number) => t('subsidyClaims.computation.persons', { count });

  const columns: TableProps<ComputationLine>['columns'] = [
    { key: 'label', title: t('subsidyClaims.computation.item'), width: 170, render: (_, l) => l.label[locale] },
    {
      key: 'formula',
      title: t('subsidyClaims.computation.formula'),
      render: (_, l) => (
        <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="computation-formula">
          {l.formula}
        </Typography.Text>
      ),
    },
    { key: 'amount', title: t('subsidyClaims.computation.lineAmount'), width: 150, align: 'right', render: (_, l) => <Money fen={l.amountFen} data-testid="computation-line-amount" /> },
  ];

  const facts = [
    {
      key: 'policy',
      label: t('subsidyClaims.computation.policy'),
      children: (
        <Flex wrap gap={4} align="center">
          <span data-testid="computation-policy">{t('subsidyClaims.computation.policyVersion', { year: c.policy.year, version: c.policy.version, from: c.policy.effectiveFrom })}</span>
          {c.policy.isDemo && (
            <Tag color="gold" data-testid="computation-demo-policy">
              {t('subsidyClaims.computation.demo')}
            </Tag>
          )}
        </Flex>
      ),
    },
    { key: 'level', label: t('subsidyClaims.computation.targetLevel'), children: skillLevelLabels[c.targetLevel as SkillLevel]?.[locale] ?? c.targetLevel },
    { key: 'years', label: t('subsidyClaims.computation.years'), children: t('subsidyClaims.computation.yearsValue', { years: c.years }) },
    { key: 'rate', label: t('subsidyClaims.computation.rate'), children: t('subsidyClaims.computation.perPersonYear', { amount: yuanText(c.rateFen) }) },
    ...(isSettlement
      ? [{ key: 'rateWithout', label: t('subsidyClaims.computation.rateWithoutCertificate'), children: t('subsidyClaims.computation.perPersonYear', { amount: yuanText(c.rateWithoutCertificateFen) }) }]
      : []),
    { key: 'ratio', label: t('subsidyClaims.computation.advanceRatio'), children: formatBasisPoints(c.advanceRatioBp) },
    { key: 'basis', label: t('subsidyClaims.computation.advanceBasis'), children: advanceBasisLabels[c.advanceBasis][locale] },
    { key: 'perPerson', label: t('subsidyClaims.computation.perPersonAdvance'), children: yuanText(c.perPersonAdvanceFen) },
    ...(isSettlement ? [{ key: 'paid', label: t('subsidyClaims.computation.advancePaid'), children: yuanText(c.advancePaidFen) }] : []),
  ];

  const heads = [
    { key: 'roster', label: t('subsidyClaims.computation.roster'), children: persons(c.headcount.roster) },
    { key: 'claimed', label: t('subsidyClaims.computation.claimed'), children: persons(c.headcount.claimed) },
    ...(isSettlement
      ? [
          { key: 'certified', label: t('subsidyClaims.computation.certified'), children: persons(c.headcount.certified) },
          { key: 'withoutCert', label: t('subsidyClaims.computation.completedWithoutCertificate'), children: persons(c.headcount.completedWithoutCertificate) },
          { key: 'nonCompleters', label: t('subsidyClaims.computation.nonCompleters'), children: persons(c.headcount.nonCompleters) },
        ]
      : []),
    {
      key: 'excluded',
      label: t('subsidyClaims.computation.excluded'),
      children: <Typography.Text type={c.headcount.excluded ? 'danger' : undefined}>{persons(c.headcount.excluded)}</Typography.Text>,
    },
  ];

  return (
    <Card title={t('subsidyClaims.computation.title')} data-testid="claim-computation">
      <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} items={facts} style={{ marginBottom: 16 }} />
      <Descriptions size="small" title={t('subsidyClaims.computation.headcount')} column={{ xs: 1, sm: 2, md: 3 }} items={heads} style={{ marginBottom: 16 }} data-testid="computation-headcount" />
      {narrow ? (
        // A phone reads each line as a block: what it is, the formula, the amount on the right.
        <Flex vertical gap={8} data-testid="computation-lines">
          {c.lines.map((l) => (
            <Flex key={l.key} vertical gap={2} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Typography.Text strong>{l.label[locale]}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="computation-formula">
                {l.formula}
              </Typography.Text>
              <Flex justify="end">
                <Money fen={l.amountFen} data-testid="computation-line-amount" />
              </Flex>
            </Flex>
          ))}
        </Flex>
      ) : (
        <Table<ComputationLine> size="small" rowKey="key" columns={columns} dataSource={c.lines} pagination={false} data-testid="computation-lines" />
      )}
      <Flex justify="end" style={{ marginTop: 16 }}>
        <NetAmount fen={claim.amountFen} />
      </Flex>
    </Card>
  );
}
