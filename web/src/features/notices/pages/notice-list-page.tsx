import { Badge, Card, Flex, Grid, Select, Space, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NoticeSummary } from '@fulcrum/shared';
import { ListTable } from '../../../components/list-table.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { SearchBar } from '../../../components/search-bar.tsx';
import { useListState, useSearchText } from '../../../lib/list.ts';
import { useNotices } from '../api/use-notices.ts';
import { NoticeStateTag, remainingText } from '../components/notice-state.tsx';
import { subjectTypeLabel } from '../components/subject-type.ts';
import '../i18n.ts';

const filterKeys = ['state', 'subjectType', 'q'] as const;
const sortKeys = ['publishedAt', 'endsOn', 'title'] as const;
const knownSubjectTypes = ['selection_batch'] as const;

/** /console/notices — the region's notices with their state today and the objections waiting for an outcome. */
export default function NoticeListPage() {
  const { t } = useTranslation();
  const list = useListState(filterKeys, { sortKeys });
  const { filters } = list.state;
  const notices = useNotices(list.query);
  const [text, setText] = useSearchText(filters.q);
  const set = (next: Partial<Record<(typeof filterKeys)[number], string | undefined>>) => list.setFilters({ ...filters, ...next });
  // On a phone the state and the objection counts move under the title.
  const narrow = Grid.useBreakpoint().sm === false;
  const counts = (n: NoticeSummary) => (
    <Space data-testid="notice-objection-counts">
      <Badge count={n.objections.open} showZero color={n.objections.open ? '#cf1322' : '#d9d9d9'} />
      <span>/</span>
      <Badge count={n.objections.handled} showZero color="#8c8c8c" />
    </Space>
  );

  const columns: TableProps<NoticeSummary>['columns'] = [
    {
      key: 'title',
      title: t('notices.console.columns.title'),
      sorter: true,
      sortOrder: list.sortOrderOf('title'),
      render: (_, n) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/console/notices/${n.id}`} data-testid="notice-link">
            {n.title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {subjectTypeLabel(t, n.subjectType)} · {t('notices.entryCount', { count: n.entryCount })}
          </Typography.Text>
          {narrow && (
            <Space wrap size={8} style={{ marginTop: 4 }}>
              <NoticeStateTag state={n.state} />
              {counts(n)}
            </Space>
          )}
        </Space>
      ),
    },
    { key: 'publisher', title: t('notices.console.columns.publisher'), dataIndex: 'publisherName', width: 220, responsive: ['lg'] },
    {
      key: 'endsOn',
      title: t('notices.console.columns.period'),
      width: 200,
      responsive: ['md'],
      sorter: true,
      sortOrder: list.sortOrderOf('endsOn'),
      render: (_, n) => t('notices.periodShort', { start: n.startsOn, end: n.endsOn }),
    },
    {
      key: 'state',
      title: t('notices.console.columns.state'),
      width: 190,
      responsive: ['sm'],
      render: (_, n) => (
        <Space orientation="vertical" size={0}>
          <NoticeStateTag state={n.state} />
          {n.state === 'open' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {remainingText(t, n)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'objections',
      title: t('notices.console.columns.objections'),
      width: 130,
      responsive: ['sm'],
      render: (_, n) => counts(n),
    },
  ];

  return (
    <div data-testid="notice-list-page">
      <PageHeader title={t('notices.console.title')} subTitle={t('notices.console.subTitle')} />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <SearchBar
            value={text}
            onChange={setText}
            onSearch={(q) => set({ q: q || undefined })}
            onReset={() => list.setFilters({})}
            placeholder={t('notices.console.searchPlaceholder')}
            testIds={{ input: 'notice-search', submit: 'notice-search-submit' }}
          >
            <Select
              allowClear
              value={filters.state}
              placeholder={t('notices.console.statePlaceholder')}
              style={{ width: 130 }}
              data-testid="notice-state-filter"
              options={(['open', 'ended', 'upcoming'] as const).map((s) => ({ value: s, label: t(`notices.state.${s}`) }))}
              onChange={(state?: string) => set({ state })}
            />
            <Select
              allowClear
              value={filters.subjectType}
              placeholder={t('notices.console.subjectPlaceholder')}
              style={{ width: 180 }}
              options={knownSubjectTypes.map((s) => ({ value: s, label: subjectTypeLabel(t, s) }))}
              onChange={(subjectType?: string) => set({ subjectType })}
            />
          </SearchBar>
        </Flex>
        <ListTable<NoticeSummary> list={list} query={notices} rowKey="id" columns={columns} data-testid="notice-table" />
      </Card>
    </div>
  );
}
