import { z } from 'zod';

/** The file types an upload may be (detected from its bytes, not its name), with the extension kept on the filename. */
export const attachmentTypes = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
} as const;
export type AttachmentMime = keyof typeof attachmentTypes;
/** What a file picker offers (the server decides by content anyway). */
export const attachmentAccept = '.pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx';
/** The largest upload, in bytes (10 MiB). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export const attachment = z.object({
  id: z.uuid(),
  organisationId: z.uuid().describe('the owner: the uploader’s organisation'),
  filename: z.string().describe('the original name, sanitised, with the extension of the detected type'),
  size: z.number().int().describe('bytes'),
  mime: z.string().describe('detected from the content'),
  sha256: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Attachment = z.infer<typeof attachment>;

export const attachmentUploadResponse = z.object({ attachment });
export type AttachmentUploadResponse = z.infer<typeof attachmentUploadResponse>;
