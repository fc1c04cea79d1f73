import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { HeatmapQuery, TeamHeatmap } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { coachKeys } from './keys.ts';

/** The team's gap heat map (competency × person), filtered by department and role profile. */
export function useHeatmap(query: HeatmapQuery) {
  return useQuery({ queryKey: coachKeys.heatmap(query), queryFn: () => api.get<TeamHeatmap>('/coach/heatmap', { ...query }), placeholderData: keepPreviousData });
}
