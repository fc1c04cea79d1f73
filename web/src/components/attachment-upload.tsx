import { useRef, useState } from 'react';
import { Button, Flex, Progress, Typography, Upload } from 'antd';
import { CloseOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_MAX_BYTES, attachmentAccept, type AttachmentUploadResponse } from '@fulcrum/shared';
import { errorTextIn } from '../lib/form-feedback.ts';
import { uploadWithProgress } from '../lib/upload.ts';
import { attachmentContentUrl, attachmentKey, FileIcon, formatSize, useAttachments } from './attachment-list.tsx';

/** A file on its way up, or one the server refused (shown until removed). */
interface Pending {
  uid: number;
  filename: string;
  size: number;
  percent: number;
  error: string | null;
}

/**
 * A form field of attachments: `value` is the attachment ids, `onChange` gets the new ids (antd Form.Item passes both).
 * Each chosen file is uploaded at once with its progress; a refused file (wrong type, too large) shows the reason
 * and is not added. The server decides the type from the bytes; the picker only suggests the accepted extensions.
 */
export function AttachmentUpload({
  value,
  onChange,
  disabled,
  'data-testid': testId = 'attachment-upload',
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  disabled?: boolean;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const ids = value ?? [];
  // Uploads finish one by one: each adds to the latest ids, not to those of the render that started it.
  const latest = useRef(ids);
  latest.current = ids;
  const [pending, setPending] = useState<Pending[]>([]);
  const serial = useRef(0);
  const metas = useAttachments(ids);

  const update = (uid: number, patch: Partial<Pending>) => setPending((list) => list.map((p) => (p.uid === uid ? { ...p, ...patch } : p)));

  const start = async (file: File) => {
    const uid = ++serial.current;
    const tooLarge = file.size > ATTACHMENT_MAX_BYTES;
    setPending((list) => [...list, { uid, filename: file.name, size: file.size, percent: 0, error: tooLarge ? t('attachments.tooLarge') : null }]);
    if (tooLarge) return;
    try {
      const { attachment } = await uploadWithProgress<AttachmentUploadResponse>('/attachments', file, { onProgress: (percent) => update(uid, { percent }) });
      client.setQueryData(attachmentKey(attachment.id), attachment);
      const next = [...latest.current, attachment.id];
      latest.current = next;
      onChange?.(next);
      setPending((list) => list.filter((p) => p.uid !== uid));
    } catch (error) {
      update(uid, { error: errorTextIn(t, 'attachments', error) });
    }
  };

  return (
    <Flex vertical gap={8} data-testid={testId}>
      <div>
        <Upload
          multiple
          accept={attachmentAccept}
          showUploadList={false}
          disabled={disabled}
          beforeUpload={(file) => {
            void start(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} disabled={disabled} data-testid={`${testId}-choose`}>
            {t('attachments.choose')}
          </Button>
        </Upload>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
          {t('attachments.hint')}
        </Typography.Text>
      </div>
      {ids.map((id, i) => {
        const meta = metas[i]?.data;
        return (
          <Flex key={id} gap={8} align="center" style={{ minWidth: 0 }} data-testid="attachment-uploaded">
            <FileIcon mime={meta?.mime} />
            {meta ? (
              <Typography.Link href={attachmentContentUrl(id)} target="_blank" rel="noopener" ellipsis style={{ flex: 1, minWidth: 0 }}>
                {meta.filename}
              </Typography.Link>
            ) : (
              <Typography.Text type={metas[i]?.error ? 'danger' : 'secondary'} style={{ flex: 1 }}>
                {metas[i]?.error ? t('attachments.unavailable') : '…'}
              </Typography.Text>
            )}
            {meta && <Typography.Text type="secondary">{formatSize(meta.size)}</Typography.Text>}
            {!disabled && (
              <Button
                type="text"
                size="small"
                icon={<CloseOutlined />}
                aria-label={t('attachments.remove')}
                title={t('attachments.remove')}
                onClick={() => onChange?.(ids.filter((x) => x !== id))}
              />
            )}
          </Flex>
        );
      })}
      {pending.map((p) => (
        <Flex key={p.uid} vertical style={{ minWidth: 0 }} data-testid={p.error ? 'attachment-failed' : 'attachment-uploading'}>
          <Flex gap={8} align="center" style={{ minWidth: 0 }}>
            <FileIcon filename={p.filename} />
            <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }} type={p.error ? 'danger' : undefined}>
              {p.filename}
            </Typography.Text>
            <Typography.Text type="secondary">{formatSize(p.size)}</Typography.Text>
            {p.error && (
              <Button
                type="text"
                size="small"
                icon={<CloseOutlined />}
                aria-label={t('attachments.remove')}
                title={t('attachments.remove')}
                onClick={() => setPending((list) => list.filter((x) => x.uid !== p.uid))}
              />
            )}
          </Flex>
          {p.error ? (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {t('attachments.failed', { reason: p.error })}
            </Typography.Text>
          ) : (
            <Progress percent={p.percent} size="small" status="active" aria-label={t('attachments.uploading')} />
          )}
        </Flex>
      ))}
    </Flex>
  );
}
