import { App, Button, Card, Empty, Flex, Typography } from 'antd';
import { RightOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MyCoach } from '@fulcrum/shared';
import { ApiError } from '../../../lib/api.ts';
import { errorText } from '../../../lib/forms.ts';
import { useCreatePushes } from '../api/use-create-pushes.ts';
import { useMyCoach } from '../api/use-my-coach.ts';
import { usePushAction, type PushAction } from '../api/use-push-action.ts';
import { PushItem } from './push-item.tsx';
import '../i18n.ts';

/** Why the card has nothing to show: no role to measure against, nothing left to learn, or nothing eligible now. */
function emptyReason(coach: MyCoach): 'noProfile' | 'nothingLeft' | 'nothingNow' {
  if (!coach.roleProfile) return 'noProfile';
  return coach.gaps.every((g) => g.gap <= 0) ? 'nothingLeft' : 'nothingNow';
}

/**
 * The employee home's 「AI教练推荐」: today's pushes with their reasons and, below, the live recommendations not yet
 * pushed. Study opens the lesson (and tells the coach), later and not interested take the push off today's list at once.
 */
export function CoachCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const coach = useMyCoach();
  const create = useCreatePushes();
  const action = usePushAction();

  const act = (lessonId: string, pushId: string | undefined, kind: PushAction) => {
    if (kind === 'open') {
      // The lesson opens at once; the coach hears of it in the background.
      if (pushId) action.mutate({ id: pushId, action: 'open' }, { onError: (error) => void message.error(errorText(t, error)) });
      void navigate(`/m/lessons/${lessonId}`);
      return;
    }
    if (!pushId) return;
    action.mutate(
      { id: pushId, action: kind },
      {
        onSuccess: () => void message.success(t(kind === 'snooze' ? 'coach.item.snoozed' : 'coach.item.dismissed')),
        onError: (error) => void message.error(errorText(t, error)),
      },
    );
  };
  const pendingOf = (pushId: string) => (action.isPending && action.variables?.id === pushId ? action.variables.action : undefined);

  const title = (
    <Flex align="center" gap={6}>
      <ThunderboltOutlined style={{ color: '#1677ff' }} />
      {t('coach.card.title')}
    </Flex>
  );
  const extra = (
    <Button type="link" size="small" onClick={() => void navigate('/m/competencies')} style={{ paddingInline: 0 }} data-testid="coach-competencies-link">
      {t('coach.card.myCompetencies')} <RightOutlined />
    </Button>
  );

  if (coach.isPending) return <Card title={title} loading style={{ marginBottom: 12 }} />;
  if (coach.error) {
    const notPerson = coach.error instanceof ApiError && coach.error.status === 404;
    return (
      <Card title={title} style={{ marginBottom: 12 }} data-testid="coach-card">
        <Typography.Text type={notPerson ? 'secondary' : 'danger'} data-testid="coach-error">
          {notPerson ? t('coach.card.notPerson') : errorText(t, coach.error)}
        </Typography.Text>
      </Card>
    );
  }

  const data = coach.data;
  const pushed = new Set(data.pushes.map((p) => p.lessonId));
  const more = data.recommendations.filter((r) => !pushed.has(r.lessonId));
  const canFetch = data.pushes.length === 0 && more.length > 0 && data.pushedToday < data.dailyCap;
  return (
    <Card title={title} extra={extra} style={{ marginBottom: 12 }} styles={{ body: { paddingTop: 8 } }} data-testid="coach-card">
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('coach.card.subTitle')}
      </Typography.Text>
      {data.roleProfile && (
        <div style={{ fontSize: 12, color: '#8c8c8c', marginTop: 2 }} data-testid="coach-today">
          {t('coach.card.today', { count: data.pushedToday, cap: data.dailyCap })}
        </div>
      )}
      {data.pushes.map((p) => (
        <PushItem key={p.id} item={p} pushId={p.id} status={p.status} pending={pendingOf(p.id)} onAction={(kind) => act(p.lessonId, p.id, kind)} testId="coach-push" />
      ))}
      {canFetch && (
        <Button
          type="primary"
          block
          icon={<ThunderboltOutlined />}
          loading={create.isPending}
          style={{ margin: '12px 0 4px' }}
          onClick={() => create.mutate(undefined, { onError: (error) => void message.error(errorText(t, error)) })}
          data-testid="coach-fetch"
        >
          {create.isPending ? t('coach.card.fetching') : t('coach.card.fetch')}
        </Button>
      )}
      {data.pushes.length === 0 && data.pushedToday >= data.dailyCap && (
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }} data-testid="coach-cap">
          {t('coach.card.capReached', { cap: data.dailyCap })}
        </Typography.Paragraph>
      )}
      {more.length > 0 && (
        <>
          <Typography.Text strong style={{ display: 'block', marginTop: 14 }}>
            {t('coach.card.more')}
          </Typography.Text>
          {more.map((r) => (
            <PushItem key={r.lessonId} item={r} onAction={(kind) => act(r.lessonId, undefined, kind)} testId="coach-recommendation" />
          ))}
        </>
      )}
      {data.pushes.length === 0 && more.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`coach.card.${emptyReason(data)}`)} data-testid="coach-empty" data-reason={emptyReason(data)} />
      )}
    </Card>
  );
}
