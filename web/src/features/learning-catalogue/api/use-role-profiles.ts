import { useQuery } from '@tanstack/react-query';
import type { RoleProfile } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { catalogueKey } from './keys.ts';

/** The organisation's role profiles and the district templates. */
export function useRoleProfiles() {
  return useQuery({ queryKey: [...catalogueKey, 'profiles'], queryFn: () => api.get<{ items: RoleProfile[] }>('/learning/role-profiles') });
}
