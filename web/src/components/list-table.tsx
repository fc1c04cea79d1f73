import { Alert, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/forms.ts';
import type { useListState } from '../lib/list.ts';

/** What a list page's TanStack query hands over: one page of rows and how many there are in all. */
export interface ListQueryResult<T> {
  data?: { items: T[]; total: number };
  isFetching: boolean;
  error: unknown;
}

type Props<T> = Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'onChange' | 'rowKey'> & {
  /** The page's `useListState()`: page, size and sort live in the URL. */
  list: Pick<ReturnType<typeof useListState>, 'state' | 'onTableChange'>;
  query: ListQueryResult<T>;
  rowKey: TableProps<T>['rowKey'];
  'data-testid': string;
};

/**
 * One page of a server-side list: the query's error above the table, paging and sorting by the server
 * (the state in the URL), the total beside the pager. Other antd Table props (expandable, size…) pass through.
 */
export function ListTable<T extends object>({ list, query, ...table }: Props<T>) {
  const { t } = useTranslation();
  return (
    <>
      {query.error ? <Alert type="error" showIcon title={errorText(t, query.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<T>
        size="middle"
        {...table}
        loading={query.isFetching}
        dataSource={query.data?.items}
        onChange={list.onTableChange as TableProps<T>['onChange']}
        pagination={{
          current: list.state.page,
          pageSize: list.state.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
        }}
      />
    </>
  );
}
