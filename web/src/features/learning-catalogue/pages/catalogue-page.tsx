import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { useActor } from '../../../lib/session.ts';
import { CompetenciesTab } from '../components/competencies-tab.tsx';
import { CoursesTab } from '../components/courses-tab.tsx';
import { canEditCatalogue } from '../components/editor-role.ts';
import { LearnersTab } from '../components/learners-tab.tsx';
import { PointsTab } from '../components/points-tab.tsx';
import { ProfilesTab } from '../components/profiles-tab.tsx';
import '../i18n.ts';

const tabs = ['courses', 'points', 'competencies', 'profiles', 'learners'] as const;
type Tab = (typeof tabs)[number];

/** /console/learning/catalogue/:tab? — the catalogue: courses, knowledge points and their graph, competencies, role profiles, learners. */
export default function CataloguePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab: param } = useParams();
  const { activeMembership } = useActor();
  const tab: Tab = tabs.includes(param as Tab) ? (param as Tab) : 'courses';
  const canEdit = canEditCatalogue(activeMembership);
  const organisationId = activeMembership.organisationId;
  const isEnterprise = activeMembership.organisationType === 'enterprise';
  const shown = tabs.filter((key) => key !== 'learners' || (isEnterprise && activeMembership.role !== 'employee'));
  const content: Record<Tab, React.ReactNode> = {
    courses: <CoursesTab />,
    points: <PointsTab organisationId={organisationId} canEdit={canEdit} />,
    competencies: <CompetenciesTab canEdit={canEdit} />,
    profiles: <ProfilesTab organisationId={organisationId} canEdit={canEdit} />,
    learners: <LearnersTab organisationId={organisationId} canEdit={canEdit && activeMembership.role !== 'department_officer'} />,
  };
  return (
    <div data-testid="catalogue-page">
      <PageHeader title={t('catalogue.page.title')} subTitle={t('catalogue.page.subTitle')} />
      <Card>
        <Tabs activeKey={tab} destroyOnHidden onChange={(key) => navigate(`/console/learning/catalogue/${key}`)}
          items={shown.map((key) => ({ key, label: <span data-testid={`catalogue-tab-${key}`}>{t(`catalogue.page.tabs.${key}`)}</span>, children: content[key] }))} />
      </Card>
    </div>
  );
}
