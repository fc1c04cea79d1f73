import { useCallback } from 'react';
import { Card, Flex, Grid, Select, Space, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  centreSortKeys,
  centreStatusLabels,
  effectiveCentreStatuses,
  occupationFieldLabels,
  occupationFields,
  type CentreStatsDimension,
  type TrainingCentre,
} from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { ListTable } from '../../../components/list-table.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { SearchBar } from '../../../components/search-bar.tsx';
import { useListState, useSearchText } from '../../../lib/list.ts';
import { useLocale } from '../../../lib/session.ts';
import { centresPath, useCentres } from '../api/use-centres.ts';
import { useRegions } from '../api/use-regions.ts';
import { levelOptions, occupationOptions, scopeText } from '../components/labels.ts';
import { StatsPanel } from '../components/stats-panel.tsx';
import { CentreStatusTag } from '../components/status-tags.tsx';
import '../i18n.ts';

const filterKeys = ['effectiveStatus', 'field', 'occupation', 'level', 'q', 'regionId'] as const;

/** The certified training centres: the figures for a period on top, then the list with its filters and export. */
export default function CentreListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useListState(filterKeys, { sortKeys: centreSortKeys, sort: '-certifiedOn' });
  const filters = list.state.filters;
  const centres = useCentres(list.query);
  const regions = useRegions();
  const narrow = Grid.useBreakpoint().md === false;
  const region = regions.data?.find((r) => r.id === filters.regionId);
  const [q, setQ] = useSearchText(list.state.filters.q);
  const set = (patch: Record<string, string | undefined>) => list.setFilters({ ...filters, ...patch });
  const { setFilters } = list;
  const drill = useCallback(
    (groupBy: CentreStatsDimension, key: string) => setFilters(groupBy === 'field' ? { field: key } : { regionId: key }),
    [setFilters],
  );

  const columns: TableProps<TrainingCentre>['columns'] = [
    {
      key: 'certificateNo',
      title: t('trainingCentres.centres.certificateNo'),
      fixed: narrow ? undefined : 'left',
      width: narrow ? 230 : 190,
      render: (_, c) => (
        <Flex vertical gap={4} align="start">
          <Link to={`/console/training-centres/${c.id}`} style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }} data-testid="centre-link">
            {c.certificateNo}
          </Link>
          {/* A phone shows the enterprise and the status under the number: the columns beside it are off screen. */}
          {narrow && (
            <>
              <Typography.Text>{c.organisationName}</Typography.Text>
              <CentreStatusTag status={c.effectiveStatus} />
            </>
          )}
        </Flex>
      ),
    },
    ...(narrow
      ? []
      : ([
          { key: 'organisationName', title: t('trainingCentres.centres.organisation'), dataIndex: 'organisationName', sorter: true, sortOrder: list.sortOrderOf('organisationName'), width: 220 },
          { key: 'status', title: t('trainingCentres.centres.status'), width: 130, render: (_, c) => <CentreStatusTag status={c.effectiveStatus} /> },
        ] satisfies TableProps<TrainingCentre>['columns'])),
    {
      key: 'scope',
      title: t('trainingCentres.centres.scope'),
      width: 280,
      render: (_, c) => <Typography.Text ellipsis={{ tooltip: scopeText(c.scope, locale) }}>{scopeText(c.scope, locale)}</Typography.Text>,
    },
    { key: 'certifiedOn', title: t('trainingCentres.centres.certifiedOn'), dataIndex: 'certifiedOn', sorter: true, sortOrder: list.sortOrderOf('certifiedOn'), width: 120 },
    { key: 'validUntil', title: t('trainingCentres.centres.validUntil'), dataIndex: 'validUntil', sorter: true, sortOrder: list.sortOrderOf('validUntil'), width: 120 },
    { key: 'capacity', title: t('trainingCentres.centres.annualCapacity'), width: 110, align: 'right', render: (_, c) => c.annualCapacity.toLocaleString(locale) },
    { key: 'park', title: t('trainingCentres.centres.park'), width: 170, render: (_, c) => c.industrialParkName ?? '—' },
  ];

  return (
    <div data-testid="centre-list-page">
      <PageHeader title={t('trainingCentres.centres.title')} subTitle={t('trainingCentres.centres.subTitle')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <StatsPanel onDrill={drill} />
        <Card extra={<ExportButton path={centresPath} query={{ ...filters, sort: list.state.sort }} />} title={t('trainingCentres.centres.listTitle')}>
          <Flex wrap gap={8} style={{ marginBottom: 16 }}>
            <SearchBar
              value={q}
              onChange={setQ}
              onSearch={(text) => set({ q: text })}
              onReset={() => list.setFilters({})}
              placeholder={t('trainingCentres.centres.searchPlaceholder')}
              testIds={{ input: 'centre-search', submit: 'centre-search-submit' }}
            >
              <Select
                allowClear
                placeholder={t('trainingCentres.centres.filters.status')}
                value={filters.effectiveStatus}
                onChange={(effectiveStatus?: string) => set({ effectiveStatus })}
                options={effectiveCentreStatuses.map((s) => ({ value: s, label: centreStatusLabels[s][locale] }))}
                style={{ width: 150 }}
                data-testid="centre-filter-status"
              />
              <Select
                allowClear
                placeholder={t('trainingCentres.centres.filters.field')}
                value={filters.field}
                onChange={(field?: string) => set({ field })}
                options={occupationFields.map((f) => ({ value: f, label: occupationFieldLabels[f][locale] }))}
                style={{ width: 140 }}
                data-testid="centre-filter-field"
              />
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('trainingCentres.centres.filters.occupation')}
                value={filters.occupation}
                onChange={(occupation?: string) => set({ occupation })}
                options={occupationOptions(locale)}
                style={{ width: 200 }}
                data-testid="centre-filter-occupation"
              />
              <Select
                allowClear
                placeholder={t('trainingCentres.centres.filters.level')}
                value={filters.level ? Number(filters.level) : undefined}
                onChange={(level?: number) => set({ level: level === undefined ? undefined : String(level) })}
                options={levelOptions(locale)}
                style={{ width: 160 }}
                data-testid="centre-filter-level"
              />
            </SearchBar>
            {filters.regionId && (
              // A region is chosen by clicking its bar in the figures above; the tag shows it and takes it off.
              <Tag closable onClose={() => set({ regionId: undefined })} style={{ alignSelf: 'center' }} data-testid="centre-filter-region">
                {t('trainingCentres.centres.regionFilter', { name: region ? (locale === 'zh-CN' ? region.nameZh : region.nameEn) : filters.regionId })}
              </Tag>
            )}
          </Flex>
          <ListTable<TrainingCentre>
            list={list}
            query={centres}
            rowKey="id"
            data-testid="centre-table"
            columns={columns}
            scroll={{ x: columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 150), 0) }}
          />
        </Card>
      </Space>
    </div>
  );
}
