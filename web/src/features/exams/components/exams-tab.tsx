import { useState } from 'react';
import { App, Button, Flex, Popconfirm, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Exam } from '@fulcrum/shared';
import { useExamTransition } from '../api/use-exam-transition.ts';
import { useExams } from '../api/use-exams.ts';
import { examErrorText } from './error-text.ts';
import { ExamModal } from './exam-modal.tsx';

const statusColor = { draft: 'default', published: 'green', closed: 'orange' } as const;
const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** The organisation's exams: create, publish, close, open the results. */
export function ExamsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const exams = useExams();
  const transition = useExamTransition();
  const act = (id: string, action: 'publish' | 'close') => transition.mutate({ id, action }, { onError: (error) => void message.error(examErrorText(t, error)) });
  return (
    <Flex vertical gap={12} data-testid="exams-tab">
      {canManage && (
        <Flex justify="end">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="add-exam">
            {t('exams.exams.add')}
          </Button>
        </Flex>
      )}
      <Table<Exam>
        rowKey="id"
        size="small"
        loading={exams.isPending}
        dataSource={exams.data?.items ?? []}
        locale={{ emptyText: t('exams.exams.empty') }}
        scroll={{ x: 1000 }}
        pagination={false}
        columns={[
          { title: t('exams.exams.title'), dataIndex: 'title', render: (title: string, e) => <Link to={`/console/learning/exam/${e.id}`} data-testid={`exam-link-${e.id}`}>{title}</Link> },
          { title: t('exams.exams.paper'), dataIndex: 'paperTitle', render: (p: string, e) => `${p}（${t(`exams.papers.${e.paperMode}`)}）` },
          { title: t('exams.exams.passScore'), key: 'score', width: 100, render: (_: unknown, e) => `${e.passScore} / ${e.totalPoints}` },
          { title: t('exams.exams.timeLimit'), dataIndex: 'timeLimitMinutes', width: 100 },
          { title: t('exams.exams.maxAttempts'), dataIndex: 'maxAttempts', width: 90 },
          { title: t('exams.exams.window'), key: 'window', width: 260, render: (_: unknown, e) => `${when(e.opensAt)} ~ ${when(e.closesAt)}` },
          { title: t('exams.exams.attempts'), dataIndex: 'attempts', width: 90 },
          { title: t('exams.exams.status'), dataIndex: 'status', width: 90, render: (s: Exam['status']) => <Tag color={statusColor[s]}>{t(`exams.exams.statuses.${s}`)}</Tag> },
          {
            title: '',
            key: 'actions',
            width: 150,
            render: (_: unknown, e) => (
              <Space>
                {canManage && e.status === 'draft' && (
                  <Popconfirm title={t('exams.exams.publishConfirm')} onConfirm={() => act(e.id, 'publish')}>
                    <Button size="small" type="link" data-testid={`publish-${e.id}`}>{t('exams.exams.publish')}</Button>
                  </Popconfirm>
                )}
                {canManage && e.status === 'published' && (
                  <Popconfirm title={t('exams.exams.closeConfirm')} onConfirm={() => act(e.id, 'close')}>
                    <Button size="small" type="link" danger data-testid={`close-${e.id}`}>{t('exams.exams.close')}</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ExamModal open={open} onClose={() => setOpen(false)} />
    </Flex>
  );
}
