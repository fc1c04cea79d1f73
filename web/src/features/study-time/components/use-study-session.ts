import { useEffect, useRef, useState } from 'react';
import { STUDY_HEARTBEAT_SECONDS, type HeartbeatReason, type LessonStudyState, type StudyToday } from '@fulcrum/shared';
import { ApiError } from '../../../lib/api.ts';
import { endStudySession, openStudySession, sendHeartbeat } from '../api/study-session.ts';
import type { Segment } from './segments.ts';

/** What the lesson on screen reports at each beat. */
export interface Playback {
  position: number | null;
  playing: boolean;
  segments: Segment[];
  playbackRate: number;
}
export const stillPlayback = (): Playback => ({ position: null, playing: false, segments: [], playbackRate: 1 });

export type SessionStatus = HeartbeatReason | 'starting';

/** Beats every 15 s give or take 1.5 s: a person's tab never keeps a script's exact rhythm. */
const nextBeatMs = () => STUDY_HEARTBEAT_SECONDS * 1000 + Math.round((Math.random() - 0.5) * 3000);

/** This tab's key, kept for the tab's life so the server can tell parallel tabs and devices apart. */
function clientKeyOf(): string {
  const stored = sessionStorage.getItem('fulcrum-study-client');
  if (stored) return stored;
  const key = `tab-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  sessionStorage.setItem('fulcrum-study-client', key);
  return key;
}

const isFocused = () => document.visibilityState === 'visible' && document.hasFocus();
const interactionEvents = ['pointerdown', 'keydown', 'wheel', 'scroll', 'touchstart', 'mousemove'] as const;

/**
 * The study session of a lesson while its page is open: opens it, beats with what `read` reports, reopens a session
 * the server ended, and ends it when the page goes away (pagehide or leaving the page). The server decides the credit.
 */
export function useStudySession(lessonId: string, enabled: boolean, read: React.RefObject<() => Playback>) {
  const [status, setStatus] = useState<SessionStatus>('starting');
  const [lesson, setLesson] = useState<LessonStudyState | null>(null);
  const [today, setToday] = useState<StudyToday | null>(null);
  const lastInteraction = useRef(0);

  useEffect(() => {
    if (!enabled) return;
    lastInteraction.current = Date.now();
    const touch = () => {
      lastInteraction.current = Date.now();
    };
    for (const name of interactionEvents) window.addEventListener(name, touch, { passive: true });
    return () => {
      for (const name of interactionEvents) window.removeEventListener(name, touch);
    };
  }, [enabled]);

  useEffect(() => {
    if (!enabled) return;
    let sessionId: string | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let isStopped = false;
    const open = async () => {
      const opened = await openStudySession(lessonId, clientKeyOf());
      sessionId = opened.session.id;
      setLesson(opened.lesson);
      setToday(opened.today);
    };
    const beat = async () => {
      try {
        if (!sessionId) await open();
        const playback = read.current();
        const answer = await sendHeartbeat(sessionId!, { ...playback, focused: isFocused(), lastInteractionAt: new Date(lastInteraction.current).toISOString() });
        setStatus(answer.reason);
        setLesson(answer.lesson);
        setToday(answer.today);
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) sessionId = null;
      }
      if (!isStopped) timer = setTimeout(() => void beat(), nextBeatMs());
    };
    const end = () => {
      if (sessionId) endStudySession(sessionId, { position: read.current().position });
      sessionId = null;
    };
    open()
      .then(() => setStatus('credited'))
      .catch(() => setStatus('ended'))
      .finally(() => {
        if (!isStopped) timer = setTimeout(() => void beat(), nextBeatMs());
      });
    window.addEventListener('pagehide', end);
    return () => {
      isStopped = true;
      clearTimeout(timer);
      window.removeEventListener('pagehide', end);
      end();
    };
  }, [lessonId, enabled, read]);

  return {
    status,
    lesson,
    today,
    /** The learner says they are still there (after an idle pause). */
    touch: () => {
      lastInteraction.current = Date.now();
    },
  };
}
