import { Card, Flex, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { personSortKeys } from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { ListTable } from '../../../components/list-table.tsx';
import { OrganisationSelect } from '../../../components/organisation-select.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { SearchBar } from '../../../components/search-bar.tsx';
import { useListState, useSearchText } from '../../../lib/list.ts';
import { usePeople, type PersonSummary } from '../api/use-people.ts';
import '../i18n.ts';

const filterKeys = ['q', 'organisationId'] as const;

/** People within the user's reach: search by name or mobile, narrow to one organisation, sort, page, export. */
export default function PeopleListPage() {
  const { t } = useTranslation();
  const list = useListState(filterKeys, { sortKeys: personSortKeys });
  const people = usePeople(list.query);
  const [q, setQ] = useSearchText(list.state.filters.q);

  const columns: TableProps<PersonSummary>['columns'] = [
    {
      key: 'name',
      title: t('people.fields.name'),
      sorter: true,
      sortOrder: list.sortOrderOf('name'),
      render: (_, p) => (
        <Link to={`/console/people/${p.id}`} data-testid="person-link">
          {p.name}
        </Link>
      ),
    },
    { key: 'residentIdMasked', title: t('people.fields.residentId'), render: (_, p) => <Typography.Text style={{ fontFamily: 'monospace' }}>{p.residentIdMasked}</Typography.Text> },
    { key: 'gender', title: t('people.fields.gender'), width: 80, render: (_, p) => t(`people.gender.${p.gender}`) },
    { key: 'phone', title: t('people.fields.phone'), render: (_, p) => p.phone ?? '—' },
    {
      key: 'createdAt',
      title: t('people.fields.createdAt'),
      sorter: true,
      sortOrder: list.sortOrderOf('createdAt'),
      render: (_, p) => dayjs(p.createdAt).format('YYYY-MM-DD HH:mm'),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 100,
      render: (_, p) => <Link to={`/console/people/${p.id}`}>{t('common.detail')}</Link>,
    },
  ];

  return (
    <div data-testid="people-list-page">
      <PageHeader title={t('people.list.title')} subTitle={t('people.list.subTitle')} extra={<ExportButton path="/people" query={list.query} />} />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <SearchBar
            value={q}
            onChange={setQ}
            onSearch={(text) => list.setFilters({ ...list.state.filters, q: text })}
            onReset={() => list.setFilters({})}
            placeholder={t('people.list.searchPlaceholder')}
            testIds={{ input: 'people-search', submit: 'people-search-submit' }}
          >
            <OrganisationSelect
              value={list.state.filters.organisationId}
              placeholder={t('people.list.organisationPlaceholder')}
              style={{ width: 300 }}
              testId="people-organisation-filter"
              onChange={(organisationId) => list.setFilters({ ...list.state.filters, organisationId })}
            />
          </SearchBar>
        </Flex>
        <ListTable<PersonSummary> list={list} query={people} rowKey="id" data-testid="people-table" columns={columns} scroll={{ x: 760 }} />
      </Card>
    </div>
  );
}
