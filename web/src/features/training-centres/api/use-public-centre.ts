import { useQuery } from '@tanstack/react-query';
import type { PublicCentreVerification } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** What anyone may read about a certificate, by its number (no sign-in); a 404 for an unknown number. */
export function usePublicCentre(certificateNo: string) {
  return useQuery({
    queryKey: ['public-training-centre', certificateNo],
    queryFn: () => api.get<PublicCentreVerification>(`/public/training-centres/${encodeURIComponent(certificateNo)}`),
    enabled: certificateNo.trim() !== '',
  });
}
