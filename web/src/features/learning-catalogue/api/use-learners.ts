import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Learner } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { catalogueKey } from './keys.ts';

export interface LearnerQuery {
  page: number;
  pageSize: number;
  q?: string;
  department?: string;
  roleProfileId?: string;
}

export function useLearners(query: LearnerQuery) {
  return useQuery({
    queryKey: [...catalogueKey, 'learners', query],
    queryFn: () => api.get<{ items: Learner[]; total: number; page: number; pageSize: number }>('/learning/learners', { ...query }),
    placeholderData: keepPreviousData,
  });
}
