/**
 * The session routes that change a session or tell a caller what its token is (`/me`, `/public`,
 * `/links`, `/status`, create and list), through the app's `request()` as Hono tests its own
 * routes: no socket, the real stores underneath. Each route's rule: who may call it, what a bad
 * body gets, and what the call changes for the next request.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { backends } from '../helpers/database.ts';
import { TEST_ADMIN_TOKEN } from '../helpers/server.ts';
import { newSession, type SessionTokens } from '../helpers/sessions.ts';
import { useTestServer } from '../helpers/testServer.ts';

describe.each(backends())('session routes through app.request on %s', (backend) => {
  const suite = useTestServer(backend);
  let s: SessionTokens;
  let other: SessionTokens;

  /** A request to the app as `token` (none: anonymous); JSON bodies are sent as JSON. */
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await suite.server.app.request(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeEach(async () => {
    s = await newSession(suite.server, 'Plenary');
    other = await newSession(suite.server, 'Committee');
  });

  it('GET /api/sessions/:id/me tells a link its role, the admin that it is admin, and anyone else nothing', async () => {
    expect((await call('GET', `/api/sessions/${s.id}/me`, s.noteTaker)).body).toEqual({
      sessionId: s.id,
      role: 'note-taker',
      admin: false,
    });
    expect((await call('GET', `/api/sessions/${s.id}/me`, TEST_ADMIN_TOKEN)).body).toEqual({
      sessionId: s.id,
      role: null,
      admin: true,
    });
    expect((await call('GET', `/api/sessions/${s.id}/me`)).body).toMatchObject({ role: null, admin: false });
    expect((await call('GET', `/api/sessions/${s.id}/me`, other.editor)).status).toBe(403);
    expect((await call('GET', '/api/sessions/not-a-uuid/me', s.editor)).status).toBe(400);
  });

  it('POST /api/sessions/:id/public: an editor publishes, and then anyone reads the session', async () => {
    expect((await call('GET', `/api/sessions/${s.id}`)).status).toBe(401);
    expect((await call('POST', `/api/sessions/${s.id}/public`, s.noteTaker, { public: true })).status).toBe(403);
    expect((await call('POST', `/api/sessions/${s.id}/public`, other.editor, { public: true })).status).toBe(403);
    expect((await call('POST', `/api/sessions/${s.id}/public`, undefined, { public: true })).status).toBe(401);
    expect((await call('POST', `/api/sessions/${s.id}/public`, s.editor, { public: 'yes' })).status).toBe(400);

    const published = await call('POST', `/api/sessions/${s.id}/public`, s.editor, { public: true });
    expect(published).toMatchObject({ status: 200, body: { id: s.id, public: true } });
    expect(await call('GET', `/api/sessions/${s.id}`)).toMatchObject({ status: 200, body: { public: true } });

    await call('POST', `/api/sessions/${s.id}/public`, s.editor, { public: false });
    expect((await call('GET', `/api/sessions/${s.id}`)).status).toBe(401);
  });

  it('POST /api/sessions/:id/status: an editor moves the session to review; note-takers and bad states are refused', async () => {
    expect((await call('POST', `/api/sessions/${s.id}/status`, s.noteTaker, { status: 'review' })).status).toBe(403);
    expect((await call('POST', `/api/sessions/${s.id}/status`, s.editor, { status: 'archived' })).status).toBe(400);
    const moved = await call('POST', `/api/sessions/${s.id}/status`, s.editor, { status: 'review' });
    expect(moved).toMatchObject({ status: 200, body: { status: 'review' } });
    expect((await call('GET', `/api/sessions/${s.id}`, s.observer)).body).toMatchObject({ status: 'review' });
  });

  it('POST /api/sessions/:id/links: an editor rotates a link, and the old one stops at once', async () => {
    expect((await call('POST', `/api/sessions/${s.id}/links`, s.noteTaker, { role: 'observer' })).status).toBe(403);
    expect((await call('POST', `/api/sessions/${s.id}/links`, s.editor, { role: 'admin' })).status).toBe(400);

    const minted = await call('POST', `/api/sessions/${s.id}/links`, s.editor, { role: 'observer', rotate: true });
    expect(minted).toMatchObject({ status: 201, body: { role: 'observer', revoked: 1 } });
    const fresh = new URL(String(minted.body.link), 'http://x').searchParams.get('token');
    expect((await call('GET', `/api/sessions/${s.id}`, s.observer)).status).toBe(401);
    expect((await call('GET', `/api/sessions/${s.id}`, fresh ?? '')).status).toBe(200);

    // the admin mints links of any session, even one it has no link of; an unknown one is 404
    expect((await call('POST', `/api/sessions/${s.id}/links`, TEST_ADMIN_TOKEN, { role: 'editor' })).status).toBe(201);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await call('POST', `/api/sessions/${unknown}/links`, TEST_ADMIN_TOKEN, { role: 'editor' })).status).toBe(
      404,
    );
  });

  it('POST and GET /api/sessions are the admin’s alone; a bad date is 400 with its message', async () => {
    expect((await call('GET', '/api/sessions', s.editor)).status).toBe(401);
    expect((await call('POST', '/api/sessions', s.editor, { title: 'Mine' })).status).toBe(401);
    const badDate = await call('POST', '/api/sessions', TEST_ADMIN_TOKEN, {
      title: 'T',
      startsAt: '1850-01-01T00:00:00Z',
    });
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(badDate.body)).toContain('startsAt');

    const created = await call('POST', '/api/sessions', TEST_ADMIN_TOKEN, { title: 'Side event' });
    expect(created).toMatchObject({ status: 201, body: { title: 'Side event', status: 'live', public: false } });
    expect(Object.keys(created.body.links as object).sort()).toEqual(['editor', 'noteTaker', 'observer']);
    const list = await call('GET', '/api/sessions', TEST_ADMIN_TOKEN);
    expect((list.body.sessions as { id: string }[]).map((x) => x.id)).toContain(created.body.id);
  });
});
