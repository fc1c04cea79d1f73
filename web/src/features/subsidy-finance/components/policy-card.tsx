import { Button, Card, Flex, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { SubsidyPolicy } from '@fulcrum/shared';
import { PolicyFigures } from './policy-figures.tsx';

/**
 * A region's policy for one year: the newest version's figures, the revise button for the HRSS bureau, and every
 * version with why it was written and how many claims were computed under it (those keep their version).
 */
export function PolicyCard({ versions, onRevise }: { versions: SubsidyPolicy[]; onRevise?: (latest: SubsidyPolicy) => void }) {
  const { t } = useTranslation();
  const ordered = [...versions].sort((a, b) => b.version - a.version);
  const latest = ordered.find((p) => p.isLatest) ?? ordered[0]!;
  const today = dayjs().format('YYYY-MM-DD');

  const columns: TableProps<SubsidyPolicy>['columns'] = [
    { key: 'version', title: t('subsidyFinance.policy.colVersion'), width: 90, render: (_, p) => t('subsidyFinance.policy.version', { version: p.version }) },
    { key: 'effectiveFrom', title: t('subsidyFinance.policy.colEffectiveFrom'), dataIndex: 'effectiveFrom', width: 120 },
    {
      key: 'reason',
      title: t('subsidyFinance.policy.colReason'),
      width: 280,
      render: (_, p) => (p.reason ? <span style={{ whiteSpace: 'pre-wrap' }}>{p.reason}</span> : <Typography.Text type="secondary">{t('subsidyFinance.policy.firstVersion')}</Typography.Text>),
    },
    { key: 'createdBy', title: t('subsidyFinance.policy.colCreatedBy'), width: 130, render: (_, p) => p.createdByName ?? '—' },
    { key: 'createdAt', title: t('subsidyFinance.policy.colCreatedAt'), width: 150, render: (_, p) => dayjs(p.createdAt).format('YYYY-MM-DD HH:mm') },
    {
      key: 'claims',
      title: t('subsidyFinance.policy.colClaims'),
      width: 220,
      render: (_, p) =>
        p.claimCount > 0 ? (
          <span data-testid="policy-claim-count">{t('subsidyFinance.policy.claimCount', { count: p.claimCount })}</span>
        ) : (
          <Typography.Text type="secondary">{t('subsidyFinance.policy.noClaims')}</Typography.Text>
        ),
    },
  ];

  return (
    <Card
      data-testid="policy-card"
      title={
        <Flex wrap gap={8} align="center" style={{ padding: '8px 0' }}>
          <span style={{ whiteSpace: 'normal' }}>{t('subsidyFinance.policy.heading', { region: latest.regionName, year: latest.year })}</span>
          <Tag color="blue" data-testid="policy-version">
            {t('subsidyFinance.policy.version', { version: latest.version })}
          </Tag>
          {latest.effectiveFrom > today ? (
            <Tag color="gold">{t('subsidyFinance.policy.notEffectiveYet', { date: latest.effectiveFrom })}</Tag>
          ) : (
            <Tag color="green">{t('subsidyFinance.policy.current')}</Tag>
          )}
          {latest.isDemo && (
            <Tag color="orange" data-testid="policy-demo">
              {t('subsidyFinance.demo')}
            </Tag>
          )}
        </Flex>
      }
      extra={
        onRevise && (
          <Button icon={<EditOutlined />} onClick={() => onRevise(latest)} data-testid="policy-revise">
            {t('subsidyFinance.policy.revise')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <PolicyFigures policy={latest} testId="policy-current" />
        <div>
          <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 8 }}>
            <Typography.Text strong>{t('subsidyFinance.policy.history')}</Typography.Text>
            <Typography.Text type="secondary">{t('subsidyFinance.policy.historyCount', { count: ordered.length })}</Typography.Text>
          </Flex>
          <Table<SubsidyPolicy>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={ordered}
            columns={columns}
            scroll={{ x: 990 }}
            data-testid="policy-history"
            expandable={{ expandedRowRender: (p) => <PolicyFigures policy={p} />, rowExpandable: (p) => p.id !== latest.id }}
          />
        </div>
      </Space>
    </Card>
  );
}
