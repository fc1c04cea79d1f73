import type { ReactNode } from 'react';
import { Button, Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/**
 * A list page's search box with its Search and Reset buttons, for the page's filter row.
 * Searches on Enter or the button with the trimmed text; Reset empties the box, then calls `onReset`.
 * `children` (other filters) stand between the box and the buttons.
 */
export function SearchBar({
  value,
  onChange,
  onSearch,
  onReset,
  placeholder,
  testIds,
  children,
}: {
  value: string;
  onChange: (value: string) => void;
  onSearch: (text: string) => void;
  onReset: () => void;
  placeholder: string;
  testIds: { input: string; submit: string };
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Input
        allowClear
        value={value}
        prefix={<SearchOutlined />}
        placeholder={placeholder}
        style={{ width: 240 }}
        data-testid={testIds.input}
        onChange={(e) => onChange(e.target.value)}
        onPressEnter={() => onSearch(value.trim())}
      />
      {children}
      <Button type="primary" onClick={() => onSearch(value.trim())} data-testid={testIds.submit}>
        {t('common.search')}
      </Button>
      <Button
        onClick={() => {
          onChange('');
          onReset();
        }}
      >
        {t('common.reset')}
      </Button>
    </>
  );
}
