import { useState } from 'react';
import { App, Button, Card, Flex, Select } from 'antd';
import { BellOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { projectStatuses, projectStatusLabels, type TrainingProject } from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { ListTable } from '../../../components/list-table.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { SearchBar } from '../../../components/search-bar.tsx';
import { errorTextIn } from '../../../lib/form-feedback.ts';
import { useListState, useSearchText } from '../../../lib/list.ts';
import { useLocale } from '../../../lib/session.ts';
import { useCreateProject } from '../api/use-create-project.ts';
import { projectsPath, useProjects } from '../api/use-projects.ts';
import { useRunReminders } from '../api/use-run-reminders.ts';
import { ProjectFormModal } from '../components/project-form-modal.tsx';
import { dateTime, ProjectStatusTag } from '../components/labels.tsx';
import '../i18n.ts';

const filterKeys = ['status', 'q'] as const;

/** /console/learning/projects — the organisation's training projects: search, filter, create, send reminders, export. */
export default function ProjectListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const list = useListState(filterKeys, { sortKeys: ['title', 'createdAt', 'status'], sort: '-createdAt' });
  const projects = useProjects(list.query);
  const [q, setQ] = useSearchText(list.state.filters.q);
  const [creating, setCreating] = useState(false);
  const create = useCreateProject();
  const reminders = useRunReminders();
  const remind = () =>
    reminders.mutateAsync().then(
      (r) => void message.success(t('trainingProjects.list.reminded', r)),
      (error: unknown) => void message.error(errorTextIn(t, 'trainingProjects.errors', error)),
    );
  return (
    <>
      <PageHeader
        title={t('trainingProjects.list.title')}
        subTitle={t('trainingProjects.list.subTitle')}
        extra={
          <Flex gap={8} wrap>
            <Button icon={<BellOutlined />} loading={reminders.isPending} onClick={() => void remind()} data-testid="reminders-run">
              {t('trainingProjects.list.remind')}
            </Button>
            <ExportButton path={projectsPath} query={list.query} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="project-create">
              {t('trainingProjects.list.create')}
            </Button>
          </Flex>
        }
      />
      <Card>
        <SearchBar
          value={q}
          onChange={setQ}
          onSearch={(text) => list.setFilters({ ...list.state.filters, q: text })}
          onReset={() => list.setFilters({})}
          placeholder={t('trainingProjects.list.search')}
          testIds={{ input: 'project-search', submit: 'project-search-submit' }}
        >
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('trainingProjects.list.allStatuses')}
            value={list.state.filters.status}
            onChange={(status?: string) => list.setFilters({ ...list.state.filters, status })}
            options={projectStatuses.map((s) => ({ value: s, label: projectStatusLabels[s][locale] }))}
            data-testid="project-status-filter"
          />
        </SearchBar>
        <ListTable<TrainingProject>
          list={list}
          query={projects}
          rowKey="id"
          data-testid="project-table"
          scroll={{ x: 900 }}
          locale={{ emptyText: t('trainingProjects.list.empty') }}
          onRow={(row) => ({ onDoubleClick: () => navigate(`/console/learning/projects/${row.id}`) })}
          columns={[
            {
              key: 'title',
              title: t('trainingProjects.list.columns.title'),
              sorter: true,
              sortOrder: list.sortOrderOf('title'),
              render: (_, r) => (
                <Link to={`/console/learning/projects/${r.id}`} data-testid="project-link">
                  {r.title}
                </Link>
              ),
            },
            { key: 'status', title: t('trainingProjects.list.columns.status'), sorter: true, sortOrder: list.sortOrderOf('status'), render: (_, r) => <ProjectStatusTag status={r.status} /> },
            { key: 'period', title: t('trainingProjects.list.columns.period'), render: (_, r) => (r.startsOn ? `${r.startsOn} ~ ${r.endsOn ?? ''}` : '—') },
            { key: 'stages', title: t('trainingProjects.list.columns.stages'), dataIndex: 'stageCount', align: 'right' },
            { key: 'learners', title: t('trainingProjects.list.columns.learners'), dataIndex: 'enrolledCount', align: 'right' },
            { key: 'completed', title: t('trainingProjects.list.columns.completed'), dataIndex: 'completedCount', align: 'right' },
            { key: 'createdAt', title: t('trainingProjects.list.columns.createdAt'), sorter: true, sortOrder: list.sortOrderOf('createdAt'), render: (_, r) => dateTime(r.createdAt) },
          ]}
        />
      </Card>
      <ProjectFormModal
        open={creating}
        saving={create.isPending}
        onClose={() => setCreating(false)}
        onSave={async (input) => {
          const project = await create.mutateAsync(input);
          void navigate(`/console/learning/projects/${project.id}`);
        }}
      />
    </>
  );
}
