import { Button, Result, Skeleton } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { ledgerEntryKindLabels, ledgerEntryKinds } from '@fulcrum/shared';
import { errorText } from '../../../lib/forms.ts';
import { useActor, useLocale } from '../../../lib/session.ts';
import { useAllLedgerEntries } from '../api/use-all-ledger-entries.ts';
import { useClass } from '../api/use-class-options.ts';
import { useOrganisation } from '../api/use-organisation.ts';
import { filtersInWords, ledgerFiltersOf } from '../components/ledger-filters.ts';
import { yuanText } from '../components/money.ts';
import '../i18n.ts';

/** A4 landscape (eleven columns); on screen the same sheet on grey with the print bar, which printing hides. */
const css = `
@page { size: A4 landscape; margin: 12mm; }
.ledger-sheet { width: 297mm; min-height: 210mm; box-sizing: border-box; margin: 16px auto; padding: 12mm; background: #fff;
  box-shadow: 0 2px 12px rgba(0,0,0,.12); font-family: "SimSun", "Songti SC", serif; color: #000; }
.ledger-sheet h1 { text-align: center; font-size: 20pt; margin: 0 0 4mm; font-weight: 700; letter-spacing: 2px; }
.ledger-sheet .scope { display: flex; justify-content: space-between; flex-wrap: wrap; gap: 4mm; font-size: 10.5pt; margin: 0 0 3mm; }
.ledger-sheet table { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
.ledger-sheet th, .ledger-sheet td { border: 1px solid #000; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; }
.ledger-sheet th { background: #f0f0f0; font-weight: 700; white-space: nowrap; }
.ledger-sheet thead { display: table-header-group; }
.ledger-sheet tr { page-break-inside: avoid; }
.ledger-sheet td.num, .ledger-sheet th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.ledger-sheet td.nowrap { white-space: nowrap; }
.ledger-sheet tfoot td { font-weight: 700; }
.ledger-sheet .totals { margin-top: 4mm; page-break-inside: avoid; }
.ledger-sheet .totals table { width: auto; min-width: 50%; }
.ledger-sheet .note { font-size: 9.5pt; margin: 2mm 0; }
.ledger-sheet .footer { display: flex; justify-content: space-between; font-size: 10.5pt; margin-top: 6mm; }
.print-bar { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; justify-content: center; gap: 8px; padding: 8px; background: #f0f2f5; }
@media print {
  body, #root, .print-page { background: #fff !important; min-height: 0; }
  .no-print { display: none !important; }
  .ledger-sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
}
@media screen and (max-width: 1200px) {
  .ledger-sheet { width: auto; min-height: 0; margin: 8px; padding: 12px; }
  .ledger-sheet .table-wrap { overflow-x: auto; }
  .ledger-sheet .table-wrap table { min-width: 900px; }
  .ledger-sheet h1 { font-size: 16pt; }
  .ledger-sheet .totals { overflow-x: auto; }
}
`;

/**
 * /print/subsidy-ledger — the ledger with the console's filters (from the address) on A4: title, the filters in
 * words, every entry in posting order, the totals by kind and the balance, the printed date and who printed it.
 */
