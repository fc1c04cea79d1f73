import { useQuery } from '@tanstack/react-query';
import type { WorkflowEvent } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { classesKey, classesPath } from './use-classes.ts';

/** A class's registration history as the workflow recorded it. */
export function useClassHistory(id: string) {
  return useQuery({ queryKey: [...classesKey, 'history', id], queryFn: () => api.get<WorkflowEvent[]>(`${classesPath}/${id}/history`) });
}
