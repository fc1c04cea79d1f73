import { useQuery } from '@tanstack/react-query';
import type { ClaimKind, ClaimPreview } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { classesKey, classesPath } from './use-classes.ts';

/** What a claim of this kind would be if filed now: the computation and the findings (nothing is stored). */
export function useClaimPreview(classId: string, kind: ClaimKind, enabled: boolean) {
  return useQuery({
    queryKey: [...classesKey, 'claim-preview', classId, kind],
    queryFn: () => api.get<ClaimPreview>(`${classesPath}/${classId}/claim-preview`, { kind }),
    enabled,
    retry: false,
  });
}
