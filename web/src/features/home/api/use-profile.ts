import { useQuery } from '@tanstack/react-query';
import type { Person } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** The signed-in user's own person record and employments. */
export function useProfile() {
  return useQuery({ queryKey: ['profile'], queryFn: () => api.get<{ person: Person | null }>('/auth/profile') });
}
