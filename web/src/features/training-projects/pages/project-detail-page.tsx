import { useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Skeleton, Tabs } from 'antd';
import { CheckCircleOutlined, EditOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ExportButton } from '../../../components/export-button.tsx';
import { LoadFailure } from '../../../components/load-failure.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorTextIn } from '../../../lib/form-feedback.ts';
import { useChangeProject } from '../api/use-change-project.ts';
import { enrolmentsPath } from '../api/use-enrolments.ts';
import { useProject } from '../api/use-project.ts';
import { ProjectStatusTag } from '../components/labels.tsx';
import { LearnersTab } from '../components/learners-tab.tsx';
import { ProjectFormModal } from '../components/project-form-modal.tsx';
import { StagesTab } from '../components/stages-tab.tsx';
import { SubmissionsTab } from '../components/submissions-tab.tsx';
import '../i18n.ts';

const listPath = '/console/learning/projects';
const tabs = ['stages', 'learners', 'submissions'] as const;

/** /console/learning/projects/:id/:tab? — one project: stages and sessions, rules and learners' progress, practical grading. */
export default function ProjectDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id = '', tab: tabParam } = useParams();
  const tab = tabs.find((x) => x === tabParam) ?? 'stages';
  const project = useProject(id);
  const change = useChangeProject(id);
  const [editing, setEditing] = useState(false);

  if (project.isPending) return <Card><Skeleton active /></Card>;
  if (project.error) {
    return <LoadFailure error={project.error} notFound={t('trainingProjects.detail.notFound')} back={{ path: listPath, label: t('trainingProjects.detail.back') }} onRetry={() => void project.refetch()} />;
  }
  const p = project.data;
  const act = (path: '/activate' | '/close', done: string) =>
    change.mutateAsync({ method: 'POST', path }).then(
      () => void message.success(t(done)),
      (error: unknown) => void message.error(errorTextIn(t, 'trainingProjects.errors', error)),
    );
  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="project-heading">{p.title}</span>
            <ProjectStatusTag status={p.status} />
          </Flex>
        }
        subTitle={t('trainingProjects.detail.summary', { stages: p.stageCount, learners: p.enrolledCount, completed: p.completedCount })}
        extra={
          <Flex gap={8} wrap>
            <Button onClick={() => navigate(listPath)}>{t('trainingProjects.detail.back')}</Button>
            {p.status !== 'closed' && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="project-edit">
                {t('trainingProjects.detail.edit')}
              </Button>
            )}
            <ExportButton path={enrolmentsPath(p.id)} query={{}} />
            {p.status === 'draft' && (
              <Popconfirm title={t('trainingProjects.detail.activateConfirm')} onConfirm={() => act('/activate', 'trainingProjects.detail.activated')}>
                <Button type="primary" icon={<PlayCircleOutlined />} loading={change.isPending} data-testid="project-activate">
                  {t('trainingProjects.detail.activate')}
                </Button>
              </Popconfirm>
            )}
            {p.status === 'active' && (
              <Popconfirm title={t('trainingProjects.detail.closeConfirm')} onConfirm={() => act('/close', 'trainingProjects.detail.closed')}>
                <Button icon={<CheckCircleOutlined />} loading={change.isPending} data-testid="project-close">
                  {t('trainingProjects.detail.close')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        }
      />
      <Card>
        {p.description && (
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }} items={[{ key: 'd', label: t('trainingProjects.form.description'), children: p.description }]} />
        )}
        <Tabs
          activeKey={tab}
          onChange={(key) => navigate(`${listPath}/${p.id}/${key}`, { replace: true })}
          items={[
            { key: 'stages', label: t('trainingProjects.detail.tabs.stages'), children: <StagesTab project={p} /> },
            { key: 'learners', label: t('trainingProjects.detail.tabs.learners'), children: <LearnersTab project={p} /> },
            { key: 'submissions', label: t('trainingProjects.detail.tabs.submissions'), children: <SubmissionsTab projectId={p.id} /> },
          ]}
        />
      </Card>
      <ProjectFormModal
        open={editing}
        initial={p}
        saving={change.isPending}
        onClose={() => setEditing(false)}
        onSave={(body) => change.mutateAsync({ method: 'PATCH', path: '', body })}
      />
    </>
  );
}
