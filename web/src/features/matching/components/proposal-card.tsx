import { Button, Card, Flex, Progress, Space, Tag, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TrainingProposal } from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';
import { useParkName } from '../api/use-parks.ts';
import { percent } from './labels.ts';
import { ScoreBreakdown } from './score-breakdown.tsx';
import { MatchStatusTag } from './status-tags.tsx';

/** One proposed centre: its rank, score as a percentage, the parts of the score and why, and the request button. */
export function ProposalCard({ rank, proposal, mayRequest, onRequest }: { rank: number; proposal: TrainingProposal; mayRequest: boolean; onRequest: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const parkName = useParkName();
  const park = parkName(proposal.industrialParkId, proposal.industrialParkName);
  return (
    <Card size="small" data-testid="proposal">
      <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 12 }}>
        <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
          <Space wrap>
            <Tag color={rank === 1 ? 'gold' : 'default'}>#{rank}</Tag>
            <Typography.Text strong data-testid="proposal-name">
              {proposal.organisationName}
            </Typography.Text>
          </Space>
          <Typography.Text type="secondary">
            <span style={{ fontFamily: 'monospace' }}>{proposal.certificateNo}</span>
            {park ? ` · ${park}` : ''}
          </Typography.Text>
        </Space>
        <Flex align="center" gap={16}>
          <div style={{ textAlign: 'right' }}>
            <Typography.Text type="secondary">{t('matching.need.score')}</Typography.Text>
            <div>
              <Typography.Text strong style={{ fontSize: 22 }} data-testid="proposal-score">
                {percent(proposal.score, locale)}
              </Typography.Text>
            </div>
          </div>
          {proposal.openMatchStatus ? (
            <MatchStatusTag status={proposal.openMatchStatus} />
          ) : (
            mayRequest && (
              <Button type="primary" icon={<SendOutlined />} onClick={onRequest} data-testid="proposal-request">
                {t('matching.need.request')}
              </Button>
            )
          )}
        </Flex>
      </Flex>
      <Progress percent={Math.round(proposal.score * 1000) / 10} showInfo={false} size="small" style={{ marginBottom: 8 }} />
      <ScoreBreakdown components={proposal.components} />
    </Card>
  );
}
