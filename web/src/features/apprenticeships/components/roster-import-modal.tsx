import { useState } from 'react';
import { Alert, App, Button, Flex, Modal, Progress, Space, Spin, Table, Typography, Upload, type TableProps } from 'antd';
import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { rosterImportColumns, type ImportRowError } from '@fulcrum/shared';
import { i18n } from '../../../i18n/index.ts';
import { ApiError } from '../../../lib/api.ts';
import { issueText } from '../../../lib/forms.ts';
import { errorTextIn } from '../../../lib/form-feedback.ts';
import { useLocale } from '../../../lib/session.ts';
import { rosterTemplateUrl, useImportRoster } from '../api/use-import-roster.ts';

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The reader's reason for a bad row: the eligibility texts of the roster where they apply, else the app's issue text. */
function reasonOf(t: (key: string, options?: Record<string, unknown>) => string, error: ImportRowError): string {
  if (error.code === 'DUPLICATE_ROW' || error.code === 'DUPLICATE_IN_FILE') return t('apprenticeships.import.duplicateRow');
  if (i18n.exists(`apprenticeships.eligibility.${error.code}`)) return t(`apprenticeships.eligibility.${error.code}`, { className: '' });
  if (i18n.exists(`errors.issues.${error.code}`)) return t(`errors.issues.${error.code}`);
  return error.message;
}

function RowErrors({ errors }: { errors: ImportRowError[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const columnName = (field: string) => {
    const column = rosterImportColumns.find((c) => c.key === field);
    return column ? (locale === 'zh-CN' ? column.zh : column.en) : t('apprenticeships.import.wholeRow');
  };
  const columns: TableProps<ImportRowError & { key: number }>['columns'] = [
    { key: 'row', title: t('apprenticeships.import.row'), dataIndex: 'row', width: 80 },
    { key: 'field', title: t('apprenticeships.import.column'), width: 160, render: (_, e) => columnName(e.field) },
    { key: 'reason', title: t('apprenticeships.import.reason'), render: (_, e) => <span data-testid="import-error-reason">{reasonOf(t, e)}</span> },
  ];
  return (
    <Table
      data-testid="import-errors"
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={errors.map((e, key) => ({ ...e, key }))}
      pagination={false}
      scroll={{ y: 300, x: 420 }}
    />
  );
}

/**
 * Imports the roster from the template workbook, all rows or none: the upload's progress, then either the number
 * added or every bad row with its column and reason (400 IMPORT_INVALID), as the employee import does.
 */
export function RosterImportModal({ classId, open, onClose }: { classId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const importer = useImportRoster(classId);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const [rowErrors, setRowErrors] = useState<ImportRowError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const busy = importer.isPending;

  const choose = (next: File | null) => {
    setFile(next);
    setRowErrors([]);
    setProblem(null);
  };

  const close = () => {
    choose(null);
    onClose();
  };

  const send = async () => {
    if (!file) return;
    setProgress(0);
    setProblem(null);
    setRowErrors([]);
    try {
      const result = await importer.mutateAsync({ file, onProgress: setProgress });
      void message.success(t('apprenticeships.import.done', { added: result.added }));
      close();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID' && e.details?.rows?.length) {
        setRowErrors(e.details.rows);
        return;
      }
      const issues = e instanceof ApiError ? e.details?.issues : undefined;
      setProblem(issues?.length ? issues.map((i) => issueText(t, i)).join('; ') : errorTextIn(t, 'apprenticeships.codes', e));
    }
  };

  const badRows = new Set(rowErrors.map((e) => e.row)).size;
  return (
    <Modal
      open={open}
      width={720}
      title={t('apprenticeships.import.title')}
      onCancel={close}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close} disabled={busy}>
          {t('common.cancel')}
        </Button>,
        <Button key="upload" type="primary" disabled={!file} loading={busy} onClick={() => void send()} data-testid="import-upload">
          {t('apprenticeships.import.upload')}
        </Button>,
      ]}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="roster-import">
        <Typography.Paragraph style={{ margin: 0 }}>{t('apprenticeships.import.template')}</Typography.Paragraph>
        <Button icon={<DownloadOutlined />} href={rosterTemplateUrl} data-testid="import-template">
          {t('apprenticeships.import.downloadTemplate')}
        </Button>
        <Flex gap={12} align="flex-start" wrap>
          <Upload
            accept={XLSX_ACCEPT}
            maxCount={1}
            disabled={busy}
            data-testid="import-file"
            beforeUpload={(chosen) => {
              choose(chosen);
              return false;
            }}
            onRemove={() => {
              choose(null);
              return true;
            }}
            fileList={file ? [{ uid: 'chosen', name: file.name, size: file.size, status: 'done' }] : []}
            iconRender={() => <FileExcelOutlined style={{ color: '#1d7044' }} />}
          >
            <Button icon={<UploadOutlined />} disabled={busy}>
              {t('apprenticeships.import.choose')}
            </Button>
          </Upload>
        </Flex>
        {busy && (
          <div data-testid="import-progress">
            <Progress percent={progress} status="active" />
            <Space>
              {progress >= 100 && <Spin size="small" />}
              <Typography.Text type="secondary">{progress < 100 ? t('apprenticeships.import.uploading') : t('apprenticeships.import.checking')}</Typography.Text>
            </Space>
          </div>
        )}
        {problem && <Alert type="error" showIcon title={problem} data-testid="import-problem" />}
        {rowErrors.length > 0 && (
          <>
            <Alert
              type="error"
              showIcon
              data-testid="import-invalid"
              title={t('apprenticeships.import.invalidTitle', { count: badRows, issues: rowErrors.length })}
              description={t('apprenticeships.import.invalidHint')}
            />
            <RowErrors errors={rowErrors} />
          </>
        )}
      </Space>
    </Modal>
  );
}
