import { useState } from 'react';
import { Button, Card, Flex, Segmented, Typography, type TableProps } from 'antd';
import { CloudUploadOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { employeeSortKeys, type Employee } from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { ListTable } from '../../../components/list-table.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { SearchBar } from '../../../components/search-bar.tsx';
import { useListState, useSearchText } from '../../../lib/list.ts';
import { useActor } from '../../../lib/session.ts';
import { can } from '../abilities.ts';
import { employeesPath, useEmployees } from '../api/use-employees.ts';
import { AddEmployeeModal } from '../components/add-employee-modal.tsx';
import { ContractPeriod, EmploymentStatus } from '../components/employment-status.tsx';
import { EndEmploymentModal } from '../components/end-employment-modal.tsx';
import '../i18n.ts';

const filterKeys = ['q', 'active'] as const;
type Status = 'true' | 'false' | 'all';

/** The employees of the organisation the user acts for: current ones by default, former ones or all on request. */
export default function EmployeesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { organisationId, organisationName, role } = useActor().activeMembership;
  const list = useListState(filterKeys, { sortKeys: employeeSortKeys });
  const status: Status = list.state.filters.active === 'false' || list.state.filters.active === 'all' ? list.state.filters.active : 'true';
  const query = { ...list.query, active: status === 'all' ? undefined : status };
  const employees = useEmployees(organisationId, query);
  const [q, setQ] = useSearchText(list.state.filters.q);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Employee | null>(null);
  const mayEnd = can(role, 'endEmployment');

  const columns: TableProps<Employee>['columns'] = [
    {
      key: 'name',
      title: t('people.fields.name'),
      sorter: true,
      sortOrder: list.sortOrderOf('name'),
      fixed: 'left',
      width: 120,
      render: (_, e) => <Link to={`/console/people/${e.personId}`}>{e.person.name}</Link>,
    },
    { key: 'residentId', title: t('people.fields.residentId'), width: 180, render: (_, e) => <Typography.Text style={{ fontFamily: 'monospace' }}>{e.person.residentIdMasked}</Typography.Text> },
    { key: 'phone', title: t('people.fields.phone'), width: 120, render: (_, e) => e.person.phone ?? '—' },
    { key: 'position', title: t('people.fields.position'), sorter: true, sortOrder: list.sortOrderOf('position'), dataIndex: 'position', width: 150 },
    { key: 'startDate', title: t('people.fields.startDate'), sorter: true, sortOrder: list.sortOrderOf('startDate'), dataIndex: 'startDate', width: 120 },
    // Among current employees every end date is empty and every status the same, so those columns show only where they differ.
    ...(status !== 'true' ? [{ key: 'endDate', title: t('people.fields.endDate'), width: 110, render: (_: unknown, e: Employee) => e.endDate ?? '—' }] : []),
    { key: 'contract', title: t('people.fields.contract'), width: 200, render: (_, e) => <ContractPeriod start={e.contractStart} end={e.contractEnd} /> },
    ...(status === 'all' ? [{ key: 'status', title: t('people.fields.status'), width: 90, render: (_: unknown, e: Employee) => <EmploymentStatus endDate={e.endDate} /> }] : []),
    ...(mayEnd
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 140,
            fixed: 'right' as const,
            render: (_: unknown, e: Employee) =>
              e.endDate ? null : (
                <Button type="link" size="small" danger onClick={() => setEnding(e)} data-testid="end-employment">
                  {t('people.employees.end')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="employees-page">
      <PageHeader
        title={t('people.employees.title')}
        subTitle={organisationName}
        extra={
          <>
            <ExportButton path={employeesPath(organisationId)} query={query} />
            {can(role, 'importEmployees') && (
              <Button icon={<CloudUploadOutlined />} onClick={() => navigate('/console/employees/import')} data-testid="go-import">
                {t('people.employees.import')}
              </Button>
            )}
            {can(role, 'addEmployee') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-employee">
                {t('people.employees.add')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Segmented<Status>
            value={status}
            data-testid="employees-status"
            options={[
              { value: 'true', label: t('people.employees.filter.active') },
              { value: 'false', label: t('people.employees.filter.ended') },
              { value: 'all', label: t('people.employees.filter.all') },
            ]}
            onChange={(active) => list.setFilters({ ...list.state.filters, active: active === 'true' ? undefined : active })}
          />
          <SearchBar
            value={q}
            onChange={setQ}
            onSearch={(text) => list.setFilters({ ...list.state.filters, q: text })}
            onReset={() => list.setFilters({})}
            placeholder={t('people.employees.searchPlaceholder')}
            testIds={{ input: 'employees-search', submit: 'employees-search-submit' }}
          />
        </Flex>
        <ListTable<Employee>
          list={list}
          query={employees}
          rowKey="id"
          data-testid="employees-table"
          columns={columns}
          scroll={{ x: columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 150), 0) }}
        />
      </Card>
      <AddEmployeeModal organisationId={organisationId} open={adding} onClose={() => setAdding(false)} />
      <EndEmploymentModal employee={ending} onClose={() => setEnding(null)} />
    </div>
  );
}
