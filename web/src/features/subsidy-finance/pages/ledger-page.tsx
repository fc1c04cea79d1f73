import { useMemo, useState } from 'react';
import { Button, Card, DatePicker, Flex, Grid, Select, Space, Tabs, Typography, type TableProps } from 'antd';
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { ledgerEntryKindLabels, ledgerEntryKinds, type LedgerBalance, type LedgerEntry } from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { ListTable } from '../../../components/list-table.tsx';
import { OrganisationSelect } from '../../../components/organisation-select.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useListState } from '../../../lib/list.ts';
import { useActor, useLocale } from '../../../lib/session.ts';
import { ledgerPath, useLedger } from '../api/use-ledger.ts';
import { isClaimant, mayWriteLedger, useDepartmentKind } from '../components/access.ts';
import { Amount, KindTag } from '../components/amount.tsx';
import { BalancesPanel, type BalanceGrouping } from '../components/balances-panel.tsx';
import { ClassSelect } from '../components/class-select.tsx';
import type { EntryValues } from '../components/entry-form.ts';
import { ledgerFilterKeys, printPathOf } from '../components/ledger-filters.ts';
import { LedgerTotals } from '../components/ledger-totals.tsx';
import { RecordEntryModal } from '../components/record-entry-modal.tsx';
import '../i18n.ts';

const ledgerSortKeys = ['seq', 'bookedOn', 'amountFen'] as const;

/**
 * /console/subsidy-ledger — the disbursement ledger: entries with their filters and totals, balances per claimant or class,
 * export and print with the same filters; the finance bureau books refunds and corrections. Claimants see their own, read-only.
 */
