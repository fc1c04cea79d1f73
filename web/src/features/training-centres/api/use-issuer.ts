import { useQuery } from '@tanstack/react-query';
import { departmentKindLabels, type Locale, type Organisation } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { useRegions } from './use-regions.ts';

/**
 * Who issues a region's certificates: its HRSS bureau by name when the reader may list the region's departments,
 * else the region's name with "人社局" (an enterprise reading its own certificate does not see the departments).
 */
export function useIssuer(regionId: string | undefined, locale: Locale): string | undefined {
  const regions = useRegions();
  const departments = useQuery({
    queryKey: ['organisations', 'departments', regionId],
    queryFn: () => api.get<{ items: Organisation[] }>('/organisations', { type: 'government_department', regionId, pageSize: 100 }),
    enabled: Boolean(regionId),
    staleTime: 5 * 60_000,
    retry: false,
  });
  const hrss = departments.data?.items.find((o) => o.departmentKind === 'hrss' && o.regionId === regionId);
  if (hrss) return hrss.name;
  if (departments.isPending && !departments.isError) return undefined;
  const region = regions.data?.find((r) => r.id === regionId);
  if (!region) return undefined;
  return locale === 'zh-CN' ? `${region.nameZh}${departmentKindLabels.hrss['zh-CN']}` : `${departmentKindLabels.hrss['en-US']} of ${region.nameEn}`;
}
