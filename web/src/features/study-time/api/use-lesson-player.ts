import { useQuery } from '@tanstack/react-query';
import type { LessonPlayer } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export const lessonPlayerKey = (lessonId: string) => ['study-lesson', lessonId];

/** A lesson as the player shows it, with where the learner stands and today's credited time. */
export function useLessonPlayer(lessonId: string) {
  return useQuery({ queryKey: lessonPlayerKey(lessonId), queryFn: () => api.get<LessonPlayer>(`/learning/study/lessons/${lessonId}`), retry: false });
}
