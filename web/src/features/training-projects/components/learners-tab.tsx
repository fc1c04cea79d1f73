import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Popconfirm, Progress, Select, Space, Table, Tag, Tooltip } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { enrolmentStatusLabels, stageStatusLabels, type ProjectDetail, type ProjectEnrolment } from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { SaveModal } from '../../../components/save-modal.tsx';
import { errorTextIn } from '../../../lib/form-feedback.ts';
import { useLocale } from '../../../lib/session.ts';
import { useCandidates } from '../api/use-candidates.ts';
import { useEnrol } from '../api/use-enrol.ts';
import { enrolmentsPath, useEnrolments } from '../api/use-enrolments.ts';
import { useWithdraw } from '../api/use-withdraw.ts';
import { dateTime } from './labels.tsx';
import { RulesCard } from './rules-card.tsx';

function EnrolModal({ projectId, open, onClose }: { projectId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const candidates = useCandidates(q, open);
  const enrol = useEnrol(projectId);
  const save = () =>
    enrol.mutateAsync(picked).then(
      (r) => {
        void message.success(t('trainingProjects.learners.enrolled', { count: r.enrolled }));
        setPicked([]);
        onClose();
      },
      (error: unknown) => void message.error(errorTextIn(t, 'trainingProjects.errors', error)),
    );
  return (
    <SaveModal open={open} title={t('trainingProjects.learners.enrolTitle')} saving={enrol.isPending} onSave={() => void save()} onClose={onClose} saveTestId="enrol-save">
      <Select
        mode="multiple"
        style={{ width: '100%' }}
        placeholder={t('trainingProjects.learners.pick')}
        showSearch
        filterOption={false}
        onSearch={setQ}
        value={picked}
        onChange={setPicked}
        loading={candidates.isFetching}
        data-testid="enrol-people"
        options={(candidates.data?.items ?? []).map((c) => ({ value: c.personId, label: `${c.name} · ${c.department ?? c.position}` }))}
      />
    </SaveModal>
  );
}

function StageCells({ project, row }: { project: ProjectDetail; row: ProjectEnrolment }) {
  const locale = useLocale();
  const colour = { completed: 'success', in_progress: 'processing', submitted: 'warning', failed: 'error', not_started: 'default' } as const;
  return (
    <Space size={4} wrap>
      {project.stages.map((stage, i) => {
        const s = row.stages.find((x) => x.stageId === stage.id);
        if (!s) return null;
        return (
          <Tooltip key={stage.id} title={`${stage.title}: ${stageStatusLabels[s.status][locale]}${s.dueOn ? ` · ${s.dueOn}` : ''}${s.score === null ? '' : ` · ${s.score}`}`}>
            <Tag color={colour[s.status]}>{i + 1}</Tag>
          </Tooltip>
        );
      })}
    </Space>
  );
}

/** Rules, then the learners with their progress on every stage; manual enrolment, withdrawal and the xlsx export. */
export function LearnersTab({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [enrolling, setEnrolling] = useState(false);
  const enrolments = useEnrolments(project.id, page);
  const withdraw = useWithdraw(project.id);
  const onWithdraw = (personId: string) => withdraw.mutateAsync(personId).catch((error: unknown) => void message.error(errorTextIn(t, 'trainingProjects.errors', error)));
  return (
    <Flex vertical gap={16}>
      <RulesCard project={project} />
      <Card
        size="small"
        title={t('trainingProjects.learners.title')}
        extra={
          <Space>
            {project.status === 'active' && (
              <Button size="small" icon={<UserAddOutlined />} onClick={() => setEnrolling(true)} data-testid="enrol-open">
                {t('trainingProjects.learners.enrol')}
              </Button>
            )}
            <ExportButton path={enrolmentsPath(project.id)} query={{}} />
          </Space>
        }
      >
        {project.status === 'draft' && <Alert type="info" showIcon title={t('trainingProjects.learners.notActive')} style={{ marginBottom: 12 }} />}
        <Table<ProjectEnrolment>
          size="middle"
          rowKey="personId"
          data-testid="enrolment-table"
          loading={enrolments.isFetching}
          dataSource={enrolments.data?.items}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('trainingProjects.learners.empty') }}
          pagination={{ current: page.page, pageSize: page.pageSize, total: enrolments.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }), showTotal: (n) => t('common.total', { count: n }) }}
          columns={[
            { key: 'name', title: t('trainingProjects.learners.columns.name'), dataIndex: 'name' },
            { key: 'source', title: t('trainingProjects.learners.columns.source'), render: (_, r) => t(`trainingProjects.learners.source.${r.source}`) },
            { key: 'status', title: t('trainingProjects.learners.columns.status'), render: (_, r) => <Tag color={r.status === 'completed' ? 'success' : r.status === 'withdrawn' ? 'default' : 'processing'}>{enrolmentStatusLabels[r.status][locale]}</Tag> },
            {
              key: 'progress',
              title: t('trainingProjects.learners.columns.progress'),
              render: (_, r) => <Progress percent={r.totalStages ? Math.round((100 * r.completedStages) / r.totalStages) : 0} size="small" format={() => `${r.completedStages}/${r.totalStages}`} style={{ minWidth: 120 }} />,
            },
            { key: 'stages', title: t('trainingProjects.learners.columns.stages'), render: (_, r) => <StageCells project={project} row={r} /> },
            { key: 'overdue', title: t('trainingProjects.learners.columns.overdue'), render: (_, r) => (r.overdueStages ? <Tag color="error">{t('trainingProjects.learners.overdue', { count: r.overdueStages })}</Tag> : null) },
            { key: 'enrolledAt', title: t('trainingProjects.learners.columns.enrolledAt'), render: (_, r) => dateTime(r.enrolledAt) },
            {
              key: 'actions',
              render: (_, r) =>
                r.status === 'active' ? (
                  <Popconfirm title={t('trainingProjects.learners.withdrawConfirm', { name: r.name })} onConfirm={() => onWithdraw(r.personId)}>
                    <Button size="small" type="link" danger data-testid="withdraw">
                      {t('trainingProjects.learners.withdraw')}
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      </Card>
      <EnrolModal projectId={project.id} open={enrolling} onClose={() => setEnrolling(false)} />
    </Flex>
  );
}
