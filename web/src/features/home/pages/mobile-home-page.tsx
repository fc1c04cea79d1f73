import { Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleLabels } from '@fulcrum/shared';
import { useActor, useLocale } from '../../../lib/session.ts';
import { useProfile } from '../api/use-profile.ts';
import { CoachCard } from '../../coach/components/coach-card.tsx';

/** An employee's or student's home on the phone: who they are here, the coach's picks (employees) and where they work. */
export default function MobileHomePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useActor();
  const profile = useProfile();
  const { role, organisationName } = session.activeMembership;
  return (
    <div data-testid={`home-${role}`}>
      <Card style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: session.user.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">{t('home.actingAs', { org: organisationName, role: roleLabels[role][locale] })}</Typography.Text>
      </Card>
      {role === 'employee' && <CoachCard />}
      <Card title={t('home.myEmployments')} loading={profile.isPending}>
        {profile.data?.person?.employments.length ? (
          // Plain rows rather than antd List, which would bring pagination and select to the phone.
          profile.data.person.employments.map((e) => (
            <div key={e.id} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Typography.Text strong>{`${e.organisationName} · ${e.position}`}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{e.endDate ? t('home.period', { start: e.startDate, end: e.endDate }) : t('home.since', { start: e.startDate })}</Typography.Text>
            </div>
          ))
        ) : (
          <Empty description={t('common.none')} />
        )}
      </Card>
    </div>
  );
}
