import { useState } from 'react';
import { Card, Empty, Flex, Result, Select, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HeatmapQuery } from '@fulcrum/shared';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorText } from '../../../lib/forms.ts';
import { useHeatmap } from '../api/use-heatmap.ts';
import { useOwnRoleProfiles } from '../api/use-role-profiles.ts';
import { HeatmapGrid, HeatmapLegend } from '../components/heatmap-grid.tsx';
import '../i18n.ts';

/** A filter: its label, and a select whose cleared value means "all". */
function LabelledSelect(props: { label: string; width: number; value: string | undefined; options: { value: string; label: string }[]; loading?: boolean; onChange: (value: string | undefined) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Flex gap={6} align="center">
      <Typography.Text type="secondary">{props.label}</Typography.Text>
      <Select allowClear placeholder={t('coach.heatmap.all')} style={{ width: props.width }} value={props.value} loading={props.loading} options={props.options} onChange={(value?: string) => props.onChange(value)} data-testid={props.testId} />
    </Flex>
  );
}

/**
 * /console/learning/heatmap — 团队能力热力图 for an enterprise's managers: every employee with a role profile against
 * the competencies it requires, coloured by the gap, filtered by department and role profile.
 */
export default function HeatmapPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<HeatmapQuery>({});
  const heatmap = useHeatmap(query);
  // The unfiltered map names every department, so the filter keeps its choices while one is picked.
  const everyone = useHeatmap({});
  const profiles = useOwnRoleProfiles();
  const departments = [...new Set((everyone.data?.people ?? []).map((p) => p.department).filter((d): d is string => !!d))].sort((a, b) => a.localeCompare(b, 'zh-CN'));

  return (
    <div data-testid="heatmap-page">
      <PageHeader title={t('coach.heatmap.title')} subTitle={t('coach.heatmap.subTitle')} />
      <Card>
        <Flex vertical gap={12}>
          <Flex wrap gap={12} align="center">
            <LabelledSelect
              label={t('coach.heatmap.department')}
              width={180}
              value={query.department}
              options={departments.map((d) => ({ value: d, label: d }))}
              onChange={(department) => setQuery((q) => ({ ...q, department }))}
              testId="heatmap-department"
            />
            <LabelledSelect
              label={t('coach.heatmap.roleProfile')}
              width={220}
              value={query.roleProfileId}
              loading={profiles.isPending}
              options={(profiles.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              onChange={(roleProfileId) => setQuery((q) => ({ ...q, roleProfileId }))}
              testId="heatmap-role-profile"
            />
            {heatmap.data && <Typography.Text type="secondary">{t('coach.heatmap.people', { count: heatmap.data.people.length })}</Typography.Text>}
          </Flex>
          <HeatmapLegend />
          {heatmap.isPending ? (
            <Skeleton active paragraph={{ rows: 6 }} />
          ) : heatmap.error ? (
            <Result status="error" title={errorText(t, heatmap.error)} />
          ) : heatmap.data.people.length === 0 ? (
            <Empty description={t('coach.heatmap.empty')} data-testid="heatmap-empty" />
          ) : (
            <HeatmapGrid heatmap={heatmap.data} />
          )}
        </Flex>
      </Card>
    </div>
  );
}
