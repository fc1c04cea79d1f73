import { Card, Descriptions, Drawer, Flex, Grid, Result, Skeleton, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { roleLabels, trainingMatchStatusLabels, type Role, type TrainingMatchStatus } from '@fulcrum/shared';
import { ApiError } from '../../../lib/api.ts';
import { errorText } from '../../../lib/forms.ts';
import { useLocale } from '../../../lib/session.ts';
import { useMatch } from '../api/use-match.ts';
import { occupationLevel, percent } from './labels.ts';
import { ResultsSummary, ResultsTable } from './match-results.tsx';
import { ScoreBreakdown } from './score-breakdown.tsx';
import { MatchStatusTag, NeedStatusTag } from './status-tags.tsx';

const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** One match for reading: the need, enterprise → centre, the score as requested, its history and the trainees' results. */
export function MatchDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const screens = Grid.useBreakpoint();
  const match = useMatch(id);
  const m = match.data;

  let body: React.ReactNode = <Skeleton active paragraph={{ rows: 10 }} />;
  if (match.error) {
    const missing = match.error instanceof ApiError && (match.error.status === 404 || match.error.status === 400);
    body = <Result status={missing ? '404' : 'error'} title={missing ? t('common.notFound') : errorText(t, match.error)} />;
  } else if (m) {
    body = (
      <Flex vertical gap={16}>
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[
            { key: 'enterprise', label: t('matching.fields.enterprise'), children: m.organisationName },
            {
              key: 'centre',
              label: t('matching.fields.centre'),
              children: (
                <>
                  {m.centreOrganisationName} <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>{m.certificateNo}</Typography.Text>
                </>
              ),
            },
            { key: 'status', label: t('matching.fields.status'), children: <MatchStatusTag status={m.status} /> },
            {
              key: 'need',
              label: t('matching.board.need'),
              children: (
                <Flex gap={8} wrap align="center">
                  <span>{occupationLevel(m.need.occupation, m.need.level, locale)}</span>
                  <span>{t('matching.headcountValue', { count: m.need.headcount })}</span>
                  <NeedStatusTag status={m.need.status} />
                </Flex>
              ),
            },
            { key: 'period', label: t('matching.fields.period'), children: `${m.need.preferredStart} ~ ${m.need.preferredEnd}` },
            { key: 'location', label: t('matching.fields.location'), children: m.need.location ?? '—' },
            { key: 'message', label: t('matching.fields.message'), children: m.message ?? '—' },
            { key: 'requestedAt', label: t('matching.fields.requestedAt'), children: when(m.requestedAt) },
            { key: 'respondedAt', label: t('matching.fields.respondedAt'), children: when(m.respondedAt) },
            ...(m.responseNote ? [{ key: 'responseNote', label: t('matching.fields.responseNote'), children: m.responseNote }] : []),
            ...(m.completedAt ? [{ key: 'completedAt', label: t('matching.fields.completedAt'), children: when(m.completedAt) }] : []),
          ]}
        />
        <Card size="small" title={`${t('matching.need.score')} ${percent(m.score, locale)}`}>
          <ScoreBreakdown components={m.components} />
        </Card>
        <Card size="small" title={t('matching.need.results')}>
          <Flex vertical gap={8}>
            <ResultsSummary results={m.results} />
            <ResultsTable results={m.results} />
          </Flex>
        </Card>
        <Card size="small" title={t('matching.board.history')}>
          <Timeline
            data-testid="match-history"
            items={m.history.map((event) => ({
              key: event.id,
              content: (
                <>
                  <Typography.Text strong>
                    {event.toState in trainingMatchStatusLabels ? trainingMatchStatusLabels[event.toState as TrainingMatchStatus][locale] : event.toState}
                  </Typography.Text>
                  <div>
                    <Typography.Text type="secondary">
                      {when(event.at)} · {[event.actorName, event.actorRole && event.actorRole in roleLabels ? roleLabels[event.actorRole as Role][locale] : event.actorRole].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  </div>
                  {event.comment && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{event.comment}</Typography.Paragraph>}
                </>
              ),
            }))}
          />
        </Card>
      </Flex>
    );
  }

  return (
    <Drawer open={Boolean(id)} onClose={onClose} size={screens.md ? 720 : '100%'} destroyOnHidden title={t('matching.board.detail')} data-testid="match-drawer">
      {body}
    </Drawer>
  );
}
