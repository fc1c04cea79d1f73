import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useActor } from '../../../lib/session.ts';
import { useLearner, useLearnerOptions } from '../api/use-learner-options.ts';

/** Picks a learner among the organisation's employees (current and former), searching by name as the user types. */
export function LearnerSelect({ value, onChange, placeholder, testId }: { value?: string; onChange: (personId: string | undefined) => void; placeholder: string; testId: string }) {
  const { organisationId } = useActor().activeMembership;
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const options = useLearnerOptions(organisationId, search);
  const people = new Map((options.data?.items ?? []).map((e) => [e.person.id, e.person.name]));
  const selected = useLearner(value, Boolean(value) && !people.has(value ?? ''));
  if (value && !people.has(value) && selected.data) people.set(value, selected.data.name);

  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value}
      placeholder={placeholder}
      onChange={(id?: string) => onChange(id)}
      onClear={() => setTyped('')}
      loading={options.isFetching}
      options={[...people].map(([id, name]) => ({ value: id, label: name }))}
      style={{ width: 140 }}
      data-testid={testId}
    />
  );
}
