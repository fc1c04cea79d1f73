import { Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TrainingMatch } from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';
import { occupationLevel } from './labels.ts';
import { MatchStatusTag } from './status-tags.tsx';

/** One match on the board: enterprise → centre, occupation · level, headcount; a click opens it. */
function MatchCard({ match, showStatus, onOpen }: { match: TrainingMatch; showStatus: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card size="small" hoverable onClick={onOpen} data-testid="board-card" styles={{ body: { padding: 10 } }}>
      <Flex vertical gap={4}>
        <Typography.Text strong ellipsis>
          {match.organisationName}
        </Typography.Text>
        <Typography.Text type="secondary" ellipsis>
          <ArrowRightOutlined /> {match.centreOrganisationName}
        </Typography.Text>
        <Typography.Text>{occupationLevel(match.need.occupation, match.need.level, locale)}</Typography.Text>
        <Flex justify="space-between" align="center" gap={4} wrap>
          <Typography.Text type="secondary">
            {t('matching.headcountValue', { count: match.need.headcount })} · {dayjs(match.requestedAt).format('YYYY-MM-DD')}
          </Typography.Text>
          {showStatus && <MatchStatusTag status={match.status} />}
        </Flex>
      </Flex>
    </Card>
  );
}

/** A board column: its title with the count of matches in it, and the latest of them as cards. */
export function BoardColumn({
  title,
  total,
  matches,
  loading,
  showStatus = false,
  onOpen,
  testId,
}: {
  title: string;
  total: number | undefined;
  matches: TrainingMatch[];
  loading: boolean;
  showStatus?: boolean;
  onOpen: (id: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const hidden = (total ?? 0) - matches.length;
  return (
    <Card
      size="small"
      data-testid={testId}
      title={
        <Flex gap={8} align="center">
          <span>{title}</span>
          <Tag color="blue" style={{ margin: 0 }} data-testid={`${testId}-count`}>
            {total ?? '—'}
          </Tag>
        </Flex>
      }
      styles={{ body: { background: '#fafafa', padding: 8 } }}
    >
      {loading ? (
        <Skeleton active />
      ) : matches.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('matching.board.empty')} />
      ) : (
        <Flex vertical gap={8}>
          {matches.map((m) => (
            <MatchCard key={m.id} match={m} showStatus={showStatus} onOpen={() => onOpen(m.id)} />
          ))}
          {hidden > 0 && <Typography.Text type="secondary">{t('matching.board.more', { count: hidden })}</Typography.Text>}
        </Flex>
      )}
    </Card>
  );
}
