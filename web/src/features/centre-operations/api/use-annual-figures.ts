import { useQuery } from '@tanstack/react-query';
import type { AnnualFigures } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export const figuresKey = ['centre-ops', 'annual-figures'] as const;

/** A centre's figures for a year, computed by the server from its records. */
export function useAnnualFigures(centreId: string, year: number) {
  return useQuery({
    queryKey: [...figuresKey, centreId, year],
    queryFn: () => api.get<AnnualFigures>(`/training-centres/${centreId}/annual-figures`, { year }),
  });
}
