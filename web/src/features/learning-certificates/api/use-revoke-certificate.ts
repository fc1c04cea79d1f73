import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LearningCertificateDetail } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { certificatesKey, certificatesPath } from './use-certificates.ts';

/** Revokes a certificate with the reason given. */
export function useRevokeCertificate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => api.post<LearningCertificateDetail>(`${certificatesPath}/${id}/revoke`, { reason }),
    onSuccess: () => void client.invalidateQueries({ queryKey: certificatesKey }),
  });
}
