import { useState } from 'react';
import { Card, Checkbox, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OfflineSession } from '@fulcrum/shared';
import { PageHeader } from '../../../components/page-header.tsx';
import { useMySessions } from '../api/use-my-sessions.ts';
import { timeRange } from '../components/labels.tsx';
import '../i18n.ts';

/** /console/learning/sessions — the offline sessions I teach (managers: all of the organisation's), soonest first. */
export default function MySessionsPage() {
  const { t } = useTranslation();
  const [upcoming, setUpcoming] = useState(true);
  const sessions = useMySessions(upcoming);
  return (
    <>
      <PageHeader title={t('trainingProjects.sessions.title')} subTitle={t('trainingProjects.sessions.subTitle')} />
      <Card>
        <Checkbox checked={upcoming} onChange={(e) => setUpcoming(e.target.checked)} style={{ marginBottom: 12 }} data-testid="sessions-upcoming">
          {t('trainingProjects.sessions.upcoming')}
        </Checkbox>
        <Table<OfflineSession>
          size="middle"
          rowKey="id"
          data-testid="session-table"
          loading={sessions.isFetching}
          dataSource={sessions.data?.items}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('trainingProjects.sessions.empty') }}
          columns={[
            {
              key: 'title',
              title: t('trainingProjects.sessions.columns.title'),
              render: (_, s) => (
                <Link to={`/console/learning/sessions/${s.id}`} data-testid="session-link">
                  {s.title}
                </Link>
              ),
            },
            { key: 'project', title: t('trainingProjects.sessions.columns.project'), dataIndex: 'projectTitle' },
            { key: 'time', title: t('trainingProjects.sessions.columns.time'), render: (_, s) => timeRange(s.startsAt, s.endsAt) },
            { key: 'venue', title: t('trainingProjects.sessions.columns.venue'), dataIndex: 'venue' },
            { key: 'seats', title: t('trainingProjects.sessions.columns.seats'), render: (_, s) => `${s.registeredCount}/${s.capacity}${s.waitlistedCount ? ` (+${s.waitlistedCount})` : ''}` },
            { key: 'instructor', title: t('trainingProjects.sessions.columns.instructor'), dataIndex: 'instructorName' },
            {
              key: 'status',
              title: t('trainingProjects.sessions.columns.status'),
              render: (_, s) => <Tag color={s.status === 'scheduled' ? 'blue' : 'default'}>{t(`trainingProjects.sessions.${s.status}`)}</Tag>,
            },
          ]}
        />
      </Card>
    </>
  );
}
