import { useRef } from 'react';
import { App, Button, Card, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { studyTimeText, type LessonPlayer } from '@fulcrum/shared';
import { ApiError } from '../../../lib/api.ts';
import { errorText } from '../../../lib/forms.ts';
import { useLessonPlayer } from '../api/use-lesson-player.ts';
import { useMarkLearned } from '../api/use-mark-learned.ts';
import { CardSequence } from '../components/card-sequence.tsx';
import { ElsewhereLesson } from '../components/elsewhere-lesson.tsx';
import { DocumentLesson, TextLesson } from '../components/reading-lesson.tsx';
import { StudySummary } from '../components/study-summary.tsx';
import { microCourseCards, textBlocksOf } from '../components/text-blocks.ts';
import { stillPlayback, useStudySession, type Playback } from '../components/use-study-session.ts';
import { VideoLesson } from '../components/video-lesson.tsx';
import '../i18n.ts';

const mediaUrl = (mediaId: string | null) => (mediaId ? `/api/v1/learning/media/${mediaId}/content` : null);
const isStudied = (kind: string) => ['video', 'micro_course', 'document', 'rich_text'].includes(kind);
const isPlayed = (kind: string) => kind === 'video' || kind === 'micro_course';

/** The lesson's content by kind; the playback ref is how the heartbeat reads what was played. */
function LessonContent({ data, playback }: { data: LessonPlayer; playback: React.RefObject<() => Playback> }) {
  const { lesson, state } = data;
  const src = mediaUrl(lesson.mediaId);
  const isVideo = src !== null && (lesson.mediaContentType ?? '').startsWith('video/');
  if (lesson.kind === 'video' || (lesson.kind === 'micro_course' && isVideo)) {
    return src ? <VideoLesson src={src} resumeAt={state.lastPosition} playback={playback} /> : <TextLesson body={null} />;
  }
  if (lesson.kind === 'micro_course') return <CardSequence cards={microCourseCards(lesson)} durationSeconds={lesson.durationSeconds} resumeAt={state.lastPosition} playback={playback} />;
  if (lesson.kind === 'document') return <DocumentLesson src={src} />;
  if (lesson.kind === 'rich_text') return <TextLesson body={lesson.body} />;
  return <ElsewhereLesson kind={lesson.kind} />;
}

/** "Mark as learned" for documents and rich text, once the minimum credited time is reached. */
function MarkLearned({ data, creditedSeconds, isCompleted }: { data: LessonPlayer; creditedSeconds: number; isCompleted: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mark = useMarkLearned(data.lesson.id);
  if (isCompleted) return null;
  const isReady = creditedSeconds >= data.markLearnedAfterSeconds;
  return (
    <Flex vertical gap={4}>
      <Button
        type="primary"
        block
        icon={<CheckOutlined />}
        disabled={!isReady}
        loading={mark.isPending}
        data-testid="mark-learned"
        onClick={() => mark.mutate(undefined, { onSuccess: () => void message.success(t('studyTime.player.markedDone')), onError: (e) => void message.error(errorText(t, e)) })}
      >
        {t('studyTime.player.markLearned')}
      </Button>
      {!isReady && <Typography.Text type="secondary">{t('studyTime.player.markLearnedHint', { time: studyTimeText(data.markLearnedAfterSeconds) })}</Typography.Text>}
    </Flex>
  );
}

function Player({ data }: { data: LessonPlayer }) {
  const { t } = useTranslation();
  const playback = useRef<() => Playback>(stillPlayback);
  const { lesson } = data;
  const session = useStudySession(lesson.id, isStudied(lesson.kind), playback);
  const state = session.lesson ?? data.state;
  const today = session.today ?? data.today;
  const isReading = lesson.kind === 'document' || lesson.kind === 'rich_text';
  return (
    <Flex vertical gap={12}>
      <div>
        <Typography.Text type="secondary">{lesson.courseTitle}</Typography.Text>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="lesson-title">
          {lesson.title}
        </Typography.Title>
        {lesson.description && lesson.kind !== 'micro_course' && <Typography.Paragraph type="secondary">{textBlocksOf(lesson.description).join(' ')}</Typography.Paragraph>}
      </div>
      <LessonContent data={data} playback={playback} />
      {lesson.knowledgePoints.length > 0 && (
        <Flex wrap gap={4} align="center" data-testid="lesson-knowledge-points">
          <Typography.Text type="secondary">{t('studyTime.player.knowledgePoints')}</Typography.Text>
          {lesson.knowledgePoints.map((p) => (
            <Tag key={p.id} color="blue">
              {p.name}
            </Tag>
          ))}
        </Flex>
      )}
      {isStudied(lesson.kind) && <StudySummary today={today} state={state} status={session.status} isPlayed={isPlayed(lesson.kind)} onStillHere={session.touch} />}
      {isReading && <MarkLearned data={data} creditedSeconds={state.creditedSeconds} isCompleted={state.completed} />}
    </Flex>
  );
}

/** /m/lessons/:id — the lesson player for every kind, with trustworthy study time (heartbeats, watched ranges, cap). */
export default function LessonPlayerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const player = useLessonPlayer(id);
  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)} style={{ paddingLeft: 0 }} data-testid="lesson-back">
      {t('studyTime.player.back')}
    </Button>
  );
  if (player.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (player.error) {
    const status = player.error instanceof ApiError ? player.error.status : 0;
    const title = status === 403 ? t('studyTime.player.notLearner') : status === 404 ? t('studyTime.player.notFound') : errorText(t, player.error);
    return (
      <Card>
        {back}
        <Result status={status === 404 ? '404' : 'warning'} title={title} />
      </Card>
    );
  }
  return (
    <div data-testid="lesson-player-page">
      {back}
      <Player key={id} data={player.data} />
    </div>
  );
}
