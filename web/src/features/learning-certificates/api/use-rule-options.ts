import { useQuery } from '@tanstack/react-query';
import type { CertificateRuleOptions } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { certificateRulesKey, certificateRulesPath } from './use-certificate-rules.ts';

/** The projects, courses, exams and competencies a new rule can name. */
export function useRuleOptions() {
  return useQuery({ queryKey: [...certificateRulesKey, 'options'], queryFn: () => api.get<CertificateRuleOptions>(`${certificateRulesPath}/options`) });
}
