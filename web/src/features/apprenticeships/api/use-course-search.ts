import { useQuery } from '@tanstack/react-query';
import type { CatalogueSearchHit } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** Catalogue courses the user may open that match a query (the learning platform's search), to pick one to link. */
export function useCourseSearch(q: string) {
  return useQuery({
    queryKey: ['learning-course-search', q],
    queryFn: () => api.get<{ terms: string[]; items: CatalogueSearchHit[] }>('/learning/search', { q, kind: 'course', limit: 20 }),
    enabled: q.trim().length > 0,
    staleTime: 30_000,
  });
}
