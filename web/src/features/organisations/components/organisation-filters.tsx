import { useState } from 'react';
import { Button, Cascader, Flex, Input, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { enterpriseSizeLabels, enterpriseSizes, organisationTypeLabels, organisationTypes } from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';
import { sectionOf, useReference } from './reference.ts';

/** The query parameters the registry lists filter on (kept in the URL by useListState). */
export const organisationFilterKeys = ['q', 'type', 'regionId', 'industrySection', 'industryDivision', 'industrialParkId', 'stateOwned', 'size'] as const;
export type OrganisationFilters = Partial<Record<(typeof organisationFilterKeys)[number], string>>;

interface Props {
  filters: OrganisationFilters;
  onChange: (filters: OrganisationFilters) => void;
  searchPlaceholder: string;
  /** The type filter (the organisations list; the enterprise list is fixed to enterprises). */
  showType: boolean;
  /** The region filter, for actors who see more than one region. */
  showRegion: boolean;
  /** Parks offered: those of the chosen region, else of this region (the actor's own), else all. */
  defaultRegionId?: string;
}

/** Name-or-USCC search: runs on Enter or the button, and at once when cleared. */
function SearchBox({ initial, placeholder, onSearch }: { initial: string; placeholder: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  return (
    <Space.Compact style={{ width: 300 }}>
      <Input
        allowClear
        value={text}
        placeholder={placeholder}
        onChange={(event) => {
          setText(event.target.value);
          if (!event.target.value && initial) onSearch('');
        }}
        onPressEnter={() => onSearch(text.trim())}
        data-testid="organisation-search"
      />
      <Button type="primary" icon={<SearchOutlined />} onClick={() => onSearch(text.trim())} aria-label={t('common.search')} data-testid="organisation-search-button" />
    </Space.Compact>
  );
}

/** Search box and filters of an organisation list; every change starts again from page 1. */
export function OrganisationFilters({ filters, onChange, searchPlaceholder, showType, showRegion, defaultRegionId }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const reference = useReference();
  const set = (patch: OrganisationFilters) => onChange({ ...filters, ...patch });

  const industryValue = filters.industryDivision
    ? [sectionOf(filters.industryDivision) ?? '', filters.industryDivision]
    : filters.industrySection
      ? [filters.industrySection]
      : undefined;
  const parkRegion = filters.regionId ?? defaultRegionId;
  const selectStyle = { width: 180 };

  return (
    <Flex wrap gap={8} align="center" data-testid="organisation-filters">
      <SearchBox key={filters.q ?? ''} initial={filters.q ?? ''} placeholder={searchPlaceholder} onSearch={(q) => set({ q: q || undefined })} />
      {showType && (
        <Select
          allowClear
          placeholder={t('organisations.filters.type')}
          value={filters.type}
          onChange={(type?: string) => set({ type })}
          options={organisationTypes.map((type) => ({ value: type, label: organisationTypeLabels[type][locale] }))}
          style={selectStyle}
          data-testid="filter-type"
        />
      )}
      {showRegion && (
        <Select
          allowClear
          placeholder={t('organisations.filters.region')}
          value={filters.regionId}
          onChange={(regionId?: string) => {
            const park = filters.industrialParkId;
            const keepPark = !regionId || !park || reference.parkRegion(park) === regionId;
            set({ regionId, industrialParkId: keepPark ? park : undefined });
          }}
          options={reference.regionOptions}
          style={selectStyle}
          data-testid="filter-region"
        />
      )}
      <Cascader
        changeOnSelect
        allowClear
        showSearch
        placeholder={t('organisations.filters.industry')}
        value={industryValue}
        onChange={(value?: string[]) =>
          set({
            industrySection: value?.length === 1 ? value[0] : undefined,
            industryDivision: value && value.length > 1 ? value[1] : undefined,
          })
        }
        options={reference.industryOptions}
        style={{ width: 240 }}
        data-testid="filter-industry"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('organisations.filters.park')}
        value={filters.industrialParkId}
        onChange={(industrialParkId?: string) => set({ industrialParkId })}
        options={reference.parkOptions(parkRegion)}
        style={{ width: 220 }}
        data-testid="filter-park"
      />
      <Select
        allowClear
        placeholder={t('organisations.filters.stateOwned')}
        value={filters.stateOwned}
        onChange={(stateOwned?: string) => set({ stateOwned })}
        options={[
          { value: 'true', label: t('common.yes') },
          { value: 'false', label: t('common.no') },
        ]}
        style={{ width: 140 }}
        data-testid="filter-state-owned"
      />
      <Select
        allowClear
        placeholder={t('organisations.filters.size')}
        value={filters.size}
        onChange={(size?: string) => set({ size })}
        options={enterpriseSizes.map((size) => ({ value: size, label: enterpriseSizeLabels[size][locale] }))}
        style={{ width: 140 }}
        data-testid="filter-size"
      />
      <Button type="link" onClick={() => onChange({})} disabled={Object.keys(filters).length === 0} data-testid="filter-reset">
        {t('organisations.filters.reset')}
      </Button>
    </Flex>
  );
}
