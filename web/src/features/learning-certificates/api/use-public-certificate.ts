import { useQuery } from '@tanstack/react-query';
import type { PublicLearningCertificate } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** The public check of a certificate by its verification code (no sign-in); an unknown code is a 404. */
export function usePublicCertificate(code: string) {
  return useQuery({
    queryKey: ['public-learning-certificate', code],
    queryFn: () => api.get<PublicLearningCertificate>(`/public/learning-certificates/${encodeURIComponent(code)}`),
    enabled: code.trim() !== '',
    retry: false,
  });
}
