import { Card, Empty, Flex, Progress, Result, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { enrolmentStatusLabels } from '@fulcrum/shared';
import { errorText } from '../../../lib/forms.ts';
import { useLocale } from '../../../lib/session.ts';
import { useMyProjects } from '../api/use-my-projects.ts';
import { dateTime } from '../components/labels.tsx';
import { NotificationsCard } from '../components/notifications-card.tsx';
import '../i18n.ts';

/** /m/projects — my training projects with progress and the next due date, and my messages. */
export default function MobileProjectsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const projects = useMyProjects();
  if (projects.isPending) return <Card><Skeleton active paragraph={{ rows: 4 }} /></Card>;
  if (projects.error) return <Card><Result status="error" title={errorText(t, projects.error)} /></Card>;
  const items = projects.data.items;
  return (
    <Flex vertical gap={12} data-testid="my-projects-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('trainingProjects.mobile.title')}
      </Typography.Title>
      <NotificationsCard />
      {!items.length && (
        <Card>
          <Empty description={t('trainingProjects.mobile.empty')} />
        </Card>
      )}
      {items.map((p) => (
        <Link key={p.id} to={`/m/projects/${p.id}`} data-testid="my-project-card">
          <Card size="small" hoverable>
            <Flex justify="space-between" align="start" gap={8}>
              <Typography.Text strong style={{ fontSize: 15 }}>
                {p.title}
              </Typography.Text>
              <Tag color={p.status === 'completed' ? 'success' : 'processing'}>{enrolmentStatusLabels[p.status][locale]}</Tag>
            </Flex>
            <Progress percent={p.totalStages ? Math.round((100 * p.completedStages) / p.totalStages) : 0} size="small" />
            <Flex gap={12} wrap style={{ color: '#595959', fontSize: 13 }}>
              <span>{t('trainingProjects.mobile.progress', { done: p.completedStages, total: p.totalStages })}</span>
              {p.status === 'completed' && p.completedAt && <span>{t('trainingProjects.mobile.completedAt', { date: dateTime(p.completedAt) })}</span>}
              {p.status === 'active' && p.nextDueOn && <span>{t('trainingProjects.mobile.nextDue', { date: p.nextDueOn })}</span>}
              {p.overdueStages > 0 && <Tag color="error">{t('trainingProjects.mobile.overdue', { count: p.overdueStages })}</Tag>}
            </Flex>
          </Card>
        </Link>
      ))}
    </Flex>
  );
}
