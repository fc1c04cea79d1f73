import { useEffect, useRef } from 'react';
import type { Playback } from './use-study-session.ts';
import { SegmentTracker } from './segments.ts';

/** The fastest speed that still counts (the server cuts anything faster). */
const MAX_RATE = 2;

/** An HTML5 video from the media URL (streamed with ranges), resuming where the learner left off, reporting what played. */
export function VideoLesson({ src, resumeAt, playback }: { src: string; resumeAt: number | null; playback: React.RefObject<() => Playback> }) {
  const video = useRef<HTMLVideoElement>(null);
  const tracker = useRef(new SegmentTracker());

  useEffect(() => {
    playback.current = () => {
      const v = video.current;
      if (!v) return { position: null, playing: false, segments: tracker.current.drain(), playbackRate: 1 };
      return { position: v.currentTime, playing: !v.paused && !v.ended, segments: tracker.current.drain(), playbackRate: v.playbackRate };
    };
  }, [playback]);

  const stop = () => tracker.current.close();
  return (
    <video
      ref={video}
      src={src}
      controls
      playsInline
      preload="metadata"
      style={{ width: '100%', maxHeight: '56vh', background: '#000', borderRadius: 8 }}
      data-testid="lesson-video"
      onLoadedMetadata={(e) => {
        if (resumeAt && resumeAt < e.currentTarget.duration - 1) e.currentTarget.currentTime = resumeAt;
      }}
      onTimeUpdate={(e) => {
        if (!e.currentTarget.paused && !e.currentTarget.seeking) tracker.current.played(e.currentTarget.currentTime);
      }}
      onPause={stop}
      onSeeking={stop}
      onEnded={stop}
      onRateChange={(e) => {
        if (e.currentTarget.playbackRate > MAX_RATE) e.currentTarget.playbackRate = MAX_RATE;
      }}
    />
  );
}
