import { useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Input, Table, Typography, type TableProps } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { ExportButton } from '../../../components/export-button.tsx';
import { OrganisationSelect } from '../../../components/organisation-select.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorText } from '../../../lib/forms.ts';
import { useListState } from '../../../lib/list.ts';
import { usePeople, type PersonSummary } from '../api/use-people.ts';
import '../i18n.ts';

const filterKeys = ['q', 'organisationId'] as const;

/** People within the user's reach: search by name or mobile, narrow to one organisation, sort, page, export. */
export default function PeopleListPage() {
  const { t } = useTranslation();
  const list = useListState(filterKeys);
  const people = usePeople(list.query);
  const [q, setQ] = useState(list.state.filters.q ?? '');
  // The URL is the truth: back/forward and links change the box too.
  useEffect(() => setQ(list.state.filters.q ?? ''), [list.state.filters.q]);

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
          <Input
            allowClear
            value={q}
            prefix={<SearchOutlined />}
            placeholder={t('people.list.searchPlaceholder')}
            style={{ width: 240 }}
            data-testid="people-search"
            onChange={(e) => setQ(e.target.value)}
            onPressEnter={() => list.setFilters({ ...list.state.filters, q: q.trim() })}
          />
          <OrganisationSelect
            value={list.state.filters.organisationId}
            placeholder={t('people.list.organisationPlaceholder')}
            style={{ width: 300 }}
            testId="people-organisation-filter"
            onChange={(organisationId) => list.setFilters({ ...list.state.filters, organisationId })}
          />
          <Button type="primary" data-testid="people-search-submit" onClick={() => list.setFilters({ ...list.state.filters, q: q.trim() })}>
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              setQ('');
              list.setFilters({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Flex>
        {people.error && <Alert type="error" showIcon title={errorText(t, people.error)} style={{ marginBottom: 16 }} />}
        <Table<PersonSummary>
          rowKey="id"
          size="middle"
          data-testid="people-table"
          loading={people.isFetching}
          columns={columns}
          dataSource={people.data?.items}
          scroll={{ x: 760 }}
          onChange={list.onTableChange as TableProps<PersonSummary>['onChange']}
          pagination={{
            current: list.state.page,
            pageSize: list.state.pageSize,
            total: people.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
          }}
        />
      </Card>
    </div>
  );
}
