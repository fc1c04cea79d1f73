import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Person } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { peopleKey } from './use-people.ts';
import { personKey } from './use-person.ts';

/** Corrects a person's name or phone (audited by the server). */
export function useUpdatePerson(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name?: string; phone?: string | null }) => api.patch<Person>(`/people/${id}`, input),
    onSuccess: (person) => {
      client.setQueryData(personKey(id), person);
      void client.invalidateQueries({ queryKey: peopleKey });
      void client.invalidateQueries({ queryKey: ['employees'] });
    },
  });
}
