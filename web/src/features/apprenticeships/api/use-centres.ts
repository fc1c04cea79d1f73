import { useQuery } from '@tanstack/react-query';
import type { TrainingCentre } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

interface CentrePage {
  items: TrainingCentre[];
  total: number;
}

/** Certified centres of the region with rights today whose scope covers the occupation and level chosen. */
export function useCentres(query: { regionId: string; occupation?: string; level?: number }, enabled: boolean) {
  return useQuery({
    queryKey: ['training-centres', 'list', { ...query, effectiveStatus: 'any-with-rights' }],
    queryFn: async () => {
      // A centre with rights is active or conditional (shared centreHasRights); ask for both and merge.
      const [active, conditional] = await Promise.all(
        (['active', 'conditional'] as const).map((effectiveStatus) => api.get<CentrePage>('/training-centres', { ...query, effectiveStatus, pageSize: 100 })),
      );
      return [...active!.items, ...conditional!.items].sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'zh-CN'));
    },
    enabled,
    retry: false,
  });
}
