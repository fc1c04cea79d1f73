import { useMemo } from 'react';
import { Button, Card, Flex, Result, Skeleton, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorText } from '../../../lib/forms.ts';
import { useActor } from '../../../lib/session.ts';
import { can } from '../abilities.ts';
import { useIncomingMatches } from '../api/use-incoming-matches.ts';
import { useMyCentre } from '../api/use-my-centre.ts';
import { AnnualTab } from '../components/annual-tab.tsx';
import { AssessmentsTab } from '../components/assessments-tab.tsx';
import { CentreHeader } from '../components/centre-header.tsx';
import { RequestsTab } from '../components/requests-tab.tsx';
import { TrainingsTab } from '../components/trainings-tab.tsx';
import '../i18n.ts';

const tabs = ['assessments', 'trainings', 'annual', 'requests'] as const;
type Tab = (typeof tabs)[number];

/**
 * /console/my-training-centre/:tab? — the certified centre of the user's enterprise: its certificate and scope, and
 * tabs for assessments, trainings, the annual report and incoming match requests (each tab's list state in the URL).
 */
export default function MyTrainingCentrePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab: tabParam } = useParams();
  const { role, organisationName } = useActor().activeMembership;
  const centre = useMyCentre();
  const seesRequests = can(role, 'seeMatchRequests');
  const visible = tabs.filter((tab) => tab !== 'requests' || seesRequests);
  const tab: Tab = visible.find((v) => v === tabParam) ?? 'assessments';
  const allMatches = useIncomingMatches({ pageSize: 100, sort: '-requestedAt' }, seesRequests && Boolean(centre.data));
  // Trainings and assessments may name the match their trainees came through: one the centre accepted or completed.
  const workable = useMemo(() => (allMatches.data?.items ?? []).filter((m) => m.status === 'accepted' || m.status === 'completed'), [allMatches.data]);

  if (centre.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (centre.error) {
    return (
      <Card>
        <Result
          status="error"
          title={t('centreOps.workbench.loadFailed')}
          subTitle={errorText(t, centre.error)}
          extra={<Button onClick={() => void centre.refetch()}>{t('common.retry')}</Button>}
        />
      </Card>
    );
  }
  if (!centre.data) {
    const mayApply = role === 'enterprise_admin' || role === 'training_manager';
    return (
      <Card data-testid="no-centre">
        <Result
          status="info"
          title={t('centreOps.workbench.noCentreTitle')}
          subTitle={`${organisationName} · ${t('centreOps.workbench.noCentreHint')}`}
          extra={
            mayApply && (
              <Button type="primary" onClick={() => navigate('/console/training-centre/application')} data-testid="go-apply">
                {t('centreOps.workbench.apply')}
              </Button>
            )
          }
        />
      </Card>
    );
  }

  const data = centre.data;
  const hasRights = data.effectiveStatus === 'active' || data.effectiveStatus === 'conditional';
  const content: Record<Tab, React.ReactNode> = {
    assessments: <AssessmentsTab centre={data} hasRights={hasRights} matches={workable} />,
    trainings: <TrainingsTab centre={data} hasRights={hasRights} matches={workable} />,
    annual: <AnnualTab centre={data} />,
    requests: <RequestsTab />,
  };

  return (
    <Flex vertical gap={16} data-testid="my-training-centre">
      <PageHeader title={t('centreOps.workbench.title')} />
      <CentreHeader centre={data} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => navigate(`/console/my-training-centre/${key}`)}
          destroyOnHidden
          data-testid="centre-tabs"
          items={visible.map((key) => ({ key, label: t(`centreOps.workbench.tabs.${key}`), children: content[key] }))}
        />
      </Card>
    </Flex>
  );
}
