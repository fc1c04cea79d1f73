import type { EndStudySessionRequest, HeartbeatRequest, HeartbeatResponse, OpenStudySessionResponse } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/*
 * The study session's requests. They are called by the player's timer rather than by a query hook: a session lives as
 * long as the page, and its end must still go out while the page is being hidden.
 */

export const openStudySession = (lessonId: string, clientKey: string) => api.post<OpenStudySessionResponse>('/learning/study/sessions', { lessonId, clientKey });

export const sendHeartbeat = (sessionId: string, beat: HeartbeatRequest) => api.post<HeartbeatResponse>(`/learning/study/sessions/${sessionId}/heartbeats`, beat);

/** Ends a session as the page goes away: a beacon (text/plain JSON) when the browser has one, else a keep-alive fetch. */
export function endStudySession(sessionId: string, body: EndStudySessionRequest): void {
  const url = `/api/v1/learning/study/sessions/${sessionId}/end`;
  const text = JSON.stringify(body);
  if (typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(url, text)) return;
  void fetch(url, { method: 'POST', keepalive: true, credentials: 'same-origin', headers: { 'content-type': 'application/json', 'x-requested-with': 'fulcrum' }, body: text }).catch(() => undefined);
}
