import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { IndustrialPark } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { useLocale } from '../../../lib/session.ts';

/** Every industrial park (a proposed centre may be in another region's park). */
export function useParks() {
  return useQuery({ queryKey: ['reference', 'industrial-parks'], queryFn: () => api.get<IndustrialPark[]>('/industrial-parks'), staleTime: Infinity });
}

/** A park's name in the reader's language; until the parks have loaded, the name the record carries. */
export function useParkName() {
  const locale = useLocale();
  const parks = useParks();
  return useCallback(
    (id: string | null, fallback: string | null) => {
      const park = id ? parks.data?.find((p) => p.id === id) : undefined;
      return park ? (locale === 'zh-CN' ? park.nameZh : park.nameEn) : fallback;
    },
    [parks.data, locale],
  );
}
