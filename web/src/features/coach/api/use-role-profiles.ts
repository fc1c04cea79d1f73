import { useQuery } from '@tanstack/react-query';
import type { RoleProfile } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { coachKeys } from './keys.ts';

/** The organisation's own role profiles (not the district templates), for the heat map's filter. */
export function useOwnRoleProfiles() {
  return useQuery({
    queryKey: coachKeys.roleProfiles,
    queryFn: () => api.get<{ items: RoleProfile[] }>('/learning/role-profiles', { templates: 'false' }),
    select: (data) => data.items.filter((p) => !p.isTemplate),
  });
}