export default function LedgerPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { activeMembership } = useActor();
  const departmentKind = useDepartmentKind();
  const mayWrite = mayWriteLedger(activeMembership.role, departmentKind);
  const claimant = isClaimant(activeMembership);
  const list = useListState(ledgerFilterKeys, { sortKeys: ledgerSortKeys, sort: '-seq' });
  const filters = list.state.filters;
  const ledger = useLedger(list.query);
  const narrow = Grid.useBreakpoint().md === false;
  const [tab, setTab] = useState<'entries' | 'balances'>('entries');
  const [groupBy, setGroupBy] = useState<BalanceGrouping>('organisation');
  const [recording, setRecording] = useState<EntryValues | null>(null);
  const set = (patch: Record<string, string | undefined>) => list.setFilters({ ...filters, ...patch });
  const seqOf = useMemo(() => new Map((ledger.data?.items ?? []).map((e) => [e.id, e.seq])), [ledger.data]);

  const openBalance = (b: LedgerBalance) => {
    list.setFilters({ year: filters.year, ...(b.classId ? { classId: b.classId } : { organisationId: b.organisationId }) });
    setTab('entries');
  };

  const columns: TableProps<LedgerEntry>['columns'] = [
    { key: 'seq', title: t('subsidyFinance.ledger.colSeq'), dataIndex: 'seq', width: 80, sorter: true, sortOrder: list.sortOrderOf('seq'), fixed: narrow ? undefined : 'left' },
    { key: 'bookedOn', title: t('subsidyFinance.ledger.colBookedOn'), dataIndex: 'bookedOn', width: 115, sorter: true, sortOrder: list.sortOrderOf('bookedOn') },
    ...(claimant ? [] : [{ key: 'organisation', title: t('subsidyFinance.ledger.colOrganisation'), dataIndex: 'organisationName', width: 200 }]),
    { key: 'class', title: t('subsidyFinance.ledger.colClass'), dataIndex: 'className', width: 200 },
    {
      key: 'claim',
      title: t('subsidyFinance.ledger.colClaim'),
      width: 160,
      render: (_, e) =>
        e.claimId ? (
          <Link to={`/console/subsidy-claims/${e.claimId}`} style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', whiteSpace: 'nowrap' }}>
            {e.claimReferenceNo ?? e.claimId.slice(0, 8)}
          </Link>
        ) : (
          '—'
        ),
    },
    { key: 'kind', title: t('subsidyFinance.ledger.colKind'), width: 110, render: (_, e) => <KindTag kind={e.kind} /> },
    {
      key: 'amountFen',
      title: t('subsidyFinance.ledger.colAmount'),
      width: 140,
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrderOf('amountFen'),
      render: (_, e) => <Amount fen={e.amountFen} testId="ledger-amount" />,
    },
    { key: 'bankReference', title: t('subsidyFinance.ledger.colBankReference'), width: 150, render: (_, e) => e.bankReference ?? '—' },
    { key: 'note', title: t('subsidyFinance.ledger.colNote'), width: 220, render: (_, e) => (e.note ? <Typography.Text ellipsis={{ tooltip: e.note }}>{e.note}</Typography.Text> : '—') },
    {
      key: 'corrects',
      title: t('subsidyFinance.ledger.colCorrects'),
      width: 120,
      render: (_, e) => {
        if (!e.correctsEntryId) return '—';
        const seq = seqOf.get(e.correctsEntryId);
        return seq !== undefined ? t('subsidyFinance.ledger.correctsEntry', { seq }) : t('subsidyFinance.ledger.correctsUnknown', { id: e.correctsEntryId.slice(0, 8) });
      },
    },
    { key: 'recordedBy', title: t('subsidyFinance.ledger.colRecordedBy'), width: 120, render: (_, e) => e.recordedByName ?? '—' },
    ...(mayWrite
      ? [
          {
            key: 'actions',
            title: t('subsidyFinance.ledger.colActions'),
            width: 90,
            render: (_: unknown, e: LedgerEntry) => (
              <Button size="small" onClick={() => setRecording({ kind: 'correction', classId: e.classId, correctsEntryId: e.id })} data-testid="ledger-correct">
                {t('subsidyFinance.ledger.correct')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  const width = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 150), 0);

  const filterRow = (
    <Flex wrap gap={8} style={{ marginBottom: 16 }}>
      <Select
        allowClear
        placeholder={t('subsidyFinance.ledger.filterKind')}
        value={filters.kind}
        onChange={(kind?: string) => set({ kind })}
        options={ledgerEntryKinds.map((k) => ({ value: k, label: ledgerEntryKindLabels[k][locale] }))}
        style={{ width: 140 }}
        data-testid="ledger-filter-kind"
      />
      <DatePicker
        picker="year"
        placeholder={t('subsidyFinance.ledger.filterYear')}
        value={filters.year ? dayjs(`${filters.year}-01-01`) : null}
        onChange={(value) => set({ year: value ? String(value.year()) : undefined })}
        style={{ width: 140 }}
        data-testid="ledger-filter-year"
      />
      {!claimant && (
        <OrganisationSelect
          value={filters.organisationId}
          onChange={(organisationId) => set({ organisationId })}
          placeholder={t('subsidyFinance.ledger.filterOrganisation')}
          style={{ width: 240 }}
          testId="ledger-filter-organisation"
        />
      )}
      <ClassSelect
        value={filters.classId}
        onChange={(classId) => set({ classId })}
        placeholder={t('subsidyFinance.ledger.filterClass')}
        style={{ width: 260, maxWidth: '100%' }}
        testId="ledger-filter-class"
      />
      <Button onClick={() => list.setFilters({})} data-testid="ledger-filter-reset">
        {t('subsidyFinance.ledger.reset')}
      </Button>
    </Flex>
  );

  return (
    <div data-testid="ledger-page">
      <PageHeader
        title={t('subsidyFinance.ledger.title')}
        subTitle={claimant ? t('subsidyFinance.ledger.subTitleClaimant') : t('subsidyFinance.ledger.subTitle')}
        extra={
          <>
            <ExportButton path={ledgerPath} query={{ ...filters, sort: list.state.sort }} />
            <Button icon={<PrinterOutlined />} href={printPathOf(filters)} target="_blank" data-testid="ledger-print">
              {t('subsidyFinance.ledger.print')}
            </Button>
            {mayWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording({ kind: 'refund', classId: filters.classId })} data-testid="ledger-record">
                {t('subsidyFinance.ledger.record')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as 'entries' | 'balances')}
          data-testid="ledger-tabs"
          items={[
            {
              key: 'entries',
              label: <span data-testid="ledger-tab-entries">{t('subsidyFinance.ledger.tabEntries')}</span>,
              children: (
                <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                  {filterRow}
                  {ledger.data && <LedgerTotals totals={ledger.data.totals} count={ledger.data.total} />}
                  <ListTable<LedgerEntry>
                    list={list}
                    query={ledger}
                    rowKey="id"
                    data-testid="ledger-table"
                    columns={columns}
                    scroll={{ x: width }}
                    locale={{ emptyText: t('subsidyFinance.ledger.empty') }}
                    style={{ marginTop: 16 }}
                  />
                </Space>
              ),
            },
            {
              key: 'balances',
              label: <span data-testid="ledger-tab-balances">{t('subsidyFinance.ledger.tabBalances')}</span>,
              children: <BalancesPanel groupBy={groupBy} onGroupBy={setGroupBy} year={filters.year} onYear={(year) => set({ year })} onOpen={openBalance} />,
            },
          ]}
        />
      </Card>
      {recording && <RecordEntryModal initial={recording} onClose={() => setRecording(null)} />}
    </div>
  );
}
