import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Apprentice, RecordApprenticeAssessmentRequest } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { classesKey } from './use-classes.ts';

/** Records (or corrects) an apprentice's skill-level assessment. */
export function useRecordAssessment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ apprenticeId, input }: { apprenticeId: string; input: RecordApprenticeAssessmentRequest }) =>
      api.post<Apprentice>(`/apprentices/${apprenticeId}/assessment`, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: classesKey }),
  });
}
