import { Flex, Grid, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import type { ApprenticeshipClass } from '@fulcrum/shared';
import { ListTable, type ListQueryResult } from '../../../components/list-table.tsx';
import type { useListState } from '../../../lib/list.ts';
import { useLocale } from '../../../lib/session.ts';
import { levelName, occupationName } from './labels.ts';
import { ClassStatusTag, DueTag } from './status-tags.tsx';

/** The next date that matters for a class: the deadline of its state while one runs, else its end while it trains. */
function NextDeadline({ c }: { c: ApprenticeshipClass }) {
  const { t } = useTranslation();
  if (c.dueOn) return <DueTag dueOn={c.dueOn} overdue={c.overdue} />;
  if (c.status === 'registered') return <Typography.Text type="secondary">{t('apprenticeships.due.endsOn', { date: c.endsOn })}</Typography.Text>;
  return <>—</>;
}

/**
 * Classes a page at a time: name and organiser, status, the next deadline (overdue rows in red), occupation and level,
 * period and the roster's counts. On a phone the status and deadline move under the name.
 */
export function ClassTable({
  list,
  query,
  showOrganisation,
}: {
  list: ReturnType<typeof useListState>;
  query: ListQueryResult<ApprenticeshipClass>;
  showOrganisation: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const narrow = Grid.useBreakpoint().md === false;

  const columns: TableProps<ApprenticeshipClass>['columns'] = [
    {
      key: 'name',
      title: t('apprenticeships.fields.name'),
      fixed: narrow ? undefined : 'left',
      width: narrow ? 200 : 240,
      sorter: true,
      sortOrder: list.sortOrderOf('name'),
      render: (_, c) => (
        <Flex vertical gap={4} align="start">
          <Link to={`/console/apprenticeship-classes/${c.id}`} data-testid="class-link">
            {c.name}
          </Link>
          {showOrganisation && <Typography.Text type="secondary">{c.organisationName}</Typography.Text>}
          {c.registrationNo && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.registrationNo}</Typography.Text>}
          {narrow && (
            <Flex wrap gap={4}>
              <ClassStatusTag status={c.status} />
              <NextDeadline c={c} />
            </Flex>
          )}
        </Flex>
      ),
    },
    ...(narrow
      ? []
      : ([
          { key: 'status', title: t('apprenticeships.fields.status'), width: 140, render: (_, c) => <ClassStatusTag status={c.status} /> },
          {
            key: 'dueOn',
            title: t('apprenticeships.fields.nextDeadline'),
            width: 190,
            sorter: true,
            sortOrder: list.sortOrderOf('dueOn'),
            render: (_, c) => <NextDeadline c={c} />,
          },
        ] satisfies TableProps<ApprenticeshipClass>['columns'])),
    {
      key: 'occupation',
      title: t('apprenticeships.fields.occupation'),
      width: 200,
      render: (_, c) => `${occupationName(c.occupation, locale)} · ${levelName(c.targetLevel, locale)}`,
    },
    {
      key: 'startsOn',
      title: t('apprenticeships.fields.period'),
      width: 200,
      sorter: true,
      sortOrder: list.sortOrderOf('startsOn'),
      render: (_, c) => `${c.startsOn} ~ ${c.endsOn}`,
    },
    {
      key: 'counts',
      title: t('apprenticeships.fields.counts'),
      width: 130,
      align: 'right',
      render: (_, c) => <span data-testid="class-counts">{t('apprenticeships.counts.short', { active: c.counts.active, roster: c.counts.roster })}</span>,
    },
    {
      key: 'updatedAt',
      title: t('apprenticeships.fields.updatedAt'),
      width: 150,
      sorter: true,
      sortOrder: list.sortOrderOf('updatedAt'),
      render: (_, c) => dayjs(c.updatedAt).format('YYYY-MM-DD HH:mm'),
    },
  ];

  return (
    <>
      {/* Overdue rows in red, the fixed first column too (it paints its own background). */}
      <style>{'.ap-overdue > td, .ap-overdue > td.ant-table-cell-fix { background: #fff1f0 !important; }'}</style>
      <ListTable<ApprenticeshipClass>
        list={list}
        query={query}
        rowKey="id"
        data-testid="class-table"
        columns={columns}
        rowClassName={(c) => (c.overdue ? 'ap-overdue' : '')}
        scroll={{ x: columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 150), 0) }}
        locale={{ emptyText: t('apprenticeships.list.empty') }}
      />
    </>
  );
}
