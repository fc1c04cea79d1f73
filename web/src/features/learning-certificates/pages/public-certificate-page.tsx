import type { ReactNode } from 'react';
import { Card, Descriptions, Flex, Result, Skeleton, Table, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleFilled, CloseCircleFilled, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { CertificateStatus, PublicLearningCertificate } from '@fulcrum/shared';
import { ApiError } from '../../../lib/api.ts';
import { errorText } from '../../../lib/forms.ts';
import { usePublicCertificate } from '../api/use-public-certificate.ts';
import { CertificateStatusTag } from '../components/status-tag.tsx';
import '../i18n.ts';

const verdicts: Record<CertificateStatus, { icon: ReactNode; status: 'success' | 'warning' | 'error' | 'info' }> = {
  valid: { icon: <CheckCircleFilled style={{ color: '#52c41a' }} />, status: 'success' },
  expired: { icon: <ClockCircleFilled style={{ color: '#faad14' }} />, status: 'warning' },
  revoked: { icon: <CloseCircleFilled style={{ color: '#ff4d4f' }} />, status: 'error' },
  superseded: { icon: <SwapOutlined style={{ color: '#8c8c8c' }} />, status: 'info' },
};

function Verification({ certificate: c }: { certificate: PublicLearningCertificate }) {
  const { t } = useTranslation();
  const verdict = verdicts[c.status];
  return (
    <Card data-testid="public-certificate" data-status={c.status}>
      <Result
        status={verdict.status}
        icon={verdict.icon}
        title={<span data-testid="public-certificate-verdict">{t(`learningCertificates.verify.verdict.${c.status}`)}</span>}
        subTitle={c.title}
        style={{ padding: '8px 0 16px' }}
      />
      <Descriptions column={1} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('learningCertificates.verify.number')}>
          <span data-testid="public-certificate-number">{c.number}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('learningCertificates.verify.name')}>{c.title}</Descriptions.Item>
        <Descriptions.Item label={t('learningCertificates.verify.organisation')}>{c.organisationName}</Descriptions.Item>
        <Descriptions.Item label={t('learningCertificates.verify.holder')}>
          <span data-testid="public-certificate-holder">{c.holderName}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('learningCertificates.verify.issuedOn')}>{c.issuedOn}</Descriptions.Item>
        <Descriptions.Item label={t('learningCertificates.verify.expiresOn')}>{c.expiresOn ?? t('learningCertificates.verify.never')}</Descriptions.Item>
        <Descriptions.Item label={t('learningCertificates.verify.cycle')}>{t('learningCertificates.verify.cycleN', { count: c.cycle })}</Descriptions.Item>
      </Descriptions>
      {c.history.length > 1 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('learningCertificates.verify.history')}
          </Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="cycle"
            dataSource={c.history}
            data-testid="public-certificate-history"
            columns={[
              { key: 'cycle', title: t('learningCertificates.verify.cycle'), render: (_, h) => t('learningCertificates.verify.cycleN', { count: h.cycle }) },
              { key: 'issuedOn', title: t('learningCertificates.verify.issuedOn'), dataIndex: 'issuedOn' },
              { key: 'expiresOn', title: t('learningCertificates.verify.expiresOn'), render: (_, h) => h.expiresOn ?? t('learningCertificates.verify.never') },
              { key: 'status', title: '', render: (_, h) => <CertificateStatusTag status={h.status} /> },
            ]}
          />
        </>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
        {t('learningCertificates.verify.privacy')}
      </Typography.Paragraph>
    </Card>
  );
}

/** /public/learning-certificates/:code — anyone (usually from the certificate's QR code) checks a learning certificate. */
export default function PublicCertificatePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const certificate = usePublicCertificate(code);
  let content: ReactNode;
  if (certificate.isPending) content = <Card><Skeleton active paragraph={{ rows: 5 }} /></Card>;
  else if (certificate.error) {
    const missing = certificate.error instanceof ApiError && certificate.error.status === 404;
    content = (
      <Card data-testid="public-certificate-missing">
        <Result status={missing ? 'warning' : 'error'} title={missing ? t('learningCertificates.verify.notFound') : errorText(t, certificate.error)} subTitle={missing ? t('learningCertificates.verify.notFoundHint') : undefined} />
      </Card>
    );
  } else content = <Verification certificate={certificate.data} />;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 640, margin: '0 auto' }} data-testid="public-certificate-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('learningCertificates.verify.title')}
      </Typography.Title>
      {content}
    </Flex>
  );
}
