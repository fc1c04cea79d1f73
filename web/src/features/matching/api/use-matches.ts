import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { trainingMatchPage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { matchingKey, type ListQuery } from './use-training-needs.ts';

export type TrainingMatchPage = z.infer<typeof trainingMatchPage>;

/** Matches within reach (a department's region), a page at a time. */
export function useMatches(query: ListQuery) {
  return useQuery({
    queryKey: [...matchingKey, 'matches', query],
    queryFn: () => api.get<TrainingMatchPage>('/training-matches', query),
    placeholderData: keepPreviousData,
  });
}
