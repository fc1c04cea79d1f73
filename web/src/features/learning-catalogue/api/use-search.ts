import { useQuery } from '@tanstack/react-query';
import type { CatalogueSearchHit } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { catalogueKey } from './keys.ts';

/** Courses, lessons and knowledge points matching a (Chinese) query, best first. */
export function useCatalogueSearch(q: string) {
  return useQuery({
    queryKey: [...catalogueKey, 'search', q],
    queryFn: () => api.get<{ terms: string[]; items: CatalogueSearchHit[] }>('/learning/search', { q }),
    enabled: q.trim().length > 0,
  });
}
