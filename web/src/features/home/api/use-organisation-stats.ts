import { useQuery } from '@tanstack/react-query';
import type { IndustrialPark, OrganisationStats } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** Enterprise counts within reach by one dimension, counted by the server from the records. */
export function useEnterpriseStats(groupBy: 'industrySection' | 'industrialPark', enabled: boolean) {
  return useQuery({
    queryKey: ['organisation-stats', groupBy],
    queryFn: () => api.get<OrganisationStats>('/organisations/stats', { groupBy, type: 'enterprise' }),
    enabled,
  });
}

export function useParks(enabled: boolean) {
  return useQuery({ queryKey: ['industrial-parks'], queryFn: () => api.get<IndustrialPark[]>('/industrial-parks'), enabled, staleTime: 10 * 60_000 });
}
