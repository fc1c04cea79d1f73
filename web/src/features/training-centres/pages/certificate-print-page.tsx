import { useEffect, useState } from 'react';
import { Alert, Button, Result, Skeleton } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import QRCode from 'qrcode';
import dayjs from 'dayjs';
import { centreStatusLabels } from '@fulcrum/shared';
import { errorText } from '../../../lib/forms.ts';
import { useLocale } from '../../../lib/session.ts';
import { useCentre } from '../api/use-centre.ts';
import { levelName, occupationFieldName, occupationName, sortLevels } from '../components/labels.ts';
import { isNotFound } from '../../../components/load-failure.tsx';
import { centreStatusColours } from '../components/status-tags.tsx';
import '../i18n.ts';

/** The public address a certificate's QR code opens: the verification page of its number. */
export const verificationUrl = (certificateNo: string) => `${window.location.origin}/public/training-centres/${encodeURIComponent(certificateNo)}`;

/** A4 portrait with a framed sheet; on screen the same sheet on grey with the print bar, which printing hides. */
const css = `
@page { size: A4 portrait; margin: 12mm; }
.cert-sheet { width: 210mm; min-height: 297mm; box-sizing: border-box; margin: 16px auto; padding: 12mm; background: #fff;
  box-shadow: 0 2px 12px rgba(0,0,0,.12); font-family: "SimSun", "Songti SC", serif; color: #000; position: relative; }
.cert-frame { border: 3px double #a8071a; outline: 1px solid #a8071a; outline-offset: 3mm; min-height: calc(297mm - 24mm - 8mm);
  box-sizing: border-box; padding: 14mm 14mm 10mm; display: flex; flex-direction: column; }
.cert-no { text-align: right; font-size: 11pt; letter-spacing: .5px; }
.cert-title { text-align: center; font-size: 28pt; font-weight: 700; color: #a8071a; margin: 12mm 0 12mm; line-height: 1.3; }
.cert-body { font-size: 14pt; line-height: 2.1; text-indent: 2em; margin: 0 0 6mm; }
.cert-org { font-weight: 700; text-decoration: underline; text-underline-offset: 4px; }
.cert-sheet table { width: 100%; border-collapse: collapse; font-size: 11.5pt; margin: 2mm 0 8mm; }
.cert-sheet th, .cert-sheet td { border: 1px solid #000; padding: 2mm 3mm; text-align: left; vertical-align: top; }
.cert-sheet th { background: #f5f5f5; }
.cert-sheet tr { page-break-inside: avoid; }
.cert-line { font-size: 13pt; line-height: 2; margin: 0; }
.cert-footer { margin-top: auto; display: flex; justify-content: space-between; align-items: flex-end; gap: 10mm; padding-top: 10mm; }
.cert-qr { text-align: center; font-size: 9pt; width: 38mm; }
.cert-qr img { width: 34mm; height: 34mm; display: block; margin: 0 auto 1mm; }
.cert-url { font-size: 8pt; word-break: break-all; color: #444; }
.cert-issuer { text-align: right; font-size: 14pt; line-height: 2; }
.cert-mark { position: absolute; z-index: 2; top: 42%; left: 0; right: 0; text-align: center; font-size: 64pt; font-weight: 700; opacity: .22;
  transform: rotate(-24deg); pointer-events: none; letter-spacing: 12px; }
.print-bar { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; justify-content: center; gap: 8px; padding: 8px; background: #f0f2f5; }
@media print {
  body, #root { background: #fff !important; }
  .no-print { display: none !important; }
  .cert-sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .cert-frame { min-height: calc(297mm - 24mm - 8mm); }
}
@media screen and (max-width: 820px) {
  .cert-sheet { width: auto; min-height: 0; margin: 8px; padding: 8px; }
  .cert-frame { min-height: 0; padding: 8mm 5mm; }
  .cert-title { font-size: 20pt; letter-spacing: 2px; margin: 6mm 0; }
  .cert-body { font-size: 12pt; }
}
`;

/**
 * /print/training-centres/:id — the centre's certificate on one A4 page: number, enterprise, scope, validity, issuer and a
 * QR code to the public verification page. A centre that is not valid today carries its status across the sheet.
 */
