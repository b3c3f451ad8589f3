/**
 * Hardening of the HTTP app and the socket gate (issue 12, items 1, 2 and 8), against a real
 * server on port 0: security headers, malformed escapes answered 400, session ids in any case
 * naming one session, dates within a sane range, and /health honest about socket admission.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CloseCode } from '@rapporteur/shared/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { waitFor } from '../helpers/clients.ts';
import { backends, createTestDatabase } from '../helpers/database.ts';
import { flakyDatabase } from '../helpers/faults.ts';
import { rawExchange, upgradeRequest } from '../helpers/rawHttp.ts';
import { appendSpeakerBlock, recordString } from '../helpers/record.ts';
import { startTestServer, TEST_ADMIN_TOKEN } from '../helpers/server.ts';
import { newSession, type SessionTokens } from '../helpers/sessions.ts';
import { useTestServer } from '../helpers/testServer.ts';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe.each(backends())('hardening of the app and the gate (%s)', (backend) => {
  // a stand-in for the built client, so the app's HTML answers are checked too
  const clientDir = mkdtempSync(path.join(os.tmpdir(), 'rapporteur-client-'));
  writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Rapporteur</title>');
  afterAll(() => rmSync(clientDir, { recursive: true, force: true }));
  const suite = useTestServer(backend, { clientsPerTest: true, clientDir });
  let s: SessionTokens;
  beforeAll(async () => {
    s = await newSession(suite.server);
  });

  it('sends the security headers on the app, the API and errors', async () => {
    for (const [p, type] of [
      ['/', 'app'],
      [`/s/${s.id}`, 'app'],
      ['/health', 'api'],
      [`/api/sessions/${s.id}`, 'api'],
      ['/api/nowhere', 'api'],
    ] as const) {
      const res = await fetch(`${suite.server.url}${p}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, p).toContain("frame-ancestors 'none'");
      expect(csp, p).toContain(type === 'app' ? "script-src 'self'" : "default-src 'none'");
      expect(res.headers.get('x-frame-options'), p).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), p).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), p).toBe('no-referrer');
      await res.arrayBuffer();
    }
  });

  it('answers malformed percent-escapes in paths and queries with 4xx, never 5xx', async () => {
    const paths = [
      '/api/sessions/%',
      '/api/sessions/%E0%A4%A',
      `/api/sessions/%E0%A4%A/export?format=md`,
      `/api/sessions/${s.id}/export?format=%E0%A4%A`,
      `/api/sessions/${s.id}/blocks?speaker=%E0%A4%A&status=%`,
      `/api/sessions/${s.id}/versions/%ZZ`,
      '/api/search?q=%E0%A4%A&from=%',
      '/api/registry?q=%',
      '/%E0%A4%A',
      '/assets/%',
      '/s/%E0%A4%A',
    ];
    for (const p of paths) {
      const res = await fetch(`${suite.server.url}${p}`, { headers: bearer(s.editor) });
      await res.arrayBuffer();
      expect(res.status, p).toBeLessThan(500);
    }
    const res = await fetch(`${suite.server.url}/api/sessions/%E0%A4%A`, { headers: bearer(s.editor) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_request');
  });

  it('treats an upper-case session id as the same session, over HTTP and on the socket', async () => {
    const upper = s.id.toUpperCase();
    const res = await fetch(`${suite.server.url}/api/sessions/${upper}`, { headers: bearer(s.noteTaker) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: string }).id).toBe(s.id);
    const blocks = await fetch(`${suite.server.url}/api/sessions/${upper}/blocks`, { headers: bearer(s.noteTaker) });
    expect(blocks.status).toBe(200);

    const lower = suite.connect(s.id, { token: s.noteTaker, name: 'lower' });
    const shouting = suite.connect(upper, { token: s.noteTaker, name: 'upper' });
    await Promise.all([lower.synced(), shouting.synced()]);
    appendSpeakerBlock(shouting.doc, { speaker: 'Malta' }, 'typed through the upper-case address');
    await waitFor(() => recordString(lower.doc).includes('upper-case address'), 'one room for both spellings');
    expect(suite.server.rooms.loadedRoom(upper)).toBeUndefined();
    expect(suite.server.rooms.loadedRoom(s.id)?.connections.size).toBe(2);
  });

  it('refuses dates outside 1900-2199 with a 400 that says so', async () => {
    const create = (startsAt: string) =>
      fetch(`${suite.server.url}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
        body: JSON.stringify({ title: 'dated', startsAt }),
      });
    for (const startsAt of ['0000-01-01T00:00:00Z', '1899-12-31T23:59:59Z', '9999-12-31T00:00:00Z']) {
      const res = await create(startsAt);
      expect(res.status, startsAt).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain('between the years 1900');
    }
    const ok = await create('1961-03-30T10:00:00+01:00');
    expect(ok.status).toBe(201);
    await ok.arrayBuffer();
    const search = await fetch(`${suite.server.url}/api/search?q=x&from=0000-01-01`, { headers: bearer(s.editor) });
    expect(search.status).toBe(400);
    await search.arrayBuffer();
    const imported = await fetch(`${suite.server.url}/api/sessions/import?title=Old`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      body: JSON.stringify({ text: 'Meeting of 0000-01-01\n\nChair: Opening.', startsAt: '0000-01-01T00:00:00Z' }),
    });
    expect(imported.status).toBe(400);
    await imported.arrayBuffer();
  });
});

// the gate's accounting does not depend on the engine; PGlite does not watch for stalls, so the
// held queries below stay in admission until the health probe gives up on them
describe('socket admission places', () => {
  it('are given back for handshakes ws refuses, and /health says 503 while every place is taken', async () => {
    const tdb = await createTestDatabase('pglite');
    const db = flakyDatabase(tdb.db);
    const server = await startTestServer(db, { collabLimits: { pendingAdmissions: 2 } });
    try {
      const s = await newSession(server);
      const base = `${server.url.replace('http', 'ws')}/collab/${s.id}`;
      // handshakes ws answers itself, never calling back: twice the admission limit of them
      const answers = await Promise.all(
        [0, 1, 2, 3].flatMap(() => [
          rawExchange(server.port, upgradeRequest(`/collab/${s.id}`, { 'Sec-WebSocket-Version': '7' })),
          rawExchange(server.port, upgradeRequest(`/collab/${s.id}`, { 'Sec-WebSocket-Key': 'short' })),
        ]),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([400, 400, 400, 400, 426, 426, 426, 426]);
      const first = new WebSocket(`${base}?token=${s.noteTaker}`);
      await new Promise((resolve, reject) => first.on('open', resolve).on('error', reject));
      first.close();

      // two sockets wait in admission (their tokens need the database, which does not answer)
      db.stalled = true;
      const waiting = [0, 1].map(() => {
        const ws = new WebSocket(`${base}?token=${'x'.repeat(43)}`);
        const opened = new Promise((resolve) => ws.on('open', resolve));
        const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
        ws.on('error', () => {});
        return { opened, closed };
      });
      // open: the handshake is done and the gate is looking up the token
      await Promise.all(waiting.map((w) => w.opened));
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(503);
      const body = (await health.json()) as { reasons: string[]; admissions: { pending: number } };
      expect(body.admissions.pending).toBe(2);
      expect(body.reasons.join(' ')).toContain('all 2 admission places are taken');
      // the health probe found the database silent: the waiting sockets are told to come back
      expect(await Promise.all(waiting.map((w) => w.closed))).toEqual([
        CloseCode.TryAgainLater,
        CloseCode.TryAgainLater,
      ]);
      db.stalled = false;
      await waitFor(async () => (await fetch(`${server.url}/health`)).status === 200, '/health healthy again');
    } finally {
      db.stalled = false;
      await server.close();
      await tdb.drop();
    }
  });
});
