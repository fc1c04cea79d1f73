import { Button, Card, Flex, Progress, Result, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MyStage } from '@fulcrum/shared';
import { ApiError } from '../../../lib/api.ts';
import { errorText } from '../../../lib/forms.ts';
import { useMyProject } from '../api/use-my-project.ts';
import { StageStatusTag } from '../components/labels.tsx';
import { OfflineSessions } from '../components/offline-sessions.tsx';
import { PracticalTask } from '../components/practical-task.tsx';
import '../i18n.ts';

function StageBody({ projectId, stage, active }: { projectId: string; stage: MyStage; active: boolean }) {
  const { t } = useTranslation();
  if (stage.kind === 'online') {
    const to = stage.courseId ? `/m/courses/${stage.courseId}` : `/m/lessons/${stage.lessonId}`;
    return (
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text type="secondary">{stage.courseTitle ?? stage.lessonTitle}</Typography.Text>
        {stage.standing.status !== 'completed' && (
          <Link to={to}>
            <Button type="primary" size="small" data-testid="stage-open-course">
              {t('trainingProjects.mobile.openCourse')}
            </Button>
          </Link>
        )}
      </Flex>
    );
  }
  if (stage.kind === 'offline') return <OfflineSessions stage={stage} active={active} />;
  return <PracticalTask projectId={projectId} stage={stage} active={active} />;
}

/** /m/projects/:id — my project's stages in order, each with what to do next. */
export default function MobileProjectPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const project = useMyProject(id);
  if (project.isPending) return <Card><Skeleton active paragraph={{ rows: 6 }} /></Card>;
  if (project.error) {
    const missing = project.error instanceof ApiError && project.error.status === 404;
    return (
      <Card>
        <Result status={missing ? '404' : 'error'} title={missing ? t('trainingProjects.mobile.notFound') : errorText(t, project.error)} extra={<Link to="/m/projects">{t('trainingProjects.mobile.back')}</Link>} />
      </Card>
    );
  }
  const p = project.data;
  const active = p.status === 'active' && p.projectStatus === 'active';
  return (
    <Flex vertical gap={12} data-testid="my-project-page">
      <Link to="/m/projects">← {t('trainingProjects.mobile.back')}</Link>
      <Card size="small">
        <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="my-project-title">
          {p.title}
        </Typography.Title>
        {p.description && <Typography.Paragraph type="secondary">{p.description}</Typography.Paragraph>}
        <Progress percent={p.totalStages ? Math.round((100 * p.completedStages) / p.totalStages) : 0} />
        <Typography.Text>{t('trainingProjects.mobile.progress', { done: p.completedStages, total: p.totalStages })}</Typography.Text>
      </Card>
      {p.stages.map((stage, i) => {
        const overdue = stage.standing.status !== 'completed' && stage.standing.dueOn !== null && stage.standing.dueOn < new Date().toISOString().slice(0, 10);
        return (
          <Card
            key={stage.id}
            size="small"
            data-testid="my-stage"
            title={
              <Flex gap={6} align="center" wrap>
                <Tag>{i + 1}</Tag>
                <span style={{ whiteSpace: 'normal' }}>{stage.title}</span>
              </Flex>
            }
            extra={<StageStatusTag status={stage.standing.status} />}
          >
            <Flex gap={8} wrap style={{ marginBottom: 8, fontSize: 13 }}>
              <Tag color={stage.kind === 'online' ? 'blue' : stage.kind === 'offline' ? 'green' : 'purple'}>{t(`trainingProjects.kind.${stage.kind}`)}</Tag>
              {stage.standing.dueOn && <Typography.Text type={overdue ? 'danger' : 'secondary'}>{t('trainingProjects.mobile.due', { date: stage.standing.dueOn })}</Typography.Text>}
            </Flex>
            <StageBody projectId={p.id} stage={stage} active={active} />
          </Card>
        );
      })}
    </Flex>
  );
}
