import { useMemo, useState } from 'react';
import { Card, Col, Empty, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TrainingMatchStatus } from '@fulcrum/shared';
import { PageHeader } from '../../../components/page-header.tsx';
import { useLocale } from '../../../lib/session.ts';
import { useMatches } from '../api/use-matches.ts';
import { useTrainingNeeds } from '../api/use-training-needs.ts';
import { BoardColumn } from '../components/board-column.tsx';
import { occupationLevel } from '../components/labels.ts';
import { MatchDrawer } from '../components/match-drawer.tsx';
import '../i18n.ts';

/** How many cards a column shows (its count is the list's total all the same). */
const PER_COLUMN = 30;

const useColumn = (status: TrainingMatchStatus) => useMatches({ status, pageSize: PER_COLUMN, sort: '-requestedAt' });

/**
 * /console/matching — the region's resource matching as a board: counts of needs on top, a column per match status
 * (declined and cancelled together) with enterprise → centre cards, open needs still waiting for a match, and a
 * drawer with any match's details and results. Every count is the total of a list the API returned.
 */
export default function MatchingBoardPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [opened, setOpened] = useState<string | null>(null);
  const openNeeds = useTrainingNeeds({ status: 'open', pageSize: 12, sort: '-createdAt' });
  const matchedNeeds = useTrainingNeeds({ status: 'matched', pageSize: 1 });
  const closedNeeds = useTrainingNeeds({ status: 'closed', pageSize: 1 });
  const requested = useColumn('requested');
  const accepted = useColumn('accepted');
  const completed = useColumn('completed');
  const declined = useColumn('declined');
  const cancelled = useColumn('cancelled');
  const ended = useMemo(
    () => [...(declined.data?.items ?? []), ...(cancelled.data?.items ?? [])].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt)).slice(0, PER_COLUMN),
    [declined.data, cancelled.data],
  );
  const endedTotal = declined.data && cancelled.data ? declined.data.total + cancelled.data.total : undefined;

  const figures = [
    { key: 'openNeeds', value: openNeeds.data?.total, loading: openNeeds.isPending },
    { key: 'matchedNeeds', value: matchedNeeds.data?.total, loading: matchedNeeds.isPending },
    { key: 'closedNeeds', value: closedNeeds.data?.total, loading: closedNeeds.isPending },
  ];

  return (
    <Flex vertical gap={16} data-testid="matching-board">
      <PageHeader title={t('matching.board.title')} subTitle={t('matching.board.subTitle')} />
      <Row gutter={[12, 12]}>
        {figures.map((f) => (
          <Col key={f.key} xs={8}>
            <Card size="small">
              <Statistic title={t(`matching.board.${f.key}`)} value={f.value ?? '—'} loading={f.loading} data-testid={`board-${f.key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12} xl={6}>
          <BoardColumn testId="column-requested" title={t('matching.board.columns.requested')} total={requested.data?.total} matches={requested.data?.items ?? []} loading={requested.isPending} onOpen={setOpened} />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <BoardColumn testId="column-accepted" title={t('matching.board.columns.accepted')} total={accepted.data?.total} matches={accepted.data?.items ?? []} loading={accepted.isPending} onOpen={setOpened} />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <BoardColumn testId="column-completed" title={t('matching.board.columns.completed')} total={completed.data?.total} matches={completed.data?.items ?? []} loading={completed.isPending} onOpen={setOpened} />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <BoardColumn
            testId="column-ended"
            title={t('matching.board.columns.ended')}
            total={endedTotal}
            matches={ended}
            loading={declined.isPending || cancelled.isPending}
            showStatus
            onOpen={setOpened}
          />
        </Col>
      </Row>
      <Card size="small" title={t('matching.board.openNeedsList')}>
        {openNeeds.isPending ? (
          <Skeleton active />
        ) : openNeeds.data?.items.length ? (
          <Row gutter={[8, 8]}>
            {openNeeds.data.items.map((need) => (
              <Col key={need.id} xs={24} sm={12} lg={8} xl={6}>
                <Link to={`/console/training-needs/${need.id}`} data-testid="board-need">
                  <Card size="small" hoverable styles={{ body: { padding: 10 } }}>
                    <Typography.Text strong ellipsis style={{ display: 'block' }}>
                      {need.organisationName}
                    </Typography.Text>
                    <Typography.Text style={{ display: 'block' }}>{occupationLevel(need.occupation, need.level, locale)}</Typography.Text>
                    <Typography.Text type="secondary">
                      {t('matching.headcountValue', { count: need.headcount })} · {need.preferredStart} ~ {need.preferredEnd}
                    </Typography.Text>
                  </Card>
                </Link>
              </Col>
            ))}
            {(openNeeds.data.total ?? 0) > openNeeds.data.items.length && (
              <Col xs={24}>
                <Typography.Text type="secondary">{t('matching.board.more', { count: openNeeds.data.total - openNeeds.data.items.length })}</Typography.Text>
              </Col>
            )}
          </Row>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('matching.board.noOpenNeeds')} />
        )}
      </Card>
      <MatchDrawer id={opened} onClose={() => setOpened(null)} />
    </Flex>
  );
}
