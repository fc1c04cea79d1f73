import { useQuery } from '@tanstack/react-query';
import type { Region } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** The platform's regions (reference data, kept for the session; the same key as the registry's, so it is fetched once). */
export function useRegions() {
  return useQuery({ queryKey: ['reference', 'regions'], queryFn: () => api.get<Region[]>('/regions'), staleTime: Infinity });
}
