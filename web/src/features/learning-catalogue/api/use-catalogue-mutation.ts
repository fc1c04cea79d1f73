import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api.ts';
import { catalogueKey } from './keys.ts';

/**
 * One change to the catalogue (create, edit, publish, link, assign, delete): the request goes to `path` with the
 * method, and the catalogue's queries are refreshed after it.
 */
export function useCatalogueMutation<TInput, TResult = unknown>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: (input: TInput) => string, body: (input: TInput) => unknown = (input) => input) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TInput) => request<TResult>(method, path(input), method === 'DELETE' ? {} : { body: body(input) }),
    onSuccess: () => void client.invalidateQueries({ queryKey: catalogueKey }),
  });
}