export default function LedgerPrintPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { user } = useActor();
  const [params] = useSearchParams();
  const filters = ledgerFiltersOf(params);
  const entries = useAllLedgerEntries(filters);
  const organisation = useOrganisation(filters.organisationId);
  const klass = useClass(filters.classId);

  if (entries.isPending) return <Skeleton active style={{ padding: 24 }} />;
  if (entries.error) return <Result status="error" title={errorText(t, entries.error)} data-testid="print-error" />;
  const { items, total, totals } = entries.data;
  const first = items[0];
  const names = {
    organisation: organisation.data?.name ?? first?.organisationName,
    class: klass.data?.name ?? first?.className,
  };
  const claimantColumn = !filters.organisationId && !filters.classId;
  const columnCount = claimantColumn ? 11 : 10;
  const back = `/console/subsidy-ledger${params.toString() ? `?${params.toString()}` : ''}`;

  return (
    <div className="print-page" style={{ background: '#f0f2f5', minHeight: '100vh' }} data-testid="ledger-print-page">
      <style>{css}</style>
      <div className="print-bar no-print">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(back)}>
          {t('subsidyFinance.print.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-button">
          {t('subsidyFinance.print.print')}
        </Button>
      </div>
      <article className="ledger-sheet">
        <h1>{t('subsidyFinance.print.title')}</h1>
        <div className="scope">
          <span data-testid="print-scope">{t('subsidyFinance.print.scope', { filters: filtersInWords(t, locale, filters, names) })}</span>
          <span data-testid="print-count">{t('subsidyFinance.print.count', { count: total })}</span>
        </div>
        {items.length < total && <p className="note" data-testid="print-truncated">{t('subsidyFinance.print.truncated', { shown: items.length, total })}</p>}
        <div className="table-wrap">
          <table data-testid="print-entries">
            <thead>
              <tr>
                <th className="num">{t('subsidyFinance.ledger.colSeq')}</th>
                <th>{t('subsidyFinance.ledger.colBookedOn')}</th>
                {claimantColumn && <th>{t('subsidyFinance.ledger.colOrganisation')}</th>}
                <th>{t('subsidyFinance.ledger.colClass')}</th>
                <th>{t('subsidyFinance.ledger.colClaim')}</th>
                <th>{t('subsidyFinance.ledger.colKind')}</th>
                <th className="num">{t('subsidyFinance.ledger.colAmount')}</th>
                <th>{t('subsidyFinance.ledger.colBankReference')}</th>
                <th>{t('subsidyFinance.ledger.colNote')}</th>
                <th>{t('subsidyFinance.ledger.colCorrects')}</th>
                <th>{t('subsidyFinance.ledger.colRecordedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {items.length === 0 && (
                <tr>
                  <td colSpan={columnCount} style={{ textAlign: 'center' }}>
                    {t('subsidyFinance.print.empty')}
                  </td>
                </tr>
              )}
              {items.map((e) => {
                const corrected = e.correctsEntryId ? items.find((x) => x.id === e.correctsEntryId) : undefined;
                return (
                  <tr key={e.id}>
                    <td className="num">{e.seq}</td>
                    <td className="nowrap">{e.bookedOn}</td>
                    {claimantColumn && <td>{e.organisationName}</td>}
                    <td>{e.className}</td>
                    <td className="nowrap">{e.claimReferenceNo ?? ''}</td>
                    <td className="nowrap">{ledgerEntryKindLabels[e.kind][locale]}</td>
                    <td className="num">{yuanText(e.amountFen)}</td>
                    <td>{e.bankReference ?? ''}</td>
                    <td>{e.note ?? ''}</td>
                    <td className="nowrap">
                      {e.correctsEntryId
                        ? corrected
                          ? t('subsidyFinance.ledger.correctsEntry', { seq: corrected.seq })
                          : t('subsidyFinance.ledger.correctsUnknown', { id: e.correctsEntryId.slice(0, 8) })
                        : ''}
                    </td>
                    <td className="nowrap">{e.recordedByName ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={claimantColumn ? 6 : 5}>{t('subsidyFinance.print.totals')}</td>
                <td className="num" data-testid="print-balance">
                  {yuanText(totals.balanceFen)}
                </td>
                <td colSpan={4} />
              </tr>
            </tfoot>
          </table>
        </div>
        <div className="totals">
          <table data-testid="print-totals">
            <thead>
              <tr>
                <th>{t('subsidyFinance.print.totalsByKind')}</th>
                {ledgerEntryKinds.map((k) => (
                  <th key={k} className="num">
                    {ledgerEntryKindLabels[k][locale]}
                  </th>
                ))}
                <th className="num">{t('subsidyFinance.print.balance')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>{t('subsidyFinance.ledger.colAmount')}</td>
                {ledgerEntryKinds.map((k) => (
                  <td key={k} className="num">
                    {yuanText(totals.byKind[k] ?? 0)}
                  </td>
                ))}
                <td className="num">{yuanText(totals.balanceFen)}</td>
              </tr>
            </tbody>
          </table>
        </div>
        <div className="footer">
          <span>{t('subsidyFinance.print.printedBy', { name: user.displayName })}</span>
          <span data-testid="print-date">{t('subsidyFinance.print.printedOn', { date: dayjs().format(locale === 'zh-CN' ? 'YYYY年M月D日' : 'YYYY-MM-DD') })}</span>
        </div>
      </article>
    </div>
  );
}
