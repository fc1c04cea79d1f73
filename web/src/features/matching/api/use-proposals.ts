import { useQuery } from '@tanstack/react-query';
import type { TrainingProposal } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { matchingKey } from './use-training-needs.ts';

/** The certified centres proposed for a need, best first, each with its score and the reasons for it. */
export function useProposals(needId: string, enabled = true) {
  return useQuery({
    queryKey: [...matchingKey, 'proposals', needId],
    queryFn: () => api.get<TrainingProposal[]>(`/training-needs/${needId}/proposals`),
    enabled,
  });
}
