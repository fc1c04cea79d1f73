import { useEffect, useState } from 'react';
import { Skeleton } from 'antd';
import QRCode from 'qrcode';
import { useTranslation } from 'react-i18next';
import { publicCertificatePath } from '@fulcrum/shared';

/** The address of a certificate's public verification page at this site. */
export const verificationUrl = (code: string) => `${window.location.origin}${publicCertificatePath(code)}`;

/** A QR code of the certificate's public verification page. */
export function CertificateQr({ code, size = 132 }: { code: string; size?: number }) {
  const { t } = useTranslation();
  const url = verificationUrl(code);
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(url, { width: size * 2, margin: 1, errorCorrectionLevel: 'M' }).then((data) => live && setImage(data));
    return () => {
      live = false;
    };
  }, [url, size]);
  if (!image) return <Skeleton.Image active style={{ width: size, height: size }} />;
  return <img src={image} alt={t('learningCertificates.mine.qrAlt')} width={size} height={size} data-testid="certificate-qr" data-url={url} />;
}
