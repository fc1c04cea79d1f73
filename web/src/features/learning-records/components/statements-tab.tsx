import { useEffect, useMemo, useState } from 'react';
import { AutoComplete, Button, DatePicker, Flex, Input, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { StoredStatementRow } from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { ListTable } from '../../../components/list-table.tsx';
import { useListState } from '../../../lib/list.ts';
import { useLocale } from '../../../lib/session.ts';
import { statementsPath, useStatements } from '../api/use-statements.ts';
import { rangeToWindow, statementFilterKeys, verbOptions, windowToRange } from './filters.ts';
import { LearnerSelect } from './learner-select.tsx';
import { StatementDrawer } from './statement-drawer.tsx';

const sortKeys = ['stored'] as const;
const ellipsis = { maxWidth: '100%' };

/** The organisation's stored statements: filters (verb, activity, learner, dates) in the address, the table, one statement's JSON. */
export function StatementsTab() {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useListState(statementFilterKeys, { sortKeys });
  const filters = list.state.filters;
  const statements = useStatements(list.query);
  const [open, setOpen] = useState<StoredStatementRow | null>(null);
  // The verb and activity boxes take typed IRIs: they apply on Enter, on picking, or with the filter button.
  const [verb, setVerb] = useState(filters.verb ?? '');
  const [activity, setActivity] = useState(filters.activity ?? '');
  useEffect(() => setVerb(filters.verb ?? ''), [filters.verb]);
  useEffect(() => setActivity(filters.activity ?? ''), [filters.activity]);
  const verbs = useMemo(() => verbOptions(locale, window.location.origin), [locale]);
  const set = (patch: Record<string, string | undefined>) => list.setFilters({ ...filters, ...patch });
  const apply = (patch: Record<string, string | undefined> = {}) => set({ verb: verb.trim() || undefined, activity: activity.trim() || undefined, ...patch });

  const columns: TableProps<StoredStatementRow>['columns'] = [
    {
      key: 'stored',
      title: t('learningRecords.statements.stored'),
      width: 170,
      sorter: true,
      // Newest first unless asked otherwise: the arrow shows it, and the next click turns the order round.
      sortDirections: ['descend', 'ascend'],
      sortOrder: list.sortOrderOf('stored') ?? 'descend',
      render: (_, s) => (
        <>
          {dayjs(s.stored).format('YYYY-MM-DD HH:mm:ss')}
          {/* When the learning happened, if the record arrived later (courseware that reports in batches or offline). */}
          {Math.abs(dayjs(s.stored).diff(s.timestamp, 'minute')) >= 1 && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('learningRecords.statements.happenedAt', { time: dayjs(s.timestamp).format('MM-DD HH:mm') })}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      key: 'learner',
      title: t('learningRecords.statements.learner'),
      width: 130,
      render: (_, s) =>
        s.personId && s.personId !== filters.personId ? (
          <Typography.Link onClick={() => set({ personId: s.personId ?? undefined })} title={t('learningRecords.statements.filterByLearner')}>
            {s.actorName ?? '—'}
          </Typography.Link>
        ) : (
          (s.actorName ?? <Typography.Text type="secondary">{s.actorKey}</Typography.Text>)
        ),
    },
    { key: 'verb', title: t('learningRecords.statements.verb'), width: 110, render: (_, s) => <span title={s.verbId}>{s.verbDisplay ?? s.verbId}</span> },
    {
      key: 'object',
      title: t('learningRecords.statements.object'),
      width: 260,
      render: (_, s) => (
        <Typography.Text ellipsis={{ tooltip: s.objectId }} style={ellipsis}>
          {s.objectName ?? s.objectId ?? '—'}
        </Typography.Text>
      ),
    },
    { key: 'client', title: t('learningRecords.statements.client'), width: 150, render: (_, s) => s.clientName ?? <Typography.Text type="secondary">{t('learningRecords.statements.clientNone')}</Typography.Text> },
    { key: 'voided', title: '', width: 80, render: (_, s) => s.voided && <Tag color="red">{t('learningRecords.statements.voided')}</Tag> },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 80,
      render: (_, s) => (
        <Button size="small" type="link" onClick={() => setOpen(s)} data-testid="lrs-statement-view">
          {t('learningRecords.statements.view')}
        </Button>
      ),
    },
  ];
  const width = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 150), 0);

  return (
    <div data-testid="lrs-statements-tab">
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <AutoComplete
          value={verb}
          options={verbs}
          onChange={setVerb}
          onSelect={(value: string) => apply({ verb: value })}
          showSearch={{ filterOption: (input, option) => String(option?.label ?? '').toLowerCase().includes(input.toLowerCase()) }}
          allowClear
          onClear={() => set({ verb: undefined })}
          placeholder={t('learningRecords.statements.verbPlaceholder')}
          style={{ width: 190 }}
          popupMatchSelectWidth={420}
          data-testid="lrs-filter-verb"
        >
          <Input onPressEnter={() => apply()} />
        </AutoComplete>
        <Input
          allowClear
          value={activity}
          onChange={(e) => setActivity(e.target.value)}
          onPressEnter={() => apply()}
          placeholder={t('learningRecords.statements.activityPlaceholder')}
          style={{ width: 180 }}
          data-testid="lrs-filter-activity"
        />
        <LearnerSelect value={filters.personId} onChange={(personId) => set({ personId })} placeholder={t('learningRecords.statements.learnerPlaceholder')} testId="lrs-filter-learner" />
        <DatePicker.RangePicker
          value={windowToRange(filters.since, filters.until)}
          onChange={(range) => set({ since: undefined, until: undefined, ...rangeToWindow(range && range[0] && range[1] ? [range[0], range[1]] as [Dayjs, Dayjs] : null) })}
          placeholder={[t('learningRecords.statements.rangeStart'), t('learningRecords.statements.rangeEnd')]}
          style={{ width: 230 }}
          data-testid="lrs-filter-range"
        />
        <Button type="primary" onClick={() => apply()} data-testid="lrs-filter-apply">
          {t('learningRecords.statements.search')}
        </Button>
        <Button onClick={() => list.setFilters({})} data-testid="lrs-filter-reset">
          {t('learningRecords.statements.reset')}
        </Button>
        <div style={{ marginInlineStart: 'auto' }}>
          <ExportButton path={statementsPath} query={{ ...filters, sort: list.state.sort }} />
        </div>
      </Flex>
      <ListTable<StoredStatementRow>
        list={list}
        query={statements}
        rowKey="id"
        data-testid="lrs-statements-table"
        columns={columns}
        scroll={{ x: width }}
        locale={{ emptyText: t('learningRecords.statements.empty') }}
      />
      <StatementDrawer row={open} onClose={() => setOpen(null)} />
    </div>
  );
}
