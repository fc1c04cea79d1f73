import { Button, Card, Descriptions, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined, FileSearchOutlined, PrinterOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Role } from '@fulcrum/shared';
import { PageHeader } from '../../../components/page-header.tsx';
import { useActor, useLocale } from '../../../lib/session.ts';
import { useCentre } from '../api/use-centre.ts';
import { LoadFailure } from '../../../components/load-failure.tsx';
import { ScopeTable } from '../components/scope-table.tsx';
import { CentreStatusTag } from '../components/status-tags.tsx';
import '../i18n.ts';

/** The roles that read selection batches (an enterprise sees its centre, not the bureau's batches). */
const batchReaders: Role[] = ['system_admin', 'department_officer', 'department_reviewer'];

/** One certified centre: certificate number, status (as of today), validity, scope; its application and the printable certificate. */
export default function CentreDetailPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const centre = useCentre(id);
  const seesBatches = batchReaders.includes(useActor().activeMembership.role);

  if (centre.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (centre.error) {
    return (
      <LoadFailure
        hint={t('trainingCentres.review.notFoundHint')}
        error={centre.error}
        notFound={t('trainingCentres.centres.notFound')}
        back={{ path: '/console/training-centres', label: t('trainingCentres.centres.backToList') }}
        onRetry={() => void centre.refetch()}
      />
    );
  }
  const c = centre.data;

  return (
    <div data-testid="centre-detail-page">
      <div style={{ marginBottom: 8 }}>
        <Link to="/console/training-centres">
          <ArrowLeftOutlined /> {t('trainingCentres.centres.backToList')}
        </Link>
      </div>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="centre-organisation">{c.organisationName}</span>
            <CentreStatusTag status={c.effectiveStatus} />
          </Space>
        }
        extra={
          <>
            {c.applicationId && (
              <Button icon={<FileSearchOutlined />} onClick={() => navigate(`/console/training-centre-applications/${c.applicationId}`)} data-testid="centre-application">
                {t('trainingCentres.centres.viewApplication')}
              </Button>
            )}
            <Button icon={<QrcodeOutlined />} href={`/public/training-centres/${encodeURIComponent(c.certificateNo)}`} target="_blank" data-testid="centre-public">
              {t('trainingCentres.centres.publicPage')}
            </Button>
            <Button type="primary" icon={<PrinterOutlined />} href={`/print/training-centres/${c.id}`} target="_blank" data-testid="centre-print">
              {t('trainingCentres.centres.print')}
            </Button>
          </>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Descriptions
            column={{ xs: 1, md: 2 }}
            data-testid="centre-details"
            items={[
              {
                key: 'certificateNo',
                label: t('trainingCentres.centres.certificateNo'),
                children: (
                  <Typography.Text copyable style={{ fontFamily: 'monospace' }} data-testid="centre-certificate-no">
                    {c.certificateNo}
                  </Typography.Text>
                ),
              },
              { key: 'status', label: t('trainingCentres.centres.status'), children: <CentreStatusTag status={c.effectiveStatus} /> },
              ...(c.statusReason ? [{ key: 'reason', label: t('trainingCentres.centres.statusReason'), children: c.statusReason, span: 'filled' as const }] : []),
              { key: 'validity', label: t('trainingCentres.centres.validity'), children: t('trainingCentres.centres.validityRange', { from: c.certifiedOn, to: c.validUntil }) },
              {
                key: 'capacity',
                label: t('trainingCentres.centres.annualCapacity'),
                children: `${c.annualCapacity.toLocaleString(locale)} ${t('trainingCentres.fields.capacityUnit')}`,
              },
              { key: 'park', label: t('trainingCentres.centres.park'), children: c.industrialParkName ?? '—' },
              {
                key: 'batch',
                label: t('trainingCentres.fields.batch'),
                children: c.batchId && seesBatches ? <Link to={`/console/selection-batches/${c.batchId}`}>{t('trainingCentres.centres.viewBatch')}</Link> : '—',
              },
            ]}
          />
        </Card>
        <Card title={t('trainingCentres.centres.scope')}>
          <ScopeTable scope={c.scope} testId="centre-scope" />
        </Card>
      </Space>
    </div>
  );
}
