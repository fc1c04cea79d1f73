import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LessonStudyState } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { lessonPlayerKey } from './use-lesson-player.ts';

/** Marks a document or rich-text lesson as learned (the server checks the minimum credited time). */
export function useMarkLearned(lessonId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<LessonStudyState>(`/learning/study/lessons/${lessonId}/learned`),
    onSuccess: () => void client.invalidateQueries({ queryKey: lessonPlayerKey(lessonId) }),
  });
}
