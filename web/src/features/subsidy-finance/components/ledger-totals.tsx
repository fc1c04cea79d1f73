import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ledgerEntryKindLabels, ledgerEntryKinds, type LedgerPage } from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';
import { yuanText } from './money.ts';

/** The balance and the sum of each kind over every entry the filters match (not just the page on screen). */
export function LedgerTotals({ totals, count }: { totals: LedgerPage['totals']; count: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const figure = (fen: number) => ({ value: yuanText(fen), styles: { content: { fontVariantNumeric: 'tabular-nums', color: fen < 0 ? '#cf1322' : undefined, fontSize: 18 } } });
  return (
    <Card size="small" data-testid="ledger-totals">
      <Row gutter={[16, 12]}>
        <Col xs={24} md={6}>
          <Statistic
            title={
              <>
                {t('subsidyFinance.ledger.balance')} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('subsidyFinance.ledger.totalsOf', { count })}</Typography.Text>
              </>
            }
            {...figure(totals.balanceFen)}
            styles={{ content: { fontVariantNumeric: 'tabular-nums', fontWeight: 600, color: totals.balanceFen < 0 ? '#cf1322' : undefined } }}
            data-testid="ledger-balance"
          />
        </Col>
        {ledgerEntryKinds.map((kind) => (
          <Col key={kind} xs={12} sm={8} md={{ flex: 1 }}>
            <Statistic title={ledgerEntryKindLabels[kind][locale]} {...figure(totals.byKind[kind] ?? 0)} data-testid={`ledger-total-${kind}`} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
