import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListOrganisationsQuery, Organisation } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** Every organisation query starts with this key, so a save can refresh lists and records at once. */
export const organisationsKey = ['organisations'] as const;

/** The list query as the URL carries it: text values, the server parses them with listOrganisationsQuery. */
export type OrganisationListQuery = Partial<Record<Exclude<keyof ListOrganisationsQuery, 'format'>, string | number>>;

export interface OrganisationPage {
  items: Organisation[];
  page: number;
  pageSize: number;
  total: number;
}

export function fetchOrganisations(query: OrganisationListQuery): Promise<OrganisationPage> {
  return api.get<OrganisationPage>('/organisations', query);
}

/** One page of the organisations within the actor's reach; the previous page stays on screen while the next loads. */
export function useOrganisations(query: OrganisationListQuery) {
  return useQuery({
    queryKey: [...organisationsKey, 'list', query],
    queryFn: () => fetchOrganisations(query),
    placeholderData: keepPreviousData,
  });
}
