import { Table, Tag, Typography } from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { departmentKindLabels, enterpriseSizeLabels, organisationTypeLabels, type Organisation } from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';
import type { OrganisationPage } from '../api/use-organisations.ts';
import { useReference } from './reference.ts';

interface Props {
  data: OrganisationPage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  /** Where a row's name links to: `${basePath}/${id}`. */
  basePath: string;
  showType: boolean;
  showRegion: boolean;
  sortOrderOf: (key: string) => 'ascend' | 'descend' | null;
  onChange: (pagination: TablePaginationConfig, filters: unknown, sorter: SorterResult<unknown> | SorterResult<unknown>[]) => void;
}

const empty = <Typography.Text type="secondary">—</Typography.Text>;
/** Industry and park share what the fixed columns leave; below this they scroll instead of squeezing. */
const flexibleWidth = 228;

/** One page of organisations; sorting and paging are the server's, the state lives in the URL. */
export function OrganisationTable({ data, loading, page, pageSize, basePath, showType, showRegion, sortOrderOf, onChange }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const reference = useReference();

  const clipped = (value: string | undefined, secondary = false) =>
    value ? (
      <Typography.Text ellipsis={{ tooltip: value }} type={secondary ? 'secondary' : undefined} style={{ width: '100%', fontSize: secondary ? 12 : undefined }}>
        {value}
      </Typography.Text>
    ) : (
      empty
    );

  const columns: ColumnsType<Organisation> = [
    {
      key: 'name',
      title: t('organisations.fields.name'),
      sorter: true,
      sortOrder: sortOrderOf('name'),
      fixed: 'left',
      width: 200,
      render: (_, org) => (
        <Link to={`${basePath}/${org.id}`} data-testid="organisation-link" title={org.name} style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {org.name}
        </Link>
      ),
    },
    ...(showType
      ? [
          {
            key: 'type',
            title: t('organisations.fields.type'),
            width: 110,
            render: (_: unknown, org: Organisation) => (
              <Tag>{org.departmentKind ? departmentKindLabels[org.departmentKind][locale] : organisationTypeLabels[org.type][locale]}</Tag>
            ),
          },
        ]
      : []),
    {
      key: 'uscc',
      title: t('organisations.columns.uscc'),
      width: 160,
      render: (_, org) => (org.uscc ? <span style={{ fontFamily: 'monospace', fontSize: 13, whiteSpace: 'nowrap' }}>{org.uscc}</span> : empty),
    },
    {
      key: 'industry',
      title: t('organisations.fields.industry'),
      render: (_, org) => clipped(reference.industryName(org.industryDivision)),
    },
    {
      key: 'park',
      title: showRegion ? t('organisations.columns.regionPark') : t('organisations.fields.park'),
      render: (_, org) =>
        showRegion ? (
          <>
            {clipped(reference.parkName(org.industrialParkId))}
            {clipped(reference.regionName(org.regionId), true)}
          </>
        ) : (
          clipped(reference.parkName(org.industrialParkId))
        ),
    },
    { key: 'size', title: t('organisations.columns.size'), width: 72, render: (_, org) => (org.size ? enterpriseSizeLabels[org.size][locale] : empty) },
    {
      key: 'stateOwned',
      title: t('organisations.columns.stateOwned'),
      width: 88,
      render: (_, org) => (org.stateOwned ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no')),
    },
    {
      key: 'employeeCount',
      title: t('organisations.columns.employeeCount'),
      sorter: true,
      sortOrder: sortOrderOf('employeeCount'),
      align: 'right',
      width: 112,
      render: (_, org) => (org.employeeCount === null ? empty : org.employeeCount.toLocaleString(locale)),
    },
    {
      key: 'createdAt',
      title: t('organisations.fields.createdAt'),
      sorter: true,
      sortOrder: sortOrderOf('createdAt'),
      width: 108,
      render: (_, org) => dayjs(org.createdAt).format('YYYY-MM-DD'),
    },
  ];

  return (
    <Table<Organisation>
      rowKey="id"
      size="small"
      tableLayout="fixed"
      columns={columns}
      dataSource={data?.items}
      loading={loading}
      scroll={{ x: columns.reduce((sum, column) => sum + Number(column.width ?? 0), flexibleWidth) }}
      onChange={(pagination, filters, sorter) => onChange(pagination, filters, sorter as SorterResult<unknown> | SorterResult<unknown>[])}
      pagination={{
        current: page,
        pageSize,
        total: data?.total,
        showSizeChanger: true,
      }}
      data-testid="organisation-table"
    />
  );
}
