import { Alert, App, Button, Card, Empty, Flex, Result, Skeleton, Timeline, Typography } from 'antd';
import { LinkOutlined, ShareAltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { publicCertificatePath, type LearningCertificateDetail } from '@fulcrum/shared';
import { errorText } from '../../../lib/forms.ts';
import { useMyCertificates } from '../api/use-my-certificates.ts';
import { CertificateQr, verificationUrl } from '../components/certificate-qr.tsx';
import { CertificateStatusTag, dayText, statusColours } from '../components/status-tag.tsx';
import '../i18n.ts';

/** What the holder should know about the certificate's state, if anything. */
function StateHint({ certificate: c }: { certificate: LearningCertificateDetail }) {
  const { t } = useTranslation();
  if (c.status === 'revoked') return <Alert type="error" showIcon title={t('learningCertificates.mine.revokedHint', { reason: c.revocationReason ?? '' })} />;
  if (c.status === 'expired') return <Alert type="warning" showIcon title={t('learningCertificates.mine.expiredHint')} />;
  if (c.isDueForRecertification && c.expiresAt) return <Alert type="warning" showIcon title={t('learningCertificates.mine.dueHint', { date: dayText(c.expiresAt) })} />;
  return null;
}

function CertificateCard({ certificate: c }: { certificate: LearningCertificateDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const share = async () => {
    const url = verificationUrl(c.verificationCode);
    if (navigator.share) await navigator.share({ title: c.title, url }).catch(() => undefined);
    else {
      await navigator.clipboard.writeText(url);
      void message.success(t('learningCertificates.mine.copied'));
    }
  };
  return (
    <Card size="small" data-testid="my-certificate-card" data-number={c.number}>
      <Flex justify="space-between" align="start" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="my-certificate-title">
            {c.title}
          </Typography.Text>
          <div style={{ color: '#595959', fontSize: 13 }}>{c.organisationName}</div>
        </div>
        <CertificateStatusTag status={c.status} isDue={c.isDueForRecertification} />
      </Flex>
      <Flex gap={12} align="center" style={{ marginTop: 10 }}>
        <CertificateQr code={c.verificationCode} size={112} />
        <Flex vertical gap={2} style={{ fontSize: 13, minWidth: 0 }}>
          <span>
            {t('learningCertificates.mine.number')}：<span data-testid="my-certificate-number" style={{ wordBreak: 'break-all' }}>{c.number}</span>
          </span>
          <span>
            {t('learningCertificates.mine.issuedAt')}：{dayText(c.issuedAt)}
          </span>
          <span data-testid="my-certificate-expiry">
            {t('learningCertificates.mine.expiresAt')}：{c.expiresAt ? dayText(c.expiresAt) : t('learningCertificates.mine.never')}
          </span>
        </Flex>
      </Flex>
      <div style={{ marginTop: 10 }}>
        <StateHint certificate={c} />
      </div>
      {c.history.length > 1 && (
        <div style={{ marginTop: 10 }}>
          <Typography.Text type="secondary">{t('learningCertificates.mine.history')}</Typography.Text>
          <Timeline
            style={{ marginTop: 8, marginBottom: -16 }}
            items={c.history.map((h) => ({
              color: statusColours[h.status] === 'success' ? 'green' : 'gray',
              content: `${t('learningCertificates.mine.cycleN', { count: h.cycle })} · ${dayText(h.issuedAt)} – ${h.expiresAt ? dayText(h.expiresAt) : t('learningCertificates.mine.never')} · ${t(`learningCertificates.status.${h.status}`)}`,
            }))}
          />
        </div>
      )}
      <Flex gap={8} wrap style={{ marginTop: 10 }}>
        <Button icon={<ShareAltOutlined />} onClick={() => void share()} data-testid="my-certificate-share">
          {t('learningCertificates.mine.share')}
        </Button>
        <Button type="link" icon={<LinkOutlined />} href={publicCertificatePath(c.verificationCode)} data-testid="my-certificate-verify">
          {t('learningCertificates.mine.open')}
        </Button>
      </Flex>
    </Card>
  );
}

/** /m/certificates — the employee's certificates as cards: status, expiry, a QR code of the public check, a link to share. */
export default function MobileCertificatesPage() {
  const { t } = useTranslation();
  const mine = useMyCertificates();
  if (mine.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 4 }} />
      </Card>
    );
  }
  if (mine.error) return <Result status="error" title={errorText(t, mine.error)} />;
  return (
    <Flex vertical gap={12} data-testid="my-certificates-page">
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('learningCertificates.mine.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('learningCertificates.mine.subTitle')}</Typography.Text>
      </div>
      {mine.data.items.length === 0 ? (
        <Card>
          <Empty description={t('learningCertificates.mine.empty')}>
            <Typography.Text type="secondary">{t('learningCertificates.mine.emptyHint')}</Typography.Text>
          </Empty>
        </Card>
      ) : (
        mine.data.items.map((c) => <CertificateCard key={c.id} certificate={c} />)
      )}
    </Flex>
  );
}
