import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api.ts';
import { trainingCostsPath } from './use-training-costs.ts';

/** Removes a training cost recorded in error. */
export function useDeleteTrainingCost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `${trainingCostsPath}/${id}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['learning-reports'] }),
  });
}
