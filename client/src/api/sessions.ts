import type { CreateSessionRequest, Grant, Role, Session, SessionLinks } from '@rapporteur/shared/api';
import { loadAdminToken } from './credentials.ts';
import { requestJson } from './http.ts';

export type { Grant, Role, Session, SessionLinks };

const sessionPath = (id: string) => `/api/sessions/${encodeURIComponent(id)}`;

/** All sessions this server holds (admin: this machine, or the admin token). */
export async function listSessions(signal?: AbortSignal): Promise<Session[]> {
  const res = await requestJson<{ sessions: Session[] }>('GET', '/api/sessions', { token: loadAdminToken(), signal });
  return res.sessions;
}

/** Create a session (admin); the answer carries its links, shown this once. */
export function createSession(input: CreateSessionRequest): Promise<Session & { links: SessionLinks }> {
  return requestJson('POST', '/api/sessions', { body: input, token: loadAdminToken() });
}

/** One session by id, read with a token of that session (published sessions need none). */
export function getSession(id: string, token: string | null, signal?: AbortSignal): Promise<Session> {
  return requestJson<Session>('GET', sessionPath(id), { token, signal });
}

/** What `token` grants on session `id`, and whether this browser is an admin of the server. */
export function getGrant(id: string, token: string | null, signal?: AbortSignal): Promise<Grant> {
  return requestJson<Grant>('GET', `${sessionPath(id)}/me`, { token: token ?? loadAdminToken(), signal });
}

/** Mint a new link for a role (admins, or editors of the session with their token). */
export function mintLink(id: string, role: Role, token: string | null): Promise<{ role: Role; link: string }> {
  return requestJson('POST', `${sessionPath(id)}/links`, { body: { role }, token: token ?? loadAdminToken() });
}

/** Move a session to `status` (editors). `final` returns only once the server stored and locked it. */
export function setSessionStatus(
  id: string,
  status: Session['status'],
  token: string | null,
  headers?: Record<string, string>,
): Promise<Session> {
  return requestJson('POST', `${sessionPath(id)}/status`, { body: { status }, token, headers });
}

/** Publish a session (anyone may follow it without a link) or withdraw it (editors). */
export function setSessionPublic(id: string, isPublic: boolean, token: string | null): Promise<Session> {
  return requestJson('POST', `${sessionPath(id)}/public`, { body: { public: isPublic }, token });
}
