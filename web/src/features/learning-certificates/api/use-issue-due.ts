import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { IssueDueCertificatesResponse } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { certificateRulesKey } from './use-certificate-rules.ts';
import { certificatesKey, certificatesPath } from './use-certificates.ts';

/** Issues every certificate the rules owe for completions so far. */
export function useIssueDue() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<IssueDueCertificatesResponse>(`${certificatesPath}/issue-due`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: certificatesKey });
      void client.invalidateQueries({ queryKey: certificateRulesKey });
    },
  });
}
