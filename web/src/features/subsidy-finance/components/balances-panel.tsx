import { Alert, DatePicker, Flex, Segmented, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ledgerEntryKindLabels, ledgerEntryKinds, type LedgerBalance } from '@fulcrum/shared';
import { errorText } from '../../../lib/forms.ts';
import { useLocale } from '../../../lib/session.ts';
import { useLedgerBalances } from '../api/use-ledger-balances.ts';
import { Amount } from './amount.tsx';

export type BalanceGrouping = 'organisation' | 'class';

/**
 * What each claimant (or class) has received net, by kind, largest first, and the total; a row opens its entries.
 * The year is the ledger's filter, so the two tabs read the same period.
 */
export function BalancesPanel({
  groupBy,
  onGroupBy,
  year,
  onYear,
  onOpen,
}: {
  groupBy: BalanceGrouping;
  onGroupBy: (groupBy: BalanceGrouping) => void;
  year?: string;
  onYear: (year: string | undefined) => void;
  onOpen: (row: LedgerBalance) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const balances = useLedgerBalances({ groupBy, year });
  const byClass = groupBy === 'class';

  const columns: TableProps<LedgerBalance>['columns'] = [
    { key: 'organisation', title: t('subsidyFinance.ledger.colOrganisation'), dataIndex: 'organisationName', width: 180 },
    ...(byClass ? [{ key: 'class', title: t('subsidyFinance.ledger.colClass'), width: 190, render: (_: unknown, b: LedgerBalance) => b.className ?? '—' }] : []),
    ...ledgerEntryKinds.map((kind) => ({
      key: kind,
      title: ledgerEntryKindLabels[kind][locale],
      width: 100,
      align: 'right' as const,
      render: (_: unknown, b: LedgerBalance) => <Amount fen={b.byKind[kind] ?? 0} />,
    })),
    { key: 'balance', title: t('subsidyFinance.ledger.balance'), width: 130, align: 'right', render: (_, b) => <Amount fen={b.balanceFen} strong testId="balance-amount" /> },
    { key: 'entries', title: t('subsidyFinance.ledger.colEntries'), width: 70, align: 'right', dataIndex: 'entries' },
  ];
  const width = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);

  return (
    <Flex vertical gap={12} data-testid="balances-panel">
      <Flex wrap gap={8} align="center" justify="space-between">
        <Flex wrap gap={8}>
        <Segmented<BalanceGrouping>
          value={groupBy}
          onChange={onGroupBy}
          options={[
            { value: 'organisation', label: t('subsidyFinance.ledger.byOrganisation') },
            { value: 'class', label: t('subsidyFinance.ledger.byClass') },
          ]}
          aria-label={t('subsidyFinance.ledger.balancesBy')}
          data-testid="balances-group-by"
        />
        <DatePicker
          picker="year"
          placeholder={t('subsidyFinance.ledger.filterYear')}
          value={year ? dayjs(`${year}-01-01`) : null}
          onChange={(value) => onYear(value ? String(value.year()) : undefined)}
          style={{ width: 140 }}
          data-testid="balances-filter-year"
        />
        </Flex>
        <Typography.Text type="secondary">{t('subsidyFinance.ledger.balancesHint')}</Typography.Text>
      </Flex>
      {balances.error ? <Alert type="error" showIcon title={errorText(t, balances.error)} /> : null}
      <Table<LedgerBalance>
        size="middle"
        rowKey={(b) => `${b.organisationId}:${b.classId ?? ''}`}
        loading={balances.isFetching}
        dataSource={balances.data?.items}
        columns={columns}
        pagination={false}
        scroll={{ x: width }}
        locale={{ emptyText: t('subsidyFinance.ledger.empty') }}
        onRow={(b) => ({ onClick: () => onOpen(b), style: { cursor: 'pointer' } })}
        data-testid="balances-table"
        summary={() =>
          balances.data && balances.data.items.length > 0 ? (
            <Table.Summary>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={columns.length - 2}>
                  <Typography.Text strong>{t('subsidyFinance.ledger.total')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <Amount fen={balances.data.totalFen} strong testId="balances-total" />
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} />
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
    </Flex>
  );
}
