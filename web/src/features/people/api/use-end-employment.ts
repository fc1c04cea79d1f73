import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Employment } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { employeesKey } from './use-employees.ts';

/** Ends an employment on a date; the record stays. */
export function useEndEmployment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ employmentId, endDate }: { employmentId: string; endDate: string }) => api.post<Employment>(`/employments/${employmentId}/end`, { endDate }),
    onSuccess: (employment) => {
      void client.invalidateQueries({ queryKey: employeesKey });
      void client.invalidateQueries({ queryKey: ['person', employment.personId] });
    },
  });
}
