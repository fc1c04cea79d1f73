import { useQuery } from '@tanstack/react-query';
import type { MyCertificates } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** The signed-in person's certificates, each with its cycles. */
export function useMyCertificates() {
  return useQuery({ queryKey: ['my-learning-certificates'], queryFn: () => api.get<MyCertificates>('/learning/my/certificates') });
}
