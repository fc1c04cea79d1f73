import { useQuery } from '@tanstack/react-query';
import type { IndustrialPark } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** The industrial parks of one region (a need's park must be in its enterprise's region). */
export function useRegionParks(regionId: string) {
  return useQuery({
    queryKey: ['reference', 'industrial-parks', regionId],
    queryFn: () => api.get<IndustrialPark[]>('/industrial-parks', { regionId }),
    staleTime: Infinity,
  });
}
