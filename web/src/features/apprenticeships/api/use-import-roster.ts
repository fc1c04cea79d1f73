import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RosterImportResult } from '@fulcrum/shared';
import { uploadWithProgress } from '../../../lib/upload.ts';
import { classesKey, classesPath } from './use-classes.ts';

/** Where the browser downloads the roster workbook template from. */
export const rosterTemplateUrl = `/api/v1${classesPath}/roster-template`;

/** Sends a roster workbook: all rows are added, or none (IMPORT_INVALID lists every bad row). */
export function useImportRoster(classId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress?: (percent: number) => void }) =>
      uploadWithProgress<RosterImportResult>(`${classesPath}/${classId}/apprentices/import`, file, { onProgress }),
    onSuccess: () => void client.invalidateQueries({ queryKey: classesKey }),
  });
}
