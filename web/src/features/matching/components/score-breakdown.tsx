import { Flex, Grid, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { proposalComponentLabels, type ProposalComponent } from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';

/** A score's parts: weight × value = points (of 100), with the reason the server wrote, in the reader's language. */
export function ScoreBreakdown({ components }: { components: ProposalComponent[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const narrow = Grid.useBreakpoint().md === false;
  const reason = (c: ProposalComponent) => (locale === 'zh-CN' ? c.reasonZh : c.reasonEn);
  const points = (c: ProposalComponent) => (c.weight * c.value * 100).toFixed(1);
  if (narrow) {
    // On a phone each part is two lines: "scope fit 35% × 1.00 = 35.0", then its reason.
    return (
      <Flex vertical gap={8} data-testid="score-breakdown">
        {components.map((c) => (
          <div key={c.key}>
            <Flex justify="space-between" gap={8}>
              <Typography.Text>{proposalComponentLabels[c.key][locale]}</Typography.Text>
              <Typography.Text type="secondary">
                {Math.round(c.weight * 100)}% × {c.value.toFixed(2)} = <Typography.Text strong>{points(c)}</Typography.Text>
              </Typography.Text>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {reason(c)}
            </Typography.Text>
          </div>
        ))}
      </Flex>
    );
  }
  return (
    <Table<ProposalComponent>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={components}
      data-testid="score-breakdown"
      scroll={{ x: 640 }}
      columns={[
        { key: 'component', title: t('matching.need.component'), width: 130, render: (_, c) => proposalComponentLabels[c.key][locale] },
        { key: 'weight', title: t('matching.need.weight'), width: 70, align: 'right', render: (_, c) => `${Math.round(c.weight * 100)}%` },
        { key: 'value', title: t('matching.need.value'), width: 70, align: 'right', render: (_, c) => c.value.toFixed(2) },
        {
          key: 'points',
          title: t('matching.need.points'),
          width: 80,
          align: 'right',
          render: (_, c) => <Typography.Text strong>{points(c)}</Typography.Text>,
        },
        { key: 'reason', title: t('matching.need.reason'), render: (_, c) => reason(c) },
      ]}
    />
  );
}
