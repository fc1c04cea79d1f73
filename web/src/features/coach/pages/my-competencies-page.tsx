import { Card, Empty, Flex, Progress, Result, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { CoachMasteryItem } from '@fulcrum/shared';
import { ApiError } from '../../../lib/api.ts';
import { errorText } from '../../../lib/forms.ts';
import { useMyCoach } from '../api/use-my-coach.ts';
import { useMyMastery } from '../api/use-my-mastery.ts';
import { percent } from '../components/format.ts';
import { LevelBar } from '../components/level-bar.tsx';
import '../i18n.ts';

function MasteryRow({ item }: { item: CoachMasteryItem }) {
  const { t } = useTranslation();
  return (
    <div data-testid="mastery-row" style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Flex justify="space-between" align="start" gap={8}>
        <Typography.Text strong style={{ minWidth: 0 }}>
          {item.name}
        </Typography.Text>
        {item.mastered && (
          <Tag color="success" style={{ marginInlineEnd: 0 }}>
            {t('coach.competencies.mastered')}
          </Tag>
        )}
      </Flex>
      <Progress percent={percent(item.mastery)} size="small" status={item.mastered ? 'success' : 'normal'} format={() => t('coach.competencies.mastery', { percent: percent(item.mastery) })} />
      <Flex gap={12} wrap style={{ fontSize: 12, color: '#595959' }}>
        <span>{item.answers ? t('coach.competencies.answers', { correct: item.correct, answers: item.answers }) : t('coach.competencies.noAnswers')}</span>
        <span>{item.reviewDueAt ? t('coach.competencies.reviewDue', { date: dayjs(item.reviewDueAt).format('YYYY-MM-DD') }) : t('coach.competencies.reviewNone')}</span>
      </Flex>
    </div>
  );
}

/** /m/competencies — 我的能力: the role's competencies (required vs current level and the gap) and the knowledge points' mastery. */
export default function MyCompetenciesPage() {
  const { t } = useTranslation();
  const coach = useMyCoach();
  const mastery = useMyMastery();

  if (coach.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 5 }} />
      </Card>
    );
  }
  if (coach.error) {
    const notPerson = coach.error instanceof ApiError && coach.error.status === 404;
    return (
      <Card>
        <Result status={notPerson ? 'info' : 'error'} title={notPerson ? t('coach.card.notPerson') : errorText(t, coach.error)} />
      </Card>
    );
  }
  const { roleProfile, gaps } = coach.data;
  // Half a level of room past the highest level shown, so the requirement's line never sits on the bar's end.
  const scale = Math.max(1, ...gaps.map((g) => Math.max(g.requiredLevel, Math.ceil(g.progress)))) + 0.5;
  return (
    <Flex vertical gap={12} data-testid="my-competencies-page">
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('coach.competencies.title')}
        </Typography.Title>
        {roleProfile && <Typography.Text type="secondary">{t('coach.competencies.subTitle', { profile: roleProfile.name })}</Typography.Text>}
      </div>
      <Card size="small">
        {roleProfile ? (
          <Flex vertical gap={16}>
            {gaps.map((g) => (
              <LevelBar key={g.competencyId} gap={g} scale={scale} />
            ))}
          </Flex>
        ) : (
          <Empty description={t('coach.competencies.noProfile')} data-testid="competencies-no-profile" />
        )}
      </Card>
      <Card size="small" title={t('coach.competencies.pointsTitle')} loading={mastery.isPending}>
        {mastery.error ? (
          <Typography.Text type="danger">{errorText(t, mastery.error)}</Typography.Text>
        ) : mastery.data?.items.length ? (
          mastery.data.items.map((item) => <MasteryRow key={item.knowledgePointId} item={item} />)
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('coach.competencies.pointsEmpty')} />
        )}
      </Card>
    </Flex>
  );
}
