import { useQuery } from '@tanstack/react-query';
import type { QuestionAvailability } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { questionsKey } from './use-questions.ts';

/** Active questions per knowledge point × difficulty (for random papers). */
export function useAvailability() {
  return useQuery({ queryKey: [...questionsKey, 'availability'], queryFn: () => api.get<QuestionAvailability>('/learning/questions/availability') });
}
