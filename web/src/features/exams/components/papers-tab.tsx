import { useState } from 'react';
import { Button, Flex, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Paper } from '@fulcrum/shared';
import { usePapers } from '../api/use-papers.ts';
import { PaperModal } from './paper-modal.tsx';

/** Papers with their questions (fixed) or rules and the bank's availability for each (random). */
export function PapersTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const papers = usePapers();
  return (
    <Flex vertical gap={12} data-testid="papers-tab">
      {canManage && (
        <Flex justify="end">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="add-paper">
            {t('exams.papers.add')}
          </Button>
        </Flex>
      )}
      <Table<Paper>
        rowKey="id"
        size="small"
        loading={papers.isPending}
        dataSource={papers.data?.items ?? []}
        locale={{ emptyText: t('exams.papers.empty') }}
        scroll={{ x: 800 }}
        pagination={false}
        columns={[
          { title: t('exams.papers.title'), dataIndex: 'title', width: 220 },
          { title: t('exams.papers.mode'), dataIndex: 'mode', width: 100, render: (m: Paper['mode']) => <Tag color={m === 'fixed' ? 'blue' : 'purple'}>{t(`exams.papers.${m}`)}</Tag> },
          { title: t('exams.papers.questionCount'), dataIndex: 'questionCount', width: 80 },
          { title: t('exams.papers.totalPoints'), dataIndex: 'totalPoints', width: 80 },
          {
            title: t('exams.papers.rules'),
            key: 'rules',
            render: (_: unknown, p: Paper) =>
              p.drawRules.map((r, i) => (
                <Tag key={i} color={r.available < r.count ? 'red' : undefined}>
                  {t('exams.papers.rule', { kp: r.knowledgePointName, d: r.difficulty, count: r.count, points: r.points })} · {t('exams.papers.available', { n: r.available })}
                </Tag>
              )),
          },
        ]}
      />
      <PaperModal open={open} onClose={() => setOpen(false)} />
    </Flex>
  );
}
