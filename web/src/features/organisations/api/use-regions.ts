import { useQuery } from '@tanstack/react-query';
import type { Region } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export function fetchRegions(): Promise<Region[]> {
  return api.get<Region[]>('/regions');
}

/** The regions on the platform (reference data: changes rarely, so it is kept for the session). */
export function useRegions() {
  return useQuery({ queryKey: ['reference', 'regions'], queryFn: fetchRegions, staleTime: Infinity });
}
