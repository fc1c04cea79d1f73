import { useEffect, useState } from 'react';
import { Button, Result, Skeleton } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import QRCode from 'qrcode';
import dayjs from 'dayjs';
import { ApiError } from '../../../lib/api.ts';
import { errorText } from '../../../lib/forms.ts';
import { useLocale } from '../../../lib/session.ts';
import { usePublicNotice } from '../api/use-public-notice.ts';
import { periodText } from '../components/notice-state.tsx';
import '../i18n.ts';

/** A4 page: 18 mm margins; on screen the same sheet centred on grey, with the print button (hidden when printing). */
const css = `
@page { size: A4; margin: 18mm; }
.notice-sheet { width: 210mm; min-height: 297mm; box-sizing: border-box; margin: 16px auto; padding: 18mm; background: #fff;
  box-shadow: 0 2px 12px rgba(0,0,0,.12); font-family: "SimSun", "Songti SC", serif; color: #000; }
.notice-sheet h1 { text-align: center; font-size: 22pt; margin: 0 0 12mm; font-weight: 700; line-height: 1.4; }
.notice-sheet .body { font-size: 13pt; line-height: 2; text-indent: 2em; white-space: pre-wrap; margin: 0 0 6mm; }
.notice-sheet table { width: 100%; border-collapse: collapse; font-size: 11pt; margin: 4mm 0 6mm; }
.notice-sheet th, .notice-sheet td { border: 1px solid #000; padding: 2mm 2.5mm; text-align: left; vertical-align: top; }
.notice-sheet th { background: #f0f0f0; font-weight: 700; }
.notice-sheet thead { display: table-header-group; }
.notice-sheet tr { page-break-inside: avoid; }
.notice-sheet .period { font-size: 13pt; line-height: 2; margin: 0; }
.notice-sheet .footer { display: flex; justify-content: space-between; align-items: flex-end; gap: 8mm; margin-top: 10mm; page-break-inside: avoid; }
.notice-sheet .qr { text-align: center; font-size: 9pt; width: 36mm; }
.notice-sheet .qr img { width: 32mm; height: 32mm; display: block; margin: 0 auto 1mm; }
.notice-sheet .url { font-size: 9pt; word-break: break-all; color: #333; margin-top: 3mm; }
.notice-sheet .signature { text-align: right; font-size: 13pt; line-height: 2; }
.print-page { background: #f0f2f5; min-height: 100vh; }
.notice-sheet th { white-space: nowrap; }
.print-bar { position: sticky; top: 0; z-index: 1; display: flex; justify-content: center; gap: 8px; padding: 8px; background: #f0f2f5; }
@media print {
  body, #root, .print-page { background: #fff !important; min-height: 0; }
  .no-print { display: none !important; }
  .notice-sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
}
@media screen and (max-width: 820px) {
  .notice-sheet { width: auto; min-height: 0; margin: 8px; padding: 16px; }
  .notice-sheet h1 { font-size: 18pt; margin-bottom: 6mm; }
  .notice-sheet .table-wrap { overflow-x: auto; }
  .notice-sheet table { min-width: 640px; }
}
`;

/** /print/notices/:id — the notice laid out for an A4 notice board, with a QR code to its public page. */
export default function PrintNoticePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = '' } = useParams();
  const notice = usePublicNotice(id);
  const publicUrl = `${window.location.origin}/public/notices/${id}`;
  const [qr, setQr] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(publicUrl, { margin: 1, width: 256, errorCorrectionLevel: 'M' }).then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [publicUrl]);

  if (notice.isPending) return <Skeleton active style={{ padding: 24 }} />;
  if (notice.error) {
    const missing = notice.error instanceof ApiError && (notice.error.status === 404 || notice.error.status === 400);
    return <Result status={missing ? '404' : 'error'} title={missing ? t('notices.print.notFound') : errorText(t, notice.error)} data-testid="print-not-found" />;
  }
  const n = notice.data;
  const title = (c: { zh: string; en: string }) => (locale === 'zh-CN' ? c.zh : c.en);

  return (
    <div className="print-page" data-testid="print-notice-page">
      <style>{css}</style>
      <div className="print-bar no-print">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-button">
          {t('notices.print.print')}
        </Button>
        {notice.data.entries.length > 0 && (
          <Button icon={<DownloadOutlined />} href={`/api/v1/public/notices/${id}?format=xlsx`} data-testid="print-notice-export">
            {t('common.export')}
          </Button>
        )}
      </div>
      <article className="notice-sheet">
        <h1>{n.title}</h1>
        <p className="body">{n.body}</p>
        {n.entries.length > 0 && (
          <div className="table-wrap">
          <table data-testid="print-entries">
            <thead>
              <tr>
                {n.columns.map((c) => (
                  <th key={c.key}>{title(c)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {n.entries.map((e) => (
                <tr key={e.ref}>
                  {n.columns.map((c) => (
                    <td key={c.key}>{e.cells[c.key] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
        <p className="period" data-testid="print-period">
          {periodText(t, n)}
        </p>
        <p className="period">{t('notices.print.contact')}</p>
        <p className="url">{publicUrl}</p>
        <div className="footer">
          <div className="qr">
            {qr && <img src={qr} alt={publicUrl} data-testid="print-qr" />}
            {t('notices.print.scan')}
          </div>
          <div className="signature">
            <div>{n.publisherName}</div>
            <div>{dayjs(n.publishedAt).format(locale === 'zh-CN' ? 'YYYY年M月D日' : 'YYYY-MM-DD')}</div>
          </div>
        </div>
      </article>
    </div>
  );
}
