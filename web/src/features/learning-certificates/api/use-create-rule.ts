import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CertificateRule, CreateCertificateRuleRequest } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { certificateRulesKey, certificateRulesPath } from './use-certificate-rules.ts';

/** Creates a rule; it issues certificates from the next completion (or the next "issue due" run) on. */
export function useCreateRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCertificateRuleRequest) => api.post<CertificateRule>(certificateRulesPath, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: certificateRulesKey }),
  });
}
