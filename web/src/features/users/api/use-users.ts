import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { User } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export interface UserPage {
  items: User[];
  page: number;
  pageSize: number;
  total: number;
}

export const usersKey = ['users'] as const;

/** The accounts the user manages (all for a system administrator, else those of their organisation). */
export function useUsers(query: Record<string, string | number | undefined>) {
  return useQuery({ queryKey: [...usersKey, query], queryFn: () => api.get<UserPage>('/users', query), placeholderData: keepPreviousData });
}
