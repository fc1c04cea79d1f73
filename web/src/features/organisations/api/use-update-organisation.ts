import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Organisation, UpdateOrganisationRequest } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { organisationKey } from './use-organisation.ts';
import { organisationsKey } from './use-organisations.ts';

export function updateOrganisation(id: string, input: UpdateOrganisationRequest): Promise<Organisation> {
  return api.patch<Organisation>(`/organisations/${id}`, input);
}

/** Saves changed fields of one organisation; its page shows the answer at once and lists refresh. */
export function useUpdateOrganisation(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateOrganisationRequest) => updateOrganisation(id, input),
    onSuccess: (updated) => {
      client.setQueryData(organisationKey(id), updated);
      void client.invalidateQueries({ queryKey: [...organisationsKey, 'list'] });
    },
  });
}
