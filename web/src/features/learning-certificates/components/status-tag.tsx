import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CertificateStatus } from '@fulcrum/shared';

export const statusColours: Record<CertificateStatus, string> = { valid: 'success', expired: 'warning', revoked: 'error', superseded: 'default' };

/** A certificate's status, with "due for recertification" beside a valid one near its expiry. */
export function CertificateStatusTag({ status, isDue = false }: { status: CertificateStatus; isDue?: boolean }) {
  const { t } = useTranslation();
  return (
    <span data-testid="certificate-status" data-status={status}>
      <Tag color={statusColours[status]}>{t(`learningCertificates.status.${status}`)}</Tag>
      {isDue && (
        <Tag color="orange" data-testid="certificate-due">
          {t('learningCertificates.due')}
        </Tag>
      )}
    </span>
  );
}

/** A date as the reader's calendar shows it (certificates are dated by day). */
export const dayText = (iso: string) => new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
