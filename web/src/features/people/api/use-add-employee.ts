import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddEmployeeRequest, Employee } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { employeesKey, employeesPath } from './use-employees.ts';
import { peopleKey } from './use-people.ts';

/** Adds an employee, linking the registered person with that resident ID or registering them. */
export function useAddEmployee(organisationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AddEmployeeRequest) => api.post<Employee>(employeesPath(organisationId), input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: employeesKey });
      void client.invalidateQueries({ queryKey: peopleKey });
    },
  });
}
