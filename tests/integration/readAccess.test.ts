/**
 * Who may read a session, route by route, through the app's `request()` (no socket): every read
 * route applies the one rule of `readableSession()` (http/auth.ts) — the admin secret, any link of
 * the session, or anyone once it is published — and a session's history (versions) is read by
 * the admin and its links only. Strangers are refused before existence is told.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/database.ts';
import { TEST_ADMIN_TOKEN } from '../helpers/server.ts';
import { newSession, type SessionTokens } from '../helpers/sessions.ts';
import { useTestServer } from '../helpers/testServer.ts';

/** The read routes `readableSession()` guards (anyone may read them once the session is public). */
const SESSION_READS = ['', '/blocks', '/export?format=md'];
/** History, readable by the admin and the session's links, never by the public. */
const HISTORY_READS = ['/versions'];

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe.each(backends())('read access on %s', (backend) => {
  const suite = useTestServer(backend);
  let mine: SessionTokens;
  let other: SessionTokens;

  const get = async (id: string, suffix: string, token?: string) => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const res = await suite.server.app.request(`/api/sessions/${id}${suffix}`, { headers });
    return res.status;
  };

  beforeAll(async () => {
    mine = await newSession(suite.server, 'Plenary');
    other = await newSession(suite.server, 'Committee');
  });

  for (const suffix of [...SESSION_READS, ...HISTORY_READS]) {
    const route = `GET /api/sessions/:id${suffix}`;
    it(`${route}: a link of the session and the admin read a private session`, async () => {
      expect(await get(mine.id, suffix, mine.observer)).toBe(200);
      expect(await get(mine.id, suffix, mine.editor)).toBe(200);
      expect(await get(mine.id, suffix, TEST_ADMIN_TOKEN)).toBe(200);
    });

    it(`${route}: no token is 401, another session's link 403, a wrong secret 401`, async () => {
      expect(await get(mine.id, suffix)).toBe(401);
      expect(await get(mine.id, suffix, other.observer)).toBe(403);
      expect(await get(mine.id, suffix, 'not-the-admin-secret')).toBe(401);
    });

    it(`${route}: an unknown session is 404 for the admin, 401 for a stranger`, async () => {
      expect(await get(UNKNOWN, suffix, TEST_ADMIN_TOKEN)).toBe(suffix.startsWith('/versions') ? 200 : 404);
      expect(await get(UNKNOWN, suffix)).toBe(401);
    });
  }

  it('a published session is read by anyone, but its history is not', async () => {
    const published = await newSession(suite.server, 'Published');
    await suite.server.sessions.setPublic(published.id, true);
    for (const suffix of SESSION_READS) expect(await get(published.id, suffix), suffix).toBe(200);
    for (const suffix of HISTORY_READS) expect(await get(published.id, suffix), suffix).toBe(401);
  });

  it('SessionStore.delete removes a session and what hangs off it', async () => {
    const doomed = await newSession(suite.server, 'Doomed');
    await suite.server.log.append(doomed.id, new Uint8Array([0, 0]));
    await suite.server.sessions.delete(doomed.id);
    expect(await suite.server.sessions.get(doomed.id)).toBeNull();
    expect(await suite.server.sessions.getRecent(doomed.id)).toBeNull();
    expect(await suite.server.log.rows(doomed.id)).toEqual([]);
    expect(await get(doomed.id, '', TEST_ADMIN_TOKEN)).toBe(404);
  });
});
