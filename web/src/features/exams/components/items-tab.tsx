import { Alert, Flex, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemStatistic } from '@fulcrum/shared';
import { useExamStatistics } from '../api/use-exam-statistics.ts';

const fixed = (v: number | null) => (v === null ? '—' : v.toFixed(2));
const discriminationColor = (v: number | null) => (v === null ? 'default' : v >= 0.3 ? 'green' : v >= 0.1 ? 'gold' : 'red');

/** Item statistics: difficulty (p-value) and point-biserial discrimination of each question. */
export function ItemsTab({ examId }: { examId: string }) {
  const { t } = useTranslation();
  const stats = useExamStatistics(examId);
  return (
    <Flex vertical gap={12} data-testid="items-tab">
      <Alert type="info" showIcon message={t('exams.detail.itemsHint')} />
      <Table<ItemStatistic>
        rowKey="questionId"
        size="small"
        loading={stats.isPending}
        dataSource={stats.data?.items ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        columns={[
          { title: t('exams.questions.stem'), dataIndex: 'stem', ellipsis: true },
          { title: t('exams.questions.kind'), dataIndex: 'kind', width: 110, render: (k: ItemStatistic['kind']) => t(`exams.kinds.${k}`) },
          { title: t('exams.detail.itemAnswers'), dataIndex: 'answers', width: 90 },
          { title: t('exams.detail.itemDifficulty'), dataIndex: 'difficulty', width: 160, render: fixed },
          { title: t('exams.detail.itemDiscrimination'), dataIndex: 'discrimination', width: 180, render: (v: number | null) => <Tag color={discriminationColor(v)}>{fixed(v)}</Tag> },
        ]}
      />
    </Flex>
  );
}
