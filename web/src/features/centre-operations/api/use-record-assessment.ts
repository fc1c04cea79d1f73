import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RecordAssessmentRequest, SkillAssessment } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { assessmentsKey, assessmentsPath } from './use-assessments.ts';
import { figuresKey } from './use-annual-figures.ts';
import { incomingMatchesKey } from './use-incoming-matches.ts';

/** Records an in-house skill assessment; the server checks the scope and the centre's rights, and numbers a pass's certificate. */
export function useRecordAssessment(centreId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordAssessmentRequest) => api.post<SkillAssessment>(assessmentsPath(centreId), input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: assessmentsKey });
      void client.invalidateQueries({ queryKey: figuresKey });
      void client.invalidateQueries({ queryKey: incomingMatchesKey });
    },
  });
}
