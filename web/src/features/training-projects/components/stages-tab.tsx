import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProjectDetail, ProjectStage } from '@fulcrum/shared';
import { errorTextIn } from '../../../lib/form-feedback.ts';
import { useChangeProject, type ProjectChange } from '../api/use-change-project.ts';
import { timeRange } from './labels.tsx';
import { SessionFormModal } from './session-form-modal.tsx';
import { StageFormModal } from './stage-form-modal.tsx';

function StageContent({ stage }: { stage: ProjectStage }) {
  const { t } = useTranslation();
  const parts = [
    stage.courseTitle ? t('trainingProjects.stages.course', { title: stage.courseTitle }) : null,
    stage.lessonTitle ? t('trainingProjects.stages.lesson', { title: stage.lessonTitle }) : null,
    stage.passScore !== null ? t('trainingProjects.stages.pass', { score: stage.passScore }) : null,
    stage.dueDays === null ? t('trainingProjects.stages.noDue') : t('trainingProjects.stages.due', { days: stage.dueDays }),
  ].filter(Boolean);
  return <Typography.Text type="secondary">{parts.join(' · ')}</Typography.Text>;
}

function SessionList({ stage }: { stage: ProjectStage }) {
  const { t } = useTranslation();
  if (!stage.sessions.length) return <Typography.Text type="secondary">{t('trainingProjects.stages.noSessions')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={stage.sessions}
      renderItem={(s) => (
        <List.Item data-testid="stage-session">
          <Flex wrap gap={8} style={{ width: '100%' }} justify="space-between">
            <Link to={`/console/learning/sessions/${s.id}`}>{s.title}</Link>
            <span>{timeRange(s.startsAt, s.endsAt)}</span>
            <span>{s.venue}</span>
            <span>{s.instructorName}</span>
            <span>
              {t('trainingProjects.stages.seats', { registered: s.registeredCount, capacity: s.capacity })}
              {s.waitlistedCount > 0 && <Tag color="orange" style={{ marginLeft: 8 }}>{t('trainingProjects.stages.waitlisted', { count: s.waitlistedCount })}</Tag>}
            </span>
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** The stages in order (reordered and edited while draft) with the sessions of offline stages. */
export function StagesTab({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const change = useChangeProject(project.id);
  const [adding, setAdding] = useState(false);
  const [sessionStage, setSessionStage] = useState<string | null>(null);
  const isDraft = project.status === 'draft';
  const run = (c: ProjectChange) => change.mutateAsync(c).catch((error: unknown) => void message.error(errorTextIn(t, 'trainingProjects.errors', error)));
  const move = (index: number, by: number) => {
    const ids = project.stages.map((s) => s.id);
    [ids[index], ids[index + by]] = [ids[index + by]!, ids[index]!];
    void run({ method: 'PUT', path: '/stage-order', body: { stageIds: ids } });
  };
  return (
    <Flex vertical gap={12}>
      {!isDraft && <Alert type="info" showIcon title={t('trainingProjects.stages.lockedHint')} />}
      {isDraft && (
        <div>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="stage-add">
            {t('trainingProjects.stages.add')}
          </Button>
        </div>
      )}
      {!project.stages.length && <Empty description={t('trainingProjects.stages.empty')} />}
      {project.stages.map((stage, index) => (
        <Card
          key={stage.id}
          size="small"
          data-testid="stage-card"
          title={
            <Space>
              <Tag>{index + 1}</Tag>
              <Tag color={stage.kind === 'online' ? 'blue' : stage.kind === 'offline' ? 'green' : 'purple'}>{t(`trainingProjects.kind.${stage.kind}`)}</Tag>
              <span>{stage.title}</span>
            </Space>
          }
          extra={
            <Space>
              {isDraft && <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('trainingProjects.stages.up')} />}
              {isDraft && <Button size="small" icon={<ArrowDownOutlined />} disabled={index === project.stages.length - 1} onClick={() => move(index, 1)} aria-label={t('trainingProjects.stages.down')} />}
              {isDraft && (
                <Popconfirm title={t('trainingProjects.stages.removeConfirm', { title: stage.title })} onConfirm={() => run({ method: 'DELETE', path: `/stages/${stage.id}` })}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('trainingProjects.stages.remove')} />
                </Popconfirm>
              )}
              {stage.kind === 'offline' && project.status !== 'closed' && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setSessionStage(stage.id)} data-testid="session-add">
                  {t('trainingProjects.stages.addSession')}
                </Button>
              )}
            </Space>
          }
        >
          <StageContent stage={stage} />
          {stage.kind === 'offline' && <SessionList stage={stage} />}
        </Card>
      ))}
      <StageFormModal open={adding} saving={change.isPending} onClose={() => setAdding(false)} onSave={(body) => change.mutateAsync({ method: 'POST', path: '/stages', body })} />
      <SessionFormModal stageId={sessionStage} saving={change.isPending} onClose={() => setSessionStage(null)} onSave={(body) => change.mutateAsync({ method: 'POST', path: '/sessions', body })} />
    </Flex>
  );
}
