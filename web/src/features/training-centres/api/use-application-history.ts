import { useQuery } from '@tanstack/react-query';
import type { WorkflowEvent } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { applicationsKey, applicationsPath } from './use-applications.ts';

/** An application's history as the workflow recorded it: who took which step when, with comments and deadlines. */
export function useApplicationHistory(id: string | undefined) {
  return useQuery({
    queryKey: [...applicationsKey, 'history', id ?? ''],
    queryFn: () => api.get<WorkflowEvent[]>(`${applicationsPath}/${id}/history`),
    enabled: Boolean(id),
  });
}
