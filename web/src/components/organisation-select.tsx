import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { organisationTypeLabels, type Organisation, type OrganisationType } from '@fulcrum/shared';
import { api } from '../lib/api.ts';
import { useLocale } from '../lib/session.ts';

type Page = { items: Organisation[]; total: number };

/**
 * Picks one organisation within the user's reach, searching the API by name as they type.
 * `onChange` also hands over the organisation itself (its type decides which roles it can hold).
 */
export function OrganisationSelect({
  value,
  onChange,
  placeholder,
  type,
  disabled,
  allowClear = true,
  style,
  testId,
}: {
  value?: string;
  onChange?: (id: string | undefined, organisation: Organisation | undefined) => void;
  placeholder?: string;
  type?: OrganisationType;
  disabled?: boolean;
  allowClear?: boolean;
  style?: React.CSSProperties;
  testId?: string;
}) {
  const locale = useLocale();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);

  const options = useQuery({
    queryKey: ['organisation-options', type ?? '', search],
    queryFn: () => api.get<Page>('/organisations', { q: search || undefined, type, pageSize: 20, sort: 'name' }),
    enabled: !disabled,
    staleTime: 30_000,
  });
  const items = options.data?.items ?? [];
  const selected = useQuery({
    queryKey: ['organisation-option', value],
    queryFn: () => api.get<Organisation>(`/organisations/${value}`),
    enabled: Boolean(value) && !items.some((o) => o.id === value),
    staleTime: 60_000,
  });
  const all = selected.data && !items.some((o) => o.id === selected.data.id) ? [selected.data, ...items] : items;

  return (
    <Select
      value={value}
      style={style}
      disabled={disabled}
      allowClear={allowClear}
      placeholder={placeholder}
      loading={options.isFetching}
      data-testid={testId}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      onChange={(id: string | undefined) => onChange?.(id, all.find((o) => o.id === id))}
      onClear={() => setTyped('')}
      options={all.map((o) => ({ value: o.id, label: type ? o.name : `${o.name} · ${organisationTypeLabels[o.type][locale]}` }))}
    />
  );
}
