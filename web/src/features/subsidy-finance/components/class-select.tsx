import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useClass, useClassOptions } from '../api/use-class-options.ts';

/** Picks an apprenticeship class in reach, searching by class or organiser name as the user types. */
export function ClassSelect({
  value,
  onChange,
  placeholder,
  style,
  testId,
  allowClear = true,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  testId?: string;
  allowClear?: boolean;
}) {
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const options = useClassOptions(search);
  const items = options.data?.items ?? [];
  const chosen = useClass(value && !items.some((c) => c.id === value) ? value : undefined);
  const all = chosen.data ? [chosen.data, ...items] : items;

  return (
    <Select
      value={value}
      style={style}
      allowClear={allowClear}
      placeholder={placeholder}
      loading={options.isFetching}
      data-testid={testId}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      onChange={(id: string | undefined) => onChange?.(id)}
      onClear={() => setTyped('')}
      popupMatchSelectWidth={false}
      options={all.map((c) => ({ value: c.id, label: `${c.name} · ${c.organisationName}${c.registrationNo ? ` · ${c.registrationNo}` : ''}` }))}
    />
  );
}
