import { Flex, Typography } from 'antd';
import { FileExcelOutlined, FileImageOutlined, FileOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '@fulcrum/shared';
import { api } from '../lib/api.ts';
import { errorTextIn } from '../lib/form-feedback.ts';
import { defineTexts } from '../i18n/index.ts';

/** The attachment pieces' own strings (namespace `attachments`), shared by the upload field and the read-only list. */
export const attachmentTexts = defineTexts(
  'attachments',
  {
    choose: '选择文件',
    hint: '支持 PDF、PNG、JPG、WebP、Word（.docx）、Excel（.xlsx），单个文件不超过 10 MB',
    uploading: '上传中',
    remove: '移除',
    none: '无附件',
    unavailable: '附件无法查看',
    open: '查看',
    failed: '上传失败：{{reason}}',
    tooLarge: '文件超过 10 MB，未上传',
    UNSUPPORTED_FILE_TYPE: '不支持的文件类型：仅接受 PDF、图片（PNG/JPG/WebP）、Word（.docx）和 Excel（.xlsx）',
    BODY_TOO_LARGE: '文件超过 10 MB',
    NOT_FOUND: '附件不存在或无权查看',
  },
  {
    choose: 'Choose files',
    hint: 'PDF, PNG, JPG, WebP, Word (.docx) and Excel (.xlsx), at most 10 MB each',
    uploading: 'Uploading',
    remove: 'Remove',
    none: 'No attachments',
    unavailable: 'This attachment cannot be shown',
    open: 'Open',
    failed: 'Upload failed: {{reason}}',
    tooLarge: 'Larger than 10 MB; not uploaded',
    UNSUPPORTED_FILE_TYPE: 'Unsupported file type: only PDF, images (PNG/JPG/WebP), Word (.docx) and Excel (.xlsx) are accepted',
    BODY_TOO_LARGE: 'The file is larger than 10 MB',
    NOT_FOUND: 'Attachment not found or not yours to see',
  },
);

export const attachmentKey = (id: string) => ['attachment', id] as const;
export const attachmentContentUrl = (id: string) => `/api/v1/attachments/${id}/content`;

/** The metadata of each attachment id (kept for the session: an attachment never changes). */
export function useAttachments(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: attachmentKey(id),
      queryFn: () => api.get<Attachment>(`/attachments/${id}`),
      staleTime: Infinity,
      retry: false,
    })),
  });
}

/** 1.2 MB, 35 KB, 512 B. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** An icon for a file's type (by MIME type, or by the extension of a file not yet uploaded). */
export function FileIcon({ mime, filename }: { mime?: string; filename?: string }) {
  const kind = mime ?? filename?.split('.').pop()?.toLowerCase() ?? '';
  const style = { fontSize: 18 };
  if (/pdf/.test(kind)) return <FilePdfOutlined style={{ ...style, color: '#d4380d' }} />;
  if (/image|png|jpe?g|webp/.test(kind)) return <FileImageOutlined style={{ ...style, color: '#1677ff' }} />;
  if (/word|docx/.test(kind)) return <FileWordOutlined style={{ ...style, color: '#2f54eb' }} />;
  if (/sheet|xlsx/.test(kind)) return <FileExcelOutlined style={{ ...style, color: '#389e0d' }} />;
  return <FileOutlined style={style} />;
}

/** The read-only list of a record's attachments: name (opens the file in a new tab), size; one that cannot be read says so. */
export function AttachmentList({ ids, 'data-testid': testId = 'attachment-list' }: { ids: readonly string[]; 'data-testid'?: string }) {
  const { t } = useTranslation();
  const results = useAttachments(ids);
  if (!ids.length) return <Typography.Text type="secondary" data-testid={testId}>{t('attachments.none')}</Typography.Text>;
  return (
    <Flex vertical gap={6} data-testid={testId}>
      {ids.map((id, i) => {
        const result = results[i]!;
        const meta = result.data;
        return (
          <Flex key={id} gap={8} align="center" wrap style={{ minWidth: 0 }} data-testid="attachment-item">
            <FileIcon mime={meta?.mime} />
            {meta ? (
              <>
                <Typography.Link href={attachmentContentUrl(id)} target="_blank" rel="noopener" style={{ wordBreak: 'break-all' }}>
                  {meta.filename}
                </Typography.Link>
                <Typography.Text type="secondary">{formatSize(meta.size)}</Typography.Text>
              </>
            ) : result.error ? (
              <Typography.Text type="danger">{errorTextIn(t, 'attachments', result.error)}</Typography.Text>
            ) : (
              <Typography.Text type="secondary">…</Typography.Text>
            )}
          </Flex>
        );
      })}
    </Flex>
  );
}
