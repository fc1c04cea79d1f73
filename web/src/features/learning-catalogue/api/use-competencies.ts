import { useQuery } from '@tanstack/react-query';
import type { Competency } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { catalogueKey } from './keys.ts';

export function useCompetencies() {
  return useQuery({ queryKey: [...catalogueKey, 'competencies'], queryFn: () => api.get<{ items: Competency[] }>('/learning/competencies') });
}
