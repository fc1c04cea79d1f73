import { useMemo } from 'react';
import { industryDivisions, industrySections, type IndustrialPark, type Locale } from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';
import { useIndustrialParks } from '../api/use-industrial-parks.ts';
import { useRegions } from '../api/use-regions.ts';

const nameIn = (locale: Locale, item: { nameZh: string; nameEn: string }) => (locale === 'zh-CN' ? item.nameZh : item.nameEn);
const divisionByCode = new Map(industryDivisions.map((d) => [d.code, d]));
const sectionByCode = new Map(industrySections.map((s) => [s.code, s]));

/** The GB/T 4754 section a division belongs to, for pickers that go section → division. */
export const sectionOf = (division: string) => divisionByCode.get(division)?.section;

export interface Option {
  value: string;
  label: string;
}
export interface IndustryOption extends Option {
  children: Option[];
}

/**
 * Names and picker options of the reference data, in the reader's language. Industries are the GB/T 4754-2017
 * table in @fulcrum/shared (the contract validates against it, so the page needs no request for them);
 * regions and parks come from the API.
 */
export function useReference() {
  const locale = useLocale();
  const regions = useRegions();
  const parks = useIndustrialParks();

  return useMemo(() => {
    const regionById = new Map((regions.data ?? []).map((r) => [r.id, r]));
    const parkById = new Map((parks.data ?? []).map((p) => [p.id, p]));
    const industryOptions: IndustryOption[] = industrySections.map((section) => ({
      value: section.code,
      label: `${section.code} ${nameIn(locale, section)}`,
      children: industryDivisions
        .filter((d) => d.section === section.code)
        .map((d) => ({ value: d.code, label: `${d.code} ${nameIn(locale, d)}` })),
    }));
    const parkOption = (p: IndustrialPark): Option => ({ value: p.id, label: nameIn(locale, p) });
    return {
      isLoading: regions.isPending || parks.isPending,
      regions: regions.data ?? [],
      regionOptions: (regions.data ?? []).map((r): Option => ({ value: r.id, label: nameIn(locale, r) })),
      /** Parks of one region, or all parks when no region is given. */
      parkOptions: (regionId?: string): Option[] => (parks.data ?? []).filter((p) => !regionId || p.regionId === regionId).map(parkOption),
      parkRegion: (parkId: string) => parkById.get(parkId)?.regionId,
      industryOptions,
      regionName: (id: string) => {
        const region = regionById.get(id);
        return region ? nameIn(locale, region) : id;
      },
      parkName: (id: string | null) => {
        const park = id ? parkById.get(id) : undefined;
        return park ? nameIn(locale, park) : undefined;
      },
      /** "36 汽车制造业" */
      industryName: (code: string | null) => {
        const division = code ? divisionByCode.get(code) : undefined;
        return division ? `${division.code} ${nameIn(locale, division)}` : undefined;
      },
      /** "C 制造业 / 36 汽车制造业" */
      industryPath: (code: string | null) => {
        const division = code ? divisionByCode.get(code) : undefined;
        const section = division ? sectionByCode.get(division.section) : undefined;
        return division && section ? `${section.code} ${nameIn(locale, section)} / ${division.code} ${nameIn(locale, division)}` : undefined;
      },
    };
  }, [locale, regions.data, regions.isPending, parks.data, parks.isPending]);
}
