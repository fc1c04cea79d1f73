import { useState } from 'react';
import { Button, Flex, Select, Tag, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { assessmentSortKeys, skillLevels, type SkillAssessment, type TrainingCentre, type TrainingMatch } from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { ListTable } from '../../../components/list-table.tsx';
import { useListState } from '../../../lib/list.ts';
import { useActor, useLocale } from '../../../lib/session.ts';
import { can } from '../abilities.ts';
import { assessmentsPath, useAssessments } from '../api/use-assessments.ts';
import { levelName, occupationName, scopeOccupationOptions } from './labels.ts';
import { RecordAssessmentModal } from './record-assessment-modal.tsx';
import { yearsSince } from './year-options.ts';

const filterKeys = ['year', 'occupation', 'level', 'passed', 'matchId'] as const;

/** The centre's in-house assessments: filters, export, and (for those who may) recording a result. */
export function AssessmentsTab({ centre, hasRights, matches }: { centre: TrainingCentre; hasRights: boolean; matches: TrainingMatch[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { role } = useActor().activeMembership;
  const list = useListState(filterKeys, { sortKeys: assessmentSortKeys, sort: '-assessedOn' });
  const assessments = useAssessments(centre.id, list.query);
  const [recording, setRecording] = useState(false);
  const set = (patch: Record<string, string | undefined>) => list.setFilters({ ...list.state.filters, ...patch });
  const matchName = (id: string | null) => {
    const match = id ? matches.find((m) => m.id === id) : undefined;
    return match ? match.organisationName : id ? '✓' : '—';
  };

  const columns: TableProps<SkillAssessment>['columns'] = [
    { key: 'name', title: t('centreOps.fields.name'), dataIndex: 'personName', width: 100, fixed: 'left' },
    { key: 'residentId', title: t('centreOps.fields.residentId'), width: 180, render: (_, a) => <Typography.Text style={{ fontFamily: 'monospace' }}>{a.residentIdMasked}</Typography.Text> },
    { key: 'occupation', title: t('centreOps.fields.occupation'), width: 160, render: (_, a) => occupationName(a.occupation, locale) },
    { key: 'level', title: t('centreOps.fields.level'), width: 140, render: (_, a) => levelName(a.level, locale) },
    { key: 'assessedOn', title: t('centreOps.fields.assessedOn'), dataIndex: 'assessedOn', width: 120, sorter: true, sortOrder: list.sortOrderOf('assessedOn') },
    { key: 'score', title: t('centreOps.fields.score'), dataIndex: 'score', width: 80, align: 'right', sorter: true, sortOrder: list.sortOrderOf('score') },
    {
      key: 'passed',
      title: t('centreOps.fields.passed'),
      width: 90,
      render: (_, a) => <Tag color={a.passed ? 'green' : 'default'}>{t(`centreOps.passed.${String(a.passed)}`)}</Tag>,
    },
    {
      key: 'certificateNo',
      title: t('centreOps.fields.certificateNo'),
      width: 280,
      render: (_, a) => (a.certificateNo ? <Typography.Text copyable style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{a.certificateNo}</Typography.Text> : '—'),
    },
    { key: 'match', title: t('centreOps.fields.match'), width: 180, render: (_, a) => matchName(a.matchId) },
  ];

  return (
    <div data-testid="assessments-tab">
      <Flex wrap gap={8} style={{ marginBottom: 16 }} justify="space-between">
        <Flex wrap gap={8}>
          <Select
            allowClear
            placeholder={t('centreOps.assessments.filters.year')}
            value={list.state.filters.year}
            onChange={(year?: string) => set({ year })}
            options={yearsSince(centre.certifiedOn).map((y) => ({ value: String(y), label: String(y) }))}
            style={{ width: 110 }}
            data-testid="assessments-filter-year"
          />
          <Select
            allowClear
            placeholder={t('centreOps.assessments.filters.occupation')}
            value={list.state.filters.occupation}
            onChange={(occupation?: string) => set({ occupation })}
            options={scopeOccupationOptions(centre.scope, locale)}
            style={{ width: 200 }}
            data-testid="assessments-filter-occupation"
          />
          <Select
            allowClear
            placeholder={t('centreOps.assessments.filters.level')}
            value={list.state.filters.level}
            onChange={(level?: string) => set({ level })}
            options={skillLevels.map((level) => ({ value: String(level), label: levelName(level, locale) }))}
            style={{ width: 160 }}
            data-testid="assessments-filter-level"
          />
          <Select
            allowClear
            placeholder={t('centreOps.assessments.filters.passed')}
            value={list.state.filters.passed}
            onChange={(passed?: string) => set({ passed })}
            options={[
              { value: 'true', label: t('centreOps.passed.true') },
              { value: 'false', label: t('centreOps.passed.false') },
            ]}
            style={{ width: 110 }}
            data-testid="assessments-filter-passed"
          />
          {list.state.filters.matchId && (
            <Tag closable onClose={() => set({ matchId: undefined })} style={{ alignSelf: 'center' }}>
              {t('centreOps.fields.match')}: {matchName(list.state.filters.matchId)}
            </Tag>
          )}
        </Flex>
        <Flex wrap gap={8}>
          <ExportButton path={assessmentsPath(centre.id)} query={list.query} />
          {can(role, 'recordAssessment') && (
            <Button type="primary" icon={<PlusOutlined />} disabled={!hasRights} onClick={() => setRecording(true)} data-testid="assessment-record">
              {t('centreOps.assessments.record')}
            </Button>
          )}
        </Flex>
      </Flex>
      <ListTable<SkillAssessment>
        list={list}
        query={assessments}
        rowKey="id"
        data-testid="assessments-table"
        locale={{ emptyText: t('centreOps.assessments.empty') }}
        columns={columns}
        scroll={{ x: 1340 }}
      />
      {can(role, 'recordAssessment') && <RecordAssessmentModal centre={centre} matches={matches} open={recording} onClose={() => setRecording(false)} />}
    </div>
  );
}
