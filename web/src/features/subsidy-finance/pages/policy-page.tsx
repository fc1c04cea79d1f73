import { useMemo, useState } from 'react';
import { Alert, Button, Card, Empty, Skeleton, Space, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SubsidyPolicy } from '@fulcrum/shared';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorText } from '../../../lib/forms.ts';
import { useActor } from '../../../lib/session.ts';
import { usePolicies } from '../api/use-policies.ts';
import { mayWritePolicies, useDepartmentKind } from '../components/access.ts';
import { PolicyCard } from '../components/policy-card.tsx';
import { PolicyFormModal, type PolicyFormMode } from '../components/policy-form-modal.tsx';
import '../i18n.ts';

/** The versions of each region's policy for one year, newest first. */
function groupsOf(policies: SubsidyPolicy[]): Map<number, SubsidyPolicy[][]> {
  const byGroup = new Map<string, SubsidyPolicy[]>();
  for (const p of policies) {
    const key = `${p.year}:${p.regionId}`;
    byGroup.set(key, [...(byGroup.get(key) ?? []), p]);
  }
  const byYear = new Map<number, SubsidyPolicy[][]>();
  for (const versions of byGroup.values()) {
    const year = versions[0]!.year;
    byYear.set(year, [...(byYear.get(year) ?? []), versions]);
  }
  for (const groups of byYear.values()) groups.sort((a, b) => a[0]!.regionName.localeCompare(b[0]!.regionName, 'zh-CN'));
  return new Map([...byYear.entries()].sort((a, b) => b[0] - a[0]));
}

/** /console/subsidy-policies — the subsidy rates and rules per region and year, every version, and (for HRSS) setting and revising them. */
export default function PolicyPage() {
  const { t } = useTranslation();
  const { activeMembership } = useActor();
  const kind = useDepartmentKind();
  const mayWrite = mayWritePolicies(activeMembership.role, kind);
  const policies = usePolicies();
  const [mode, setMode] = useState<PolicyFormMode | null>(null);
  const [year, setYear] = useState<string>();
  const byYear = useMemo(() => groupsOf(policies.data?.items ?? []), [policies.data]);
  const years = [...byYear.keys()];
  const activeYear = year && byYear.has(Number(year)) ? year : years[0] !== undefined ? String(years[0]) : undefined;

  const createButton = mayWrite && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setMode({ kind: 'create' })} data-testid="policy-create">
      {t('subsidyFinance.policy.create')}
    </Button>
  );

  return (
    <div data-testid="policy-page">
      <PageHeader title={t('subsidyFinance.policy.title')} subTitle={t('subsidyFinance.policy.subTitle')} extra={createButton} />
      {policies.error ? (
        <Alert type="error" showIcon title={errorText(t, policies.error)} />
      ) : policies.isPending ? (
        <Skeleton active />
      ) : years.length === 0 ? (
        <Card>
          <Empty description={t('subsidyFinance.policy.empty')} data-testid="policy-empty">
            <p style={{ color: 'rgba(0,0,0,.45)' }}>{t('subsidyFinance.policy.emptyHint')}</p>
            {createButton}
          </Empty>
        </Card>
      ) : (
        <Tabs
          activeKey={activeYear}
          onChange={setYear}
          data-testid="policy-years"
          items={years.map((y) => ({
            key: String(y),
            label: t('subsidyFinance.policy.yearTab', { year: y }),
            children: (
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                {byYear.get(y)!.map((versions) => (
                  <PolicyCard key={versions[0]!.regionId} versions={versions} onRevise={mayWrite ? (latest) => setMode({ kind: 'revise', latest }) : undefined} />
                ))}
              </Space>
            ),
          }))}
        />
      )}
      {mode && (
        <PolicyFormModal
          key={mode.kind === 'revise' ? mode.latest.id : 'create'}
          mode={mode}
          withRegion={activeMembership.role === 'system_admin'}
          onClose={() => setMode(null)}
          onSaved={(policy) => setYear(String(policy.year))}
        />
      )}
    </div>
  );
}
