import { useQuery } from '@tanstack/react-query';
import type { Organisation } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { organisationsKey } from './use-organisations.ts';

export const organisationKey = (id: string) => [...organisationsKey, 'detail', id] as const;

export function fetchOrganisation(id: string): Promise<Organisation> {
  return api.get<Organisation>(`/organisations/${id}`);
}

/** One organisation; an ApiError with status 404 when it does not exist or is outside the actor's reach. */
export function useOrganisation(id: string | undefined) {
  return useQuery({
    queryKey: organisationKey(id ?? ''),
    queryFn: () => fetchOrganisation(id!),
    enabled: Boolean(id),
  });
}
