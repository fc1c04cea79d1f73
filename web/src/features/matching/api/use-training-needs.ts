import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { trainingNeedPage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export type TrainingNeedPage = z.infer<typeof trainingNeedPage>;
export type ListQuery = Record<string, string | number | undefined>;

/** Every matching query starts with this key, so a change refreshes needs, proposals and matches at once. */
export const matchingKey = ['matching'] as const;

/** Training needs within reach (an enterprise's own; a department's region), a page at a time. */
export function useTrainingNeeds(query: ListQuery) {
  return useQuery({
    queryKey: [...matchingKey, 'needs', query],
    queryFn: () => api.get<TrainingNeedPage>('/training-needs', query),
    placeholderData: keepPreviousData,
  });
}
