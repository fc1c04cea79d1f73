import { useQuery } from '@tanstack/react-query';
import type { Organisation } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** One organisation in reach: the user's own (which bureau it is) or a filter's name in words. */
export function useOrganisation(id: string | undefined) {
  return useQuery({
    queryKey: ['organisation-option', id],
    queryFn: () => api.get<Organisation>(`/organisations/${id}`),
    enabled: Boolean(id),
    staleTime: 60_000,
  });
}
