import { useEffect, useRef, useState } from 'react';
import { Button, Card, Empty, Flex, Progress, Typography } from 'antd';
import { CaretRightOutlined, LeftOutlined, PauseOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SegmentTracker } from './segments.ts';
import type { Playback } from './use-study-session.ts';

/**
 * A micro-course without media plays as a timed sequence of cards made from its text: the lesson's duration is shared
 * among the cards, a running timer is "playing", and jumping to another card is a seek (no credit for skipped time).
 */
export function CardSequence({ cards, durationSeconds, resumeAt, playback }: { cards: string[]; durationSeconds: number; resumeAt: number | null; playback: React.RefObject<() => Playback> }) {
  const { t } = useTranslation();
  const perCard = cards.length ? durationSeconds / cards.length : durationSeconds;
  const [position, setPosition] = useState(() => Math.min(resumeAt ?? 0, durationSeconds));
  const [isPlaying, setPlaying] = useState(false);
  const tracker = useRef(new SegmentTracker());
  const live = useRef({ position, isPlaying });

  useEffect(() => {
    live.current = { position, isPlaying };
  }, [position, isPlaying]);
  useEffect(() => {
    playback.current = () => ({ position: live.current.position, playing: live.current.isPlaying, segments: tracker.current.drain(), playbackRate: 1 });
  }, [playback]);
  useEffect(() => {
    if (!isPlaying) return;
    const tick = setInterval(() => {
      setPosition((p) => {
        const next = Math.min(durationSeconds, p + 1);
        tracker.current.played(next);
        if (next >= durationSeconds) setPlaying(false);
        return next;
      });
    }, 1000);
    tracker.current.played(live.current.position);
    return () => {
      clearInterval(tick);
      tracker.current.close();
    };
  }, [isPlaying, durationSeconds]);

  if (!cards.length) return <Empty description={t('studyTime.player.cards.empty')} />;
  const index = Math.min(cards.length - 1, Math.floor(position / perCard));
  const jump = (card: number) => {
    tracker.current.close();
    setPosition(Math.max(0, Math.min(cards.length - 1, card)) * perCard);
  };
  const cardProgress = Math.round(((position - index * perCard) / perCard) * 100);
  return (
    <Card data-testid="card-sequence" styles={{ body: { minHeight: 220 } }}>
      <Typography.Text type="secondary">{t('studyTime.player.cards.progress', { current: index + 1, total: cards.length })}</Typography.Text>
      <Typography.Paragraph style={{ fontSize: 17, lineHeight: 1.8, marginTop: 12, minHeight: 120 }} data-testid="card-text">
        {cards[index]}
      </Typography.Paragraph>
      <Progress percent={Math.min(100, Math.max(0, cardProgress))} showInfo={false} size="small" />
      <Flex justify="space-between" style={{ marginTop: 12 }}>
        <Button icon={<LeftOutlined />} disabled={index === 0} onClick={() => jump(index - 1)} data-testid="card-previous">
          {t('studyTime.player.cards.previous')}
        </Button>
        <Button type="primary" icon={isPlaying ? <PauseOutlined /> : <CaretRightOutlined />} onClick={() => setPlaying(!isPlaying)} data-testid="card-play">
          {isPlaying ? t('studyTime.player.cards.pause') : t('studyTime.player.cards.play')}
        </Button>
        <Button icon={<RightOutlined />} iconPlacement="end" disabled={index >= cards.length - 1} onClick={() => jump(index + 1)} data-testid="card-next">
          {t('studyTime.player.cards.next')}
        </Button>
      </Flex>
    </Card>
  );
}
