import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportResult } from '@fulcrum/shared';
import { uploadWithProgress } from '../../../lib/upload.ts';
import { employeesKey } from './use-employees.ts';
import { peopleKey } from './use-people.ts';

/** Where the browser downloads the import template from. */
export const employeeImportTemplateUrl = '/api/v1/employee-import-template';

/**
 * Sends an employee workbook: `dryRun` only checks it (IMPORT_INVALID lists every bad row), otherwise imports it.
 * Upload progress goes to `onProgress`.
 */
export function useImportEmployees(organisationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun, onProgress }: { file: File; dryRun: boolean; onProgress?: (percent: number) => void }) =>
      uploadWithProgress<ImportResult>(`/organisations/${organisationId}/employee-imports`, file, { query: { dryRun }, onProgress }),
    onSuccess: (result) => {
      if (result.dryRun) return;
      void client.invalidateQueries({ queryKey: employeesKey });
      void client.invalidateQueries({ queryKey: peopleKey });
    },
  });
}
