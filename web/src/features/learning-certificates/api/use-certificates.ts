import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LearningCertificatePage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export const certificatesKey = ['learning-certificates'] as const;
export const certificatesPath = '/learning/certificates';

/** The organisation's certificates with the list's filters. */
export function useCertificates(query: Record<string, string | number | undefined>) {
  return useQuery({ queryKey: [...certificatesKey, query], queryFn: () => api.get<LearningCertificatePage>(certificatesPath, query), placeholderData: keepPreviousData });
}
