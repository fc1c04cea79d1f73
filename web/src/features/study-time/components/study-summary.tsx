import { Alert, Button, Card, Flex, Progress, Tag, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { studyTimeText, type LessonStudyState, type StudyToday } from '@fulcrum/shared';
import type { SessionStatus } from './use-study-session.ts';

const warnings: SessionStatus[] = ['superseded', 'unfocused', 'idle', 'daily_cap'];

/** H:MM:SS, so the learner sees each beat's seconds arrive. */
const clockText = (seconds: number) => `${studyTimeText(seconds)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

/** Today's credited time against the cap, this lesson's time and watched share, and why time is (not) counting. */
export function StudySummary(props: { today: StudyToday; state: LessonStudyState; status: SessionStatus; isPlayed: boolean; onStillHere: () => void }) {
  const { t } = useTranslation();
  const { today, state, status } = props;
  const isCapped = today.creditedSeconds >= today.capSeconds;
  return (
    <Card size="small" data-testid="study-summary">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text strong data-testid="study-today">
          <ClockCircleOutlined /> {t('studyTime.player.today', { time: clockText(today.creditedSeconds) })}
        </Typography.Text>
        <Typography.Text type="secondary" data-testid="study-cap">
          {t('studyTime.player.cap', { time: studyTimeText(today.capSeconds) })}
        </Typography.Text>
      </Flex>
      <Progress percent={Math.round((today.creditedSeconds / today.capSeconds) * 100)} showInfo={false} size="small" status={isCapped ? 'exception' : 'normal'} />
      {props.isPlayed && (
        <div data-testid="study-watched">
          <Typography.Text type="secondary">{t('studyTime.player.watched', { percent: state.watchedPercent })}</Typography.Text>
          <Progress percent={state.watchedPercent} size="small" success={{ percent: state.completed ? state.watchedPercent : 0 }} />
        </div>
      )}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('studyTime.player.credited', { time: clockText(state.creditedSeconds) })}</Typography.Text>
        {state.completed && (
          <Tag color="success" icon={<CheckCircleFilled />} data-testid="study-completed">
            {t('studyTime.player.completed')}
          </Tag>
        )}
      </Flex>
      <Alert
        style={{ marginTop: 8 }}
        type={warnings.includes(status) ? 'warning' : 'info'}
        showIcon
        data-testid="study-status"
        title={isCapped ? t('studyTime.player.capReached') : t(`studyTime.player.status.${status}`)}
        action={
          status === 'idle' ? (
            <Button size="small" onClick={props.onStillHere} data-testid="study-still-here">
              {t('studyTime.player.stillHere')}
            </Button>
          ) : undefined
        }
      />
    </Card>
  );
}
