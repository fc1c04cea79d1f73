import { lazy, Suspense, useCallback, useMemo } from 'react';
import { Card, Col, Row, Spin, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { industrySections, roleLabels, type Role } from '@fulcrum/shared';
import { useActor, useLocale } from '../../../lib/session.ts';
import { useTotal } from '../api/use-total.ts';
import { useEnterpriseStats, useParks } from '../api/use-organisation-stats.ts';

// ECharts is its own chunk: the figures show before the charts have loaded.
const BarChart = lazy(async () => ({ default: (await import('../../../components/bar-chart.tsx')).BarChart }));

const regionWide: Role[] = ['system_admin', 'department_officer', 'department_reviewer'];
const orgAdmins: Role[] = ['enterprise_admin', 'training_manager', 'chamber_admin', 'university_admin'];
const accountAdmins: Role[] = ['system_admin', 'enterprise_admin', 'chamber_admin', 'university_admin'];

function Figure({ title, value, loading, to, testId }: { title: string; value?: number; loading: boolean; to: string; testId: string }) {
  return (
    <Col xs={24} sm={12} lg={6}>
      <Link to={to}>
        <Card hoverable>
          <Statistic title={title} value={value ?? '—'} loading={loading} data-testid={testId} />
        </Card>
      </Link>
    </Col>
  );
}

/** Each console role's home: who they act as and the figures of their reach, each counted from the records and linked to them. */
export default function ConsoleHomePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useActor();
  const { role, organisationId, organisationName } = session.activeMembership;
  const wide = regionWide.includes(role);
  const enterprises = useTotal('/organisations', { type: 'enterprise' }, wide);
  const organisations = useTotal('/organisations', {}, wide);
  const people = useTotal('/people', {}, wide);
  const employees = useTotal(`/organisations/${organisationId}/employees`, { active: 'true' }, orgAdmins.includes(role));
  const users = useTotal('/users', {}, accountAdmins.includes(role));
  const navigate = useNavigate();
  const bySection = useEnterpriseStats('industrySection', wide);
  const byPark = useEnterpriseStats('industrialPark', wide);
  const parks = useParks(wide);
  const notRecorded = t('home.notRecorded');
  const sectionBars = useMemo(
    () =>
      (bySection.data?.groups ?? []).map((g) => {
        const section = industrySections.find((s) => s.code === g.key);
        return { key: g.key ?? '', label: section ? `${section.code} ${locale === 'zh-CN' ? section.nameZh : section.nameEn}` : notRecorded, value: g.count };
      }),
    [bySection.data, locale, notRecorded],
  );
  const parkBars = useMemo(
    () =>
      (byPark.data?.groups ?? []).map((g) => {
        const park = parks.data?.find((p) => p.id === g.key);
        return { key: g.key ?? '', label: park ? (locale === 'zh-CN' ? park.nameZh : park.nameEn) : notRecorded, value: g.count };
      }),
    [byPark.data, parks.data, locale, notRecorded],
  );
  const drillSection = useCallback((key: string) => key && navigate(`/console/enterprises?industrySection=${key}`), [navigate]);
  const drillPark = useCallback((key: string) => key && navigate(`/console/enterprises?industrialParkId=${key}`), [navigate]);

  return (
    <div data-testid={`home-${role}`}>
      <Typography.Title level={3}>{t('home.welcome', { name: session.user.displayName })}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.actingAs', { org: organisationName, role: roleLabels[role][locale] })}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {wide && <Figure title={t('home.enterprises')} value={enterprises.data} loading={enterprises.isPending} to="/console/enterprises" testId="figure-enterprises" />}
        {wide && role !== 'department_reviewer' && (
          <Figure title={t('home.organisations')} value={organisations.data} loading={organisations.isPending} to="/console/organisations" testId="figure-organisations" />
        )}
        {wide && <Figure title={t('home.people')} value={people.data} loading={people.isPending} to="/console/people" testId="figure-people" />}
        {orgAdmins.includes(role) && (
          <Figure title={t('home.activeEmployees')} value={employees.data} loading={employees.isPending} to="/console/employees" testId="figure-employees" />
        )}
        {accountAdmins.includes(role) && <Figure title={t('home.users')} value={users.data} loading={users.isPending} to="/console/users" testId="figure-users" />}
      </Row>
      {wide && (
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={24} xl={12}>
            <Card title={t('home.byIndustry')} extra={<Typography.Text type="secondary">{t('home.drillHint')}</Typography.Text>} loading={bySection.isPending}>
              <Suspense fallback={<Spin />}>
                <BarChart bars={sectionBars} onSelect={drillSection} testId="chart-industry" />
              </Suspense>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title={t('home.byPark')} extra={<Typography.Text type="secondary">{t('home.drillHint')}</Typography.Text>} loading={byPark.isPending || parks.isPending}>
              <Suspense fallback={<Spin />}>
                <BarChart bars={parkBars} onSelect={drillPark} testId="chart-park" />
              </Suspense>
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}
