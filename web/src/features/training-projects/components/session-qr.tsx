import { useEffect, useState } from 'react';
import { Alert, Flex, Skeleton, Typography } from 'antd';
import QRCode from 'qrcode';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/forms.ts';
import { useCheckInToken } from '../api/use-check-in-token.ts';

/** Seconds until an instant, ticking once a second. */
function useSecondsUntil(iso: string | undefined) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return iso ? Math.max(0, Math.ceil((new Date(iso).getTime() - now) / 1000)) : 0;
}

/** The big rotating check-in QR code: a new token is fetched the moment the shown one is replaced. */
export function SessionQr({ sessionId, enabled }: { sessionId: string; enabled: boolean }) {
  const { t } = useTranslation();
  const token = useCheckInToken(sessionId, enabled);
  const [image, setImage] = useState<string | null>(null);
  const url = token.data?.url;
  useEffect(() => {
    if (!url) return;
    let live = true;
    void QRCode.toDataURL(url, { width: 360, margin: 1, errorCorrectionLevel: 'M' }).then((data) => live && setImage(data));
    return () => {
      live = false;
    };
  }, [url]);
  const seconds = useSecondsUntil(token.data?.expiresAt);
  const step = token.data ? Math.round((new Date(token.data.expiresAt).getTime() - new Date(token.data.issuedAt).getTime()) / 1000) : 0;
  if (token.error) return <Alert type="error" showIcon title={errorText(t, token.error)} />;
  return (
    <Flex vertical align="center" gap={8}>
      {image ? <img src={image} alt={t('trainingProjects.roster.qrTitle')} data-testid="check-in-qr" data-url={url} style={{ width: 'min(360px, 80vw)', height: 'auto' }} /> : <Skeleton.Image active style={{ width: 280, height: 280 }} />}
      <Typography.Text strong data-testid="qr-countdown">
        {t('trainingProjects.roster.refreshesIn', { seconds })}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
        {t('trainingProjects.roster.qrHint', { seconds: step })}
      </Typography.Text>
    </Flex>
  );
}
