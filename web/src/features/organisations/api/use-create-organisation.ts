import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateOrganisationRequest, Organisation } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { organisationKey } from './use-organisation.ts';
import { organisationsKey } from './use-organisations.ts';

export function createOrganisation(input: CreateOrganisationRequest): Promise<Organisation> {
  return api.post<Organisation>('/organisations', input);
}

/** Registers an organisation; lists refresh and the new record is cached for its detail page. */
export function useCreateOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createOrganisation,
    onSuccess: (created) => {
      client.setQueryData(organisationKey(created.id), created);
      void client.invalidateQueries({ queryKey: [...organisationsKey, 'list'] });
    },
  });
}
