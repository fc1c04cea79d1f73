import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CentreTraining, RecordTrainingRequest } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { figuresKey } from './use-annual-figures.ts';
import { trainingsKey, trainingsPath } from './use-trainings.ts';

/** Records a training the centre delivers, within its scope. */
export function useRecordTraining(centreId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordTrainingRequest) => api.post<CentreTraining>(trainingsPath(centreId), input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: trainingsKey });
      void client.invalidateQueries({ queryKey: figuresKey });
    },
  });
}
