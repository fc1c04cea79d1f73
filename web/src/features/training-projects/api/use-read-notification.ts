import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { projectKeys } from './keys.ts';

/** Marks a notification read. */
export function useReadNotification() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/learning/notifications/${id}/read`),
    onSuccess: () => void client.invalidateQueries({ queryKey: projectKeys.notifications }),
  });
}
