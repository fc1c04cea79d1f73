import { useQuery } from '@tanstack/react-query';
import type { IndustrialPark } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export function fetchIndustrialParks(): Promise<IndustrialPark[]> {
  return api.get<IndustrialPark[]>('/industrial-parks');
}

/** Every industrial park; pages narrow them to a region themselves, so one request serves names and pickers alike. */
export function useIndustrialParks() {
  return useQuery({ queryKey: ['reference', 'industrial-parks'], queryFn: fetchIndustrialParks, staleTime: Infinity });
}
