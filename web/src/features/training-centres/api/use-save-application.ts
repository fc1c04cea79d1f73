import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateTrainingCentreApplicationRequest, TrainingCentreApplication, UpdateTrainingCentreApplicationRequest } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { applicationKey } from './use-application.ts';
import { applicationsKey, applicationsPath } from './use-applications.ts';

/** Saves the enterprise's application: creates the draft the first time, then edits it (while draft or returned). */
export function useSaveApplication() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: CreateTrainingCentreApplicationRequest & UpdateTrainingCentreApplicationRequest }) =>
      id ? api.patch<TrainingCentreApplication>(`${applicationsPath}/${id}`, input) : api.post<TrainingCentreApplication>(applicationsPath, input),
    onSuccess: (application) => {
      client.setQueryData(applicationKey(application.id), application);
      void client.invalidateQueries({ queryKey: applicationsKey });
    },
  });
}
