import { useState } from 'react';
import { Flex, Segmented, Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LearnerReportRow } from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { learnersPath, useReportLearners, type LearnersFilter } from '../api/use-report-learners.ts';
import type { ReportDatesQuery } from '../api/use-report-summary.ts';
import { hoursOf } from './format.ts';

type Attained = 'all' | 'true' | 'false';

/** A group's learners (department or role profile) with the requirements they miss at the attainment date. */
export function LearnersTable({ dates, group }: { dates: ReportDatesQuery; group: Pick<LearnersFilter, 'department' | 'roleProfileId'> }) {
  const { t } = useTranslation();
  const [attained, setAttained] = useState<Attained>('all');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const filter: LearnersFilter = { ...dates, ...group, ...page, attained: attained === 'all' ? undefined : attained, sort: 'gaps' };
  const learners = useReportLearners(filter);
  const columns: TableProps<LearnerReportRow>['columns'] = [
    { key: 'name', title: t('learningReports.learners.name'), dataIndex: 'name', width: 90, fixed: 'left' },
    { key: 'department', title: t('learningReports.learners.department'), width: 100, render: (_, r) => r.department ?? t('learningReports.table.unassigned') },
    { key: 'role', title: t('learningReports.learners.roleProfile'), dataIndex: 'roleProfileName', width: 140 },
    {
      key: 'status',
      title: t('learningReports.learners.status'),
      width: 90,
      render: (_, r) => (r.attained ? <Tag color="green">{t('learningReports.learners.attained')}</Tag> : <Tag color="orange">{t('learningReports.learners.missing')}</Tag>),
    },
    {
      key: 'gaps',
      title: t('learningReports.learners.gaps'),
      width: 240,
      render: (_, r) =>
        r.gaps.length ? (
          <Flex wrap gap={4}>
            {r.gaps.map((g) => (
              <Tag key={g.competencyId}>
                {g.competencyName} {g.level}/{g.requiredLevel}
              </Tag>
            ))}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('learningReports.learners.noGaps')}</Typography.Text>
        ),
    },
    { key: 'hours', title: t('learningReports.learners.hours'), align: 'right', width: 70, render: (_, r) => hoursOf(r.studySeconds) },
    { key: 'exams', title: t('learningReports.learners.exams'), align: 'right', width: 110, render: (_, r) => `${r.examPasses}/${r.examAttempts}` },
    { key: 'certificates', title: t('learningReports.learners.certificates'), align: 'right', width: 70, dataIndex: 'certificates' },
  ];
  return (
    <Flex vertical gap={8} data-testid="learners-table">
      <Flex wrap gap={8} justify="space-between">
        <Segmented<Attained>
          value={attained}
          onChange={(value) => {
            setAttained(value);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          options={[
            { value: 'all', label: t('learningReports.learners.all') },
            { value: 'true', label: t('learningReports.learners.attainedOnly') },
            { value: 'false', label: t('learningReports.learners.notAttained') },
          ]}
          data-testid="learners-attained"
        />
        <ExportButton path={learnersPath} query={{ ...filter }} />
      </Flex>
      <Table<LearnerReportRow>
        rowKey="personId"
        size="small"
        columns={columns}
        dataSource={learners.data?.items ?? []}
        loading={learners.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: learners.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }), showSizeChanger: false }}
      />
    </Flex>
  );
}
