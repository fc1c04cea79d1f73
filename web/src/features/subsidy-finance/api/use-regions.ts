import { useQuery } from '@tanstack/react-query';
import type { Region } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** The platform's regions (a system admin names the region of a policy); the registry's key, so fetched once. */
export function useRegions(enabled = true) {
  return useQuery({ queryKey: ['reference', 'regions'], queryFn: () => api.get<Region[]>('/regions'), staleTime: Infinity, enabled });
}
