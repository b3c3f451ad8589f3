import type { CreateSessionRequest, Session } from '@rapporteur/shared/api';
import { requestJson } from './http.ts';

export type { Session };

/** All sessions this server holds. */
export async function listSessions(signal?: AbortSignal): Promise<Session[]> {
  const res = await requestJson<{ sessions: Session[] }>('GET', '/api/sessions', undefined, signal);
  return res.sessions;
}

/** One session by id (throws ApiRequestError with status 404 when it does not exist). */
export function getSession(id: string, signal?: AbortSignal): Promise<Session> {
  return requestJson<Session>('GET', `/api/sessions/${encodeURIComponent(id)}`, undefined, signal);
}

/** Create a session; the server validates the title and start time and explains any refusal. */
export function createSession(input: CreateSessionRequest): Promise<Session> {
  return requestJson<Session>('POST', '/api/sessions', input);
}