export default function CertificatePrintPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const centre = useCentre(id);
  const issuer = centre.data?.issuerName;
  const certificateNo = centre.data?.certificateNo;
  const [qr, setQr] = useState<string | null>(null);

  useEffect(() => {
    if (!certificateNo) return;
    let live = true;
    void QRCode.toDataURL(verificationUrl(certificateNo), { margin: 1, width: 256, errorCorrectionLevel: 'M' }).then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [certificateNo]);

  if (centre.isPending) return <Skeleton active style={{ padding: 24 }} />;
  if (centre.error) {
    const missing = isNotFound(centre.error);
    return <Result status={missing ? '404' : 'error'} title={missing ? t('trainingCentres.centres.notFound') : errorText(t, centre.error)} data-testid="print-not-found" />;
  }
  const c = centre.data;
  const valid = c.effectiveStatus === 'active' || c.effectiveStatus === 'conditional';
  const day = (iso: string) => dayjs(iso).format(locale === 'zh-CN' ? 'YYYY年M月D日' : 'D MMMM YYYY');
  const url = verificationUrl(c.certificateNo);

  return (
    <div style={{ background: '#f0f2f5', minHeight: '100vh' }} data-testid="certificate-print-page">
      <style>{css}</style>
      <div className="print-bar no-print">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/console/training-centres/${c.id}`)}>
          {t('trainingCentres.certificate.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-button">
          {t('trainingCentres.certificate.print')}
        </Button>
        {!valid && <Alert type="warning" showIcon title={t('trainingCentres.certificate.notValid', { status: centreStatusLabels[c.effectiveStatus][locale] })} />}
      </div>
      <article className="cert-sheet" data-testid="certificate">
        {!valid && (
          <div className="cert-mark" style={{ color: centreStatusColours[c.effectiveStatus] }} data-testid="certificate-mark">
            {centreStatusLabels[c.effectiveStatus][locale]}
          </div>
        )}
        <div className="cert-frame">
          <div className="cert-no" data-testid="certificate-no">
            {t('trainingCentres.certificate.certificateNo', { no: c.certificateNo })}
          </div>
          <div className="cert-title" style={{ letterSpacing: locale === "zh-CN" ? 6 : 1 }}>
            {t("trainingCentres.certificate.title")}
          </div>
          <p className="cert-body">
            <span className="cert-org" data-testid="certificate-organisation">
              {c.organisationName}
            </span>
            {t('trainingCentres.certificate.body')}
          </p>
          <table data-testid="certificate-scope">
            <thead>
              <tr>
                <th style={{ width: '8%' }}>#</th>
                <th>{t('trainingCentres.fields.occupation')}</th>
                <th style={{ width: '18%' }}>{t('trainingCentres.fields.field')}</th>
                <th>{t('trainingCentres.fields.levels')}</th>
              </tr>
            </thead>
            <tbody>
              {c.scope.map((item, index) => (
                <tr key={item.occupation}>
                  <td>{index + 1}</td>
                  <td>{occupationName(item.occupation, locale)}</td>
                  <td>{occupationFieldName(item.occupation, locale)}</td>
                  <td>{sortLevels(item.levels).map((l) => levelName(l, locale)).join(locale === 'zh-CN' ? '、' : ', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="cert-line" data-testid="certificate-validity">
            {t('trainingCentres.certificate.validity', { from: day(c.certifiedOn), to: day(c.validUntil) })}
          </p>
          <p className="cert-line">
            {t('trainingCentres.certificate.capacity', { capacity: c.annualCapacity.toLocaleString(locale) })}
          </p>
          <div className="cert-footer">
            <div className="cert-qr">
              {qr && <img src={qr} alt={url} data-testid="certificate-qr" />}
              {t('trainingCentres.certificate.scan')}
              <div className="cert-url">{url}</div>
            </div>
            <div className="cert-issuer">
              <div data-testid="certificate-issuer">{issuer ?? ''}</div>
              <div>{day(c.certifiedOn)}</div>
            </div>
          </div>
        </div>
      </article>
    </div>
  );
}
