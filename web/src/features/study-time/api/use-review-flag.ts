import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReviewStudyFlagRequest, StudyFlag } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { studyFlagsKey, studyFlagsPath } from './use-study-flags.ts';

/** Reviews a flag: cleared (time stands) or confirmed (the session's time is withdrawn). */
export function useReviewFlag() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ReviewStudyFlagRequest & { id: string }) => api.post<StudyFlag>(`${studyFlagsPath}/${id}/review`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: studyFlagsKey }),
  });
}
