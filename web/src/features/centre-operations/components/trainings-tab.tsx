import { useState } from 'react';
import { Button, Flex, Select, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { trainingSortKeys, type CentreTraining, type TrainingCentre, type TrainingMatch } from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { ListTable } from '../../../components/list-table.tsx';
import { useListState } from '../../../lib/list.ts';
import { useActor, useLocale } from '../../../lib/session.ts';
import { can } from '../abilities.ts';
import { trainingsPath, useTrainings } from '../api/use-trainings.ts';
import { levelName, occupationName, scopeOccupationOptions } from './labels.ts';
import { RecordTrainingModal } from './record-training-modal.tsx';
import { yearsSince } from './year-options.ts';

const filterKeys = ['year', 'occupation'] as const;

/** The trainings (classes) the centre delivered, by year and occupation, and recording a new one. */
export function TrainingsTab({ centre, hasRights, matches }: { centre: TrainingCentre; hasRights: boolean; matches: TrainingMatch[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { role } = useActor().activeMembership;
  const list = useListState(filterKeys, { sortKeys: trainingSortKeys, sort: '-startsOn' });
  const trainings = useTrainings(centre.id, list.query);
  const [recording, setRecording] = useState(false);
  const set = (patch: Record<string, string | undefined>) => list.setFilters({ ...list.state.filters, ...patch });

  const columns: TableProps<CentreTraining>['columns'] = [
    { key: 'title', title: t('centreOps.fields.title'), dataIndex: 'title', width: 240, fixed: 'left' },
    { key: 'occupation', title: t('centreOps.fields.occupation'), width: 160, render: (_, r) => occupationName(r.occupation, locale) },
    { key: 'level', title: t('centreOps.fields.level'), width: 140, render: (_, r) => levelName(r.level, locale) },
    { key: 'startsOn', title: t('centreOps.fields.period'), width: 210, sorter: true, sortOrder: list.sortOrderOf('startsOn'), render: (_, r) => `${r.startsOn} ~ ${r.endsOn}` },
    { key: 'traineeCount', title: t('centreOps.fields.traineeCount'), dataIndex: 'traineeCount', width: 100, align: 'right' },
    {
      key: 'match',
      title: t('centreOps.fields.match'),
      width: 200,
      render: (_, r) => (r.matchId ? (matches.find((m) => m.id === r.matchId)?.organisationName ?? '✓') : '—'),
    },
  ];

  return (
    <div data-testid="trainings-tab">
      <Flex wrap gap={8} style={{ marginBottom: 16 }} justify="space-between">
        <Flex wrap gap={8}>
          <Select
            allowClear
            placeholder={t('centreOps.assessments.filters.year')}
            value={list.state.filters.year}
            onChange={(year?: string) => set({ year })}
            options={yearsSince(centre.certifiedOn).map((y) => ({ value: String(y), label: String(y) }))}
            style={{ width: 110 }}
            data-testid="trainings-filter-year"
          />
          <Select
            allowClear
            placeholder={t('centreOps.assessments.filters.occupation')}
            value={list.state.filters.occupation}
            onChange={(occupation?: string) => set({ occupation })}
            options={scopeOccupationOptions(centre.scope, locale)}
            style={{ width: 200 }}
            data-testid="trainings-filter-occupation"
          />
        </Flex>
        <Flex wrap gap={8}>
          <ExportButton path={trainingsPath(centre.id)} query={list.query} />
          {can(role, 'recordTraining') && (
            <Button type="primary" icon={<PlusOutlined />} disabled={!hasRights} onClick={() => setRecording(true)} data-testid="training-record">
              {t('centreOps.trainings.record')}
            </Button>
          )}
        </Flex>
      </Flex>
      <ListTable<CentreTraining>
        list={list}
        query={trainings}
        rowKey="id"
        data-testid="trainings-table"
        locale={{ emptyText: t('centreOps.trainings.empty') }}
        columns={columns}
        scroll={{ x: 1050 }}
      />
      {can(role, 'recordTraining') && <RecordTrainingModal centre={centre} matches={matches} open={recording} onClose={() => setRecording(false)} />}
    </div>
  );
}
