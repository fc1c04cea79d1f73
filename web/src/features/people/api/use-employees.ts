import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Employee } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import type { ListQuery } from './use-people.ts';

export interface EmployeePage {
  items: Employee[];
  page: number;
  pageSize: number;
  total: number;
}

export const employeesKey = ['employees'] as const;
export const employeesPath = (organisationId: string) => `/organisations/${organisationId}/employees`;

/** An organisation's employees (current, former or all), a page at a time. */
export function useEmployees(organisationId: string, query: ListQuery) {
  return useQuery({
    queryKey: [...employeesKey, organisationId, query],
    queryFn: () => api.get<EmployeePage>(employeesPath(organisationId), query),
    placeholderData: keepPreviousData,
  });
}
