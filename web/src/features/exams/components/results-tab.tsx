import { useState } from 'react';
import { Card, Col, Flex, Row, Statistic, Table, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ExamResult } from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { examResultsPath, useExamResults } from '../api/use-exam-results.ts';
import { useExamStatistics } from '../api/use-exam-statistics.ts';

const percent = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** The exam's figures and every attempt with its score; xlsx export. */
export function ResultsTab({ examId }: { examId: string }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState<Record<string, string | number | undefined>>({ page: 1, pageSize: 20 });
  const results = useExamResults(examId, query);
  const stats = useExamStatistics(examId);
  const s = stats.data;
  return (
    <Flex vertical gap={12} data-testid="results-tab">
      <Row gutter={[12, 12]}>
        {[
          ['attempts', s?.attempts ?? '—', 'stat-attempts'],
          ['passRate', percent(s?.passRate ?? null), 'stat-pass-rate'],
          ['mean', s?.meanScore ?? '—', 'stat-mean'],
          ['median', s?.medianScore ?? '—', 'stat-median'],
        ].map(([key, value, id]) => (
          <Col key={key} xs={12} md={6}>
            <Card size="small">
              <Statistic title={t(`exams.detail.${key}`)} value={value as string | number} valueRender={(node) => <span data-testid={id}>{node}</span>} />
            </Card>
          </Col>
        ))}
      </Row>
      <Flex justify="end">
        <ExportButton path={examResultsPath(examId)} query={{ sort: query.sort }} />
      </Flex>
      <Table<ExamResult>
        rowKey="attemptId"
        size="small"
        loading={results.isFetching}
        dataSource={results.data?.items ?? []}
        scroll={{ x: 800 }}
        onChange={(_, __, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          setQuery((q) => ({ ...q, page: 1, sort: one?.order ? `${one.order === 'descend' ? '-' : ''}${String(one.columnKey)}` : undefined }));
        }}
        pagination={{ current: Number(query.page), pageSize: Number(query.pageSize), total: results.data?.total ?? 0, onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })) }}
        columns={[
          { title: t('exams.detail.name'), dataIndex: 'personName' },
          { title: t('exams.detail.attemptNo'), dataIndex: 'attemptNo', width: 80 },
          { title: t('exams.detail.startedAt'), key: 'startedAt', dataIndex: 'startedAt', sorter: true, render: time },
          { title: t('exams.detail.submittedAt'), dataIndex: 'submittedAt', render: time },
          { title: t('exams.detail.score'), key: 'score', dataIndex: 'score', sorter: true, width: 90, render: (v: number | null) => v ?? '—' },
          {
            title: t('exams.detail.ability'),
            key: 'ability',
            width: 120,
            render: (_: unknown, r) =>
              r.ability ? (
                <Tooltip title={t('exams.detail.abilityHint', { answers: r.ability.answers })}>
                  <span data-testid="result-ability">
                    {r.ability.theta.toFixed(2)} ± {r.ability.standardError.toFixed(2)}
                  </span>
                </Tooltip>
              ) : (
                '—'
              ),
          },
          {
            title: t('exams.detail.passed'),
            key: 'passed',
            width: 110,
            render: (_: unknown, r) => (r.status === 'graded' ? <Tag color={r.passed ? 'success' : 'error'}>{r.passed ? t('exams.detail.yes') : t('exams.detail.no')}</Tag> : <Tag>{r.timeUp ? t('exams.detail.timeUp') : t(`exams.detail.attemptStatuses.${r.status}`)}</Tag>),
          },
        ]}
      />
    </Flex>
  );
}
