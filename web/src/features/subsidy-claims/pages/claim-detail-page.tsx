import { Col, Row, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { useActor } from '../../../lib/session.ts';
import { useClaim } from '../api/use-claim.ts';
import { ClaimActions } from '../components/claim-actions.tsx';
import { isOfficer } from '../components/claim-abilities.ts';
import { ClaimProgress } from '../components/claim-progress.tsx';
import { ComputationPanel } from '../components/computation-panel.tsx';
import { FindingsPanel } from '../components/findings-panel.tsx';
import { LoadFailure } from '../../../components/load-failure.tsx';
import { ClaimKindTag, ClaimStatusTag, DueTag } from '../components/status-tags.tsx';
import { WorkflowHistory } from '../../../components/workflow-history.tsx';
import '../i18n.ts';

/**
 * One subsidy claim. Officers read the findings first (each must be resolved before the HRSS approval), then how the
 * amount was computed, then where the claim stands; organisers see where it stands first. The steps the signed-in
 * user may take are in the header, the history beside.
 */
export default function ClaimDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const actor = useActor();
  const claim = useClaim(id);

  if (claim.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (claim.error) return <LoadFailure error={claim.error} notFound={t('subsidyClaims.detail.notFound')} hint={t('subsidyClaims.detail.notFoundHint')} back={{ path: '/console/subsidy-claims', label: t('subsidyClaims.detail.backToList') }} onRetry={() => void claim.refetch()} />;
  const c = claim.data;
  const officer = isOfficer(actor.activeMembership.role);
  const findings = <FindingsPanel key="findings" claim={c} />;
  const computation = <ComputationPanel key="computation" claim={c} />;
  const progress = <ClaimProgress key="progress" claim={c} />;

  return (
    <div data-testid="claim-detail-page">
      <div style={{ marginBottom: 8 }}>
        <Link to="/console/subsidy-claims" data-testid="back-to-claims">
          <ArrowLeftOutlined /> {t('subsidyClaims.detail.backToList')}
        </Link>
      </div>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="claim-reference">{c.referenceNo}</span>
            <ClaimKindTag kind={c.kind} />
            <ClaimStatusTag status={c.status} />
            <DueTag dueOn={c.dueOn} overdue={c.overdue} />
          </Space>
        }
        subTitle={
          <Typography.Text type="secondary" data-testid="claim-subject">
            {c.organisationName} · {c.className}
            {c.classRegistrationNo ? `（${c.classRegistrationNo}）` : ''}
          </Typography.Text>
        }
        extra={<ClaimActions claim={c} />}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {officer ? [findings, computation, progress] : [progress, computation, findings]}
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <WorkflowHistory events={c.history} testId="claim-history" stepLabel={(transition) => t(`subsidyClaims.transitions.${transition}`, { defaultValue: transition })} />
        </Col>
      </Row>
    </div>
  );
}
