import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CertificateRule } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { certificateRulesKey, certificateRulesPath } from './use-certificate-rules.ts';

/** Activates or deactivates a rule (a deactivated rule issues nothing more). */
export function useSetRuleActive() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => api.post<CertificateRule>(`${certificateRulesPath}/${id}/${active ? 'activate' : 'deactivate'}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: certificateRulesKey }),
  });
}
