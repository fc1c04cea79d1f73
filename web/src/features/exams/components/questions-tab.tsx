import { useState } from 'react';
import { App, Button, Flex, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { questionKinds, type Question } from '@fulcrum/shared';
import { useKnowledgePoints } from '../api/use-knowledge-points.ts';
import { useQuestionStatus } from '../api/use-question-status.ts';
import { useQuestions } from '../api/use-questions.ts';
import { examErrorText } from './error-text.ts';
import { QuestionEditor } from './question-editor.tsx';

/** The question bank: filters by knowledge point, difficulty and kind; add, edit (unused), retire. */
export function QuestionsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Record<string, string | number | undefined>>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<{ question: Question | null } | null>(null);
  const questions = useQuestions(filters);
  const points = useKnowledgePoints();
  const status = useQuestionStatus();
  const set = (patch: Record<string, string | number | undefined>) => setFilters((f) => ({ ...f, page: 1, ...patch }));
  const toggle = (q: Question) =>
    status.mutate({ id: q.id, action: q.status === 'active' ? 'retire' : 'reactivate' }, { onError: (error) => void message.error(examErrorText(t, error)) });

  return (
    <Flex vertical gap={12} data-testid="questions-tab">
      <Flex wrap gap={8} justify="space-between">
        <Space wrap>
          <Select allowClear placeholder={t('exams.questions.allPoints')} style={{ width: 220 }} optionFilterProp="label" showSearch onChange={(v) => set({ knowledgePointId: v })} options={(points.data?.items ?? []).map((k) => ({ value: k.id, label: `${k.code} ${k.name}` }))} data-testid="filter-kp" />
          <Select allowClear placeholder={t('exams.questions.allDifficulties')} style={{ width: 130 }} onChange={(v) => set({ difficulty: v })} options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: t('exams.questions.difficultyValue', { n }) }))} data-testid="filter-difficulty" />
          <Select allowClear placeholder={t('exams.questions.allKinds')} style={{ width: 130 }} onChange={(v) => set({ kind: v })} options={questionKinds.map((k) => ({ value: k, label: t(`exams.kinds.${k}`) }))} data-testid="filter-kind" />
          <Input.Search allowClear placeholder={t('exams.questions.search')} onSearch={(v) => set({ q: v || undefined })} style={{ width: 200 }} />
        </Space>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ question: null })} data-testid="add-question">
            {t('exams.questions.add')}
          </Button>
        )}
      </Flex>
      <Table<Question>
        rowKey="id"
        size="small"
        loading={questions.isFetching}
        dataSource={questions.data?.items ?? []}
        locale={{ emptyText: t('exams.questions.empty') }}
        scroll={{ x: 900 }}
        pagination={{ current: Number(filters.page), pageSize: Number(filters.pageSize), total: questions.data?.total ?? 0, showTotal: (n) => t('exams.questions.total', { n }), onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })) }}
        columns={[
          { title: t('exams.questions.stem'), dataIndex: 'stem', ellipsis: true },
          { title: t('exams.questions.kind'), dataIndex: 'kind', width: 110, render: (k: Question['kind']) => t(`exams.kinds.${k}`) },
          { title: t('exams.questions.difficulty'), dataIndex: 'difficulty', width: 80 },
          { title: t('exams.questions.knowledgePoints'), dataIndex: 'knowledgePoints', width: 200, render: (kps: Question['knowledgePoints']) => kps.map((k) => <Tag key={k.id}>{k.name}</Tag>) },
          { title: t('exams.questions.status'), dataIndex: 'status', width: 90, render: (s: Question['status']) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`exams.questions.${s}`)}</Tag> },
          ...(canManage
            ? [{
                title: '',
                key: 'actions',
                width: 150,
                render: (_: unknown, q: Question) => (
                  <Space>
                    <Tooltip title={q.used ? t('exams.questions.used') : undefined}>
                      <Button size="small" type="link" disabled={q.used} onClick={() => setEditing({ question: q })}>
                        {t('exams.questions.edit')}
                      </Button>
                    </Tooltip>
                    <Button size="small" type="link" onClick={() => toggle(q)} data-testid={`toggle-question-${q.id}`}>
                      {q.status === 'active' ? t('exams.questions.retire') : t('exams.questions.reactivate')}
                    </Button>
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      <QuestionEditor open={editing !== null} question={editing?.question ?? null} onClose={() => setEditing(null)} />
    </Flex>
  );
}
