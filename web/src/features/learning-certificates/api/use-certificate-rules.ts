import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CertificateRulePage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export const certificateRulesKey = ['learning-certificate-rules'] as const;
export const certificateRulesPath = '/learning/certificate-rules';

/** The organisation's certificate rules, a page at a time. */
export function useCertificateRules(query: Record<string, string | number | undefined>) {
  return useQuery({ queryKey: [...certificateRulesKey, query], queryFn: () => api.get<CertificateRulePage>(certificateRulesPath, query), placeholderData: keepPreviousData });
}
