import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { trainingMatchPage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import type { ListQuery } from './use-assessments.ts';

export type TrainingMatchPage = z.infer<typeof trainingMatchPage>;

export const incomingMatchesKey = ['centre-ops', 'incoming-matches'] as const;

/** Match requests addressed to the user's own centre. */
export function useIncomingMatches(query: ListQuery, enabled = true) {
  return useQuery({
    queryKey: [...incomingMatchesKey, query],
    queryFn: () => api.get<TrainingMatchPage>('/training-matches', { ...query, side: 'centre' }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

