import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SaveTrainingCostRequest, TrainingCost } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { trainingCostsPath } from './use-training-costs.ts';

/** Records a new training cost, or corrects one (with its id); ROI and the list reload. */
export function useSaveTrainingCost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: SaveTrainingCostRequest }) =>
      id ? api.put<TrainingCost>(`${trainingCostsPath}/${id}`, input) : api.post<TrainingCost>(trainingCostsPath, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['learning-reports'] }),
  });
}
