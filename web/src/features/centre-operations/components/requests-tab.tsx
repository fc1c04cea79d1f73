import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Flex, Pagination, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { trainingMatchStatusLabels, type TrainingMatch, type TrainingMatchStatus } from '@fulcrum/shared';
import { errorText } from '../../../lib/forms.ts';
import { useListState } from '../../../lib/list.ts';
import { useLocale } from '../../../lib/session.ts';
import { useIncomingMatch } from '../api/use-incoming-match.ts';
import { useIncomingMatches } from '../api/use-incoming-matches.ts';
import { occupationLevel, percent } from './labels.ts';
import { RespondMatchModal, type Answer } from './respond-match-modal.tsx';

export const matchStatusColour: Record<TrainingMatchStatus, string> = { requested: 'blue', accepted: 'cyan', completed: 'green', declined: 'default', cancelled: 'default' };
const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
const filterKeys = ['status'] as const;

/** The trainees' results of a match: the assessments recorded with it, as the server counts them. */
function MatchResults({ match }: { match: TrainingMatch }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const detail = useIncomingMatch(match.id, true);
  if (detail.isPending) return <Skeleton.Input active size="small" />;
  if (detail.error) return <Typography.Text type="danger">{errorText(t, detail.error)}</Typography.Text>;
  const { assessed, passed, passRate } = detail.data.results;
  if (!assessed) return <Typography.Text type="secondary">{t('centreOps.requests.noResults')}</Typography.Text>;
  return (
    <Space wrap>
      <span data-testid="match-results">{t('centreOps.requests.resultsValue', { assessed, passed, rate: percent(passRate, locale) })}</span>
      <Link to={`/console/my-training-centre/assessments?matchId=${match.id}`}>{t('common.detail')}</Link>
    </Space>
  );
}

function RequestCard({ match, onAnswer }: { match: TrainingMatch; onAnswer: (answer: Answer) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const answers = (['accept', 'decline', 'complete'] as const).filter((a) => match.availableTransitions.includes(a));
  return (
    <Card
      size="small"
      data-testid="match-request"
      title={
        <Space wrap>
          <span>{match.organisationName}</span>
          <Tag color={matchStatusColour[match.status]}>{trainingMatchStatusLabels[match.status][locale]}</Tag>
        </Space>
      }
      extra={
        answers.length > 0 && (
          <Space wrap>
            {answers.map((answer) => (
              <Button key={answer} size="small" type={answer === 'decline' ? 'default' : 'primary'} danger={answer === 'decline'} onClick={() => onAnswer(answer)} data-testid={`match-${answer}`}>
                {t(`centreOps.requests.${answer}`)}
              </Button>
            ))}
          </Space>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'need', label: t('centreOps.requests.need'), children: occupationLevel(match.need.occupation, match.need.level, locale) },
          { key: 'headcount', label: t('centreOps.requests.headcount'), children: t('centreOps.requests.headcountValue', { count: match.need.headcount }) },
          { key: 'period', label: t('centreOps.requests.period'), children: `${match.need.preferredStart} ~ ${match.need.preferredEnd}` },
          { key: 'location', label: t('centreOps.requests.location'), children: match.need.location ?? '—' },
          { key: 'requestedAt', label: t('centreOps.requests.requestedAt'), children: when(match.requestedAt) },
          { key: 'score', label: t('centreOps.requests.score'), children: percent(match.score, locale) },
          ...(match.message ? [{ key: 'message', label: t('centreOps.requests.message'), children: match.message, span: 'filled' as const }] : []),
          ...(match.responseNote ? [{ key: 'responseNote', label: t('centreOps.requests.responseNote'), children: match.responseNote, span: 'filled' as const }] : []),
          ...(match.status === 'accepted' || match.status === 'completed'
            ? [{ key: 'results', label: t('centreOps.requests.results'), children: <MatchResults match={match} />, span: 'filled' as const }]
            : []),
        ]}
      />
    </Card>
  );
}

/** Requests from enterprises to this centre: the need behind each, the answer the user may give, and the results once trained. */
export function RequestsTab() {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useListState(filterKeys, { pageSize: 10, sort: '-requestedAt' });
  const matches = useIncomingMatches(list.query);
  const [answering, setAnswering] = useState<{ match: TrainingMatch; answer: Answer } | null>(null);
  const status = list.state.filters.status ?? '';

  return (
    <Flex vertical gap={12} data-testid="requests-tab">
      <Typography.Text type="secondary">{t('centreOps.requests.hint')}</Typography.Text>
      <Segmented<string>
        value={status}
        onChange={(value) => list.setFilters({ status: value || undefined })}
        data-testid="requests-status"
        options={[{ value: '', label: t('common.all') }, ...(['requested', 'accepted', 'completed', 'declined', 'cancelled'] as const).map((s) => ({ value: s, label: trainingMatchStatusLabels[s][locale] }))]}
        style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
      />
      {matches.error ? <Alert type="error" showIcon title={errorText(t, matches.error)} /> : null}
      {matches.isPending ? (
        <Skeleton active />
      ) : matches.data?.items.length ? (
        matches.data.items.map((match) => <RequestCard key={match.id} match={match} onAnswer={(answer) => setAnswering({ match, answer })} />)
      ) : (
        <Empty description={t('centreOps.requests.empty')} />
      )}
      {(matches.data?.total ?? 0) > list.state.pageSize && (
        <Pagination
          align="end"
          current={list.state.page}
          pageSize={list.state.pageSize}
          total={matches.data?.total ?? 0}
          showTotal={(total) => t('common.total', { count: total })}
          onChange={(page, pageSize) => list.onTableChange({ current: page, pageSize }, {}, {})}
        />
      )}
      <RespondMatchModal match={answering?.match ?? null} answer={answering?.answer ?? null} onClose={() => setAnswering(null)} />
    </Flex>
  );
}
