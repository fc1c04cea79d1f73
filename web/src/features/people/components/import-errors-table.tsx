import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { employeeImportColumns, type ImportRowError } from '@fulcrum/shared';
import { i18n } from '../../../i18n/index.ts';
import { useLocale } from '../../../lib/session.ts';

/**
 * The reader's reason for a bad cell: the import's own text where it can say more than the generic one
 * (an empty required cell, a date's format), else the app's issue text, else the server's message.
 */
function reasonOf(t: (key: string, options?: Record<string, unknown>) => string, error: ImportRowError): string {
  const firstRow = error.code === 'DUPLICATE_IN_FILE' ? error.relatedRow : undefined;
  if (firstRow) return t('people.import.duplicateOfRow', { row: firstRow });
  if (i18n.exists(`people.import.reasons.${error.code}`)) return t(`people.import.reasons.${error.code}`);
  if (i18n.exists(`errors.issues.${error.code}`)) return t(`errors.issues.${error.code}`);
  return error.message;
}

/** Every bad row of an employee workbook: its number as Excel shows it, the column, and what is wrong. */
export function ImportErrorsTable({ errors }: { errors: ImportRowError[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const columnName = (field: string) => {
    if (field === 'row') return t('people.import.wholeRow');
    const column = employeeImportColumns.find((c) => c.key === field);
    return column ? (locale === 'zh-CN' ? column.zh : column.en) : field;
  };
  const columns: TableProps<ImportRowError & { key: number }>['columns'] = [
    { key: 'row', title: t('people.import.row'), dataIndex: 'row', width: 110 },
    { key: 'field', title: t('people.import.column'), width: 200, render: (_, e) => columnName(e.field) },
    { key: 'reason', title: t('people.import.reason'), render: (_, e) => <span data-testid="import-error-reason">{reasonOf(t, e)}</span> },
  ];
  return (
    <Table
      data-testid="import-errors"
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={errors.map((e, key) => ({ ...e, key }))}
      pagination={false}
      scroll={{ y: 420 }}
      sticky
    />
  );
}
