import { Card, Empty, Flex, Grid, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NoticeEntryView } from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';

interface Column {
  key: string;
  zh: string;
  en: string;
}

/** A short label of an entry (its first two cells), for choosing it in a form or naming it in a list. */
export function entryLabel(columns: readonly Column[], entry: NoticeEntryView): string {
  return columns
    .slice(0, 2)
    .map((c) => entry.cells[c.key])
    .filter(Boolean)
    .join(' · ') || entry.ref;
}

/** A notice's entries: a table on wide screens, one card per entry on a phone. Cells are shown as published (masked). */
export function EntriesView({ columns, entries }: { columns: readonly Column[]; entries: readonly NoticeEntryView[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const screens = Grid.useBreakpoint();
  const title = (c: Column) => (locale === 'zh-CN' ? c.zh : c.en);
  if (!entries.length) return <Empty description={t('notices.noEntries')} />;
  if (!screens.md) {
    return (
      <Flex vertical gap={8} data-testid="notice-entries">
        {entries.map((entry) => (
          <Card key={entry.ref} size="small" data-testid="notice-entry">
            {columns.map((c) => (
              <Flex key={c.key} gap={8} style={{ padding: '2px 0' }}>
                <Typography.Text type="secondary" style={{ flex: '0 0 38%' }}>
                  {title(c)}
                </Typography.Text>
                <Typography.Text style={{ flex: 1, wordBreak: 'break-all' }}>{entry.cells[c.key] ?? ''}</Typography.Text>
              </Flex>
            ))}
          </Card>
        ))}
      </Flex>
    );
  }
  return (
    <Table
      size="small"
      rowKey="ref"
      data-testid="notice-entries"
      pagination={entries.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      dataSource={entries as NoticeEntryView[]}
      columns={columns.map((c) => ({ key: c.key, title: title(c), render: (_: unknown, e: NoticeEntryView) => e.cells[c.key] ?? '' }))}
      scroll={columns.length > 6 ? { x: 'max-content' } : undefined}
    />
  );
}
