import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { downloadUrl } from '../lib/api.ts';

/** Downloads the list on screen, with its filters and sort, as an .xlsx workbook. */
export function ExportButton({ path, query }: { path: string; query: Record<string, string | number | undefined> }) {
  const { t } = useTranslation();
  return (
    <Button icon={<DownloadOutlined />} href={downloadUrl(path, query)} data-testid="export-xlsx">
      {t('common.export')}
    </Button>
  );
}
