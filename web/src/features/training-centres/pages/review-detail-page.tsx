import { Button, Col, Row, Skeleton, Space } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { useApplication } from '../api/use-application.ts';
import { useApplicationHistory } from '../api/use-application-history.ts';
import { ApplicationActions } from '../components/action-modals.tsx';
import { ApplicationProgress } from '../components/application-progress.tsx';
import { ApplicationView } from '../components/application-view.tsx';
import { LoadFailure } from '../../../components/load-failure.tsx';
import { OutcomeAlert } from '../components/outcome-alert.tsx';
import { ApplicationStatusTag, DueTag } from '../components/status-tags.tsx';
import { ApplicationHistory } from '../components/workflow-history.tsx';
import '../i18n.ts';

/** One application for the bureau: laid out for reading, its history, and the steps the signed-in user may take now. */
export default function ReviewDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const application = useApplication(id);
  const history = useApplicationHistory(id);
  const back = (
    <Link to="/console/training-centre-applications" data-testid="back-to-queue">
      <ArrowLeftOutlined /> {t('trainingCentres.review.backToList')}
    </Link>
  );

  if (application.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (application.error) {
    return (
      <LoadFailure
        hint={t('trainingCentres.review.notFoundHint')}
        error={application.error}
        notFound={t('trainingCentres.review.notFound')}
        back={{ path: '/console/training-centre-applications', label: t('trainingCentres.review.backToList') }}
        onRetry={() => void application.refetch()}
      />
    );
  }
  const a = application.data;

  return (
    <div data-testid="review-detail-page">
      <div style={{ marginBottom: 8 }}>{back}</div>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="application-organisation">{a.organisationName}</span>
            <ApplicationStatusTag status={a.status} />
            <DueTag dueOn={a.dueOn} overdue={a.overdue} />
          </Space>
        }
        extra={
          <>
            {a.batchId && (
              <Button onClick={() => navigate(`/console/selection-batches/${a.batchId}`)} data-testid="open-batch">
                {t('trainingCentres.review.openBatch')}
              </Button>
            )}
            <ApplicationActions application={a} />
          </>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <OutcomeAlert application={a} history={history.data} />
        <ApplicationProgress status={a.status} history={history.data} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <ApplicationView application={a} batchLink />
          </Col>
          <Col xs={24} xl={8}>
            <ApplicationHistory events={history.data} loading={history.isPending} error={history.error} />
          </Col>
        </Row>
      </Space>
    </div>
  );
}
