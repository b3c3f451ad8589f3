/**
 * The API and the socket gate during a database outage (issue 12, item 8): API calls answer 503
 * at once with a reason (not 500 after seconds), /health answers quickly and says why, sockets
 * reconnecting to a room in memory are admitted without the database, while a token never seen
 * is told to try again later and a link revoked before the outage stays revoked.
 */
import type { RunningServer } from '@rapporteur/server';
import { CloseCode } from '@rapporteur/shared/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connectedClients } from '../helpers/clientGroup.ts';
import { type TestClient, waitFor } from '../helpers/clients.ts';
import { backends } from '../helpers/database.ts';
import { outageStorage } from '../helpers/faults.ts';
import { appendSpeakerBlock, blockText, recordString } from '../helpers/record.ts';
import { startTestServer } from '../helpers/server.ts';
import { newSession } from '../helpers/sessions.ts';

/** The close code a raw socket with this token gets. */
function closeCodeFor(server: RunningServer, sessionId: string, token: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${sessionId}?token=${token}`);
    ws.on('close', (code) => resolve(code));
    ws.on('error', () => {});
  });
}

/** A GET and how long it took. */
async function timedGet(url: string, token?: string) {
  const started = performance.now();
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = (await res.json()) as { error?: { code: string; message: string }; reasons?: string[] };
  return { status: res.status, body, ms: performance.now() - started, retryAfter: res.headers.get('retry-after') };
}

describe.each(backends())('the gate during a %s outage', (backend) => {
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });

  it('answers 503 at once, keeps /health quick, admits reconnects to rooms in memory, keeps revoked links out', async () => {
    const storage = await outageStorage(backend);
    cleanups.push(storage.drop);
    const server = await startTestServer(storage.db);
    cleanups.push(() => server.close());
    const s = await newSession(server);
    // an observer link rotated away before the outage
    const rotated = await fetch(`${server.url}/api/sessions/${s.id}/links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.editor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'observer', rotate: true }),
    });
    expect(rotated.status).toBe(201);
    const clients = await connectedClients(
      2,
      server.url,
      s,
      (destroy) => cleanups.push(destroy),
      (i) => ({ name: i === 0 ? 'a' : 'b' }),
    );
    const [a, b] = clients as [TestClient, TestClient];
    appendSpeakerBlock(a.doc, { speaker: 'Chair' }, 'before the outage');
    await waitFor(() => recordString(b.doc).includes('before the outage'), 'b has the block');

    storage.down();
    const first = await timedGet(`${server.url}/api/sessions/${s.id}`, s.noteTaker);
    expect(first.status).toBe(503);
    expect(first.body.error?.code).toBe('database_unavailable');
    expect(first.retryAfter).toBe('2');
    expect(first.ms).toBeLessThan(3_000);
    const later = await timedGet(`${server.url}/api/sessions/${s.id}/blocks`, s.noteTaker);
    expect(later.status).toBe(503);
    expect(later.ms).toBeLessThan(500); // known down: no database round trip at all
    const health = await timedGet(`${server.url}/health`);
    expect(health.status).toBe(503);
    expect(health.body.reasons?.[0]).toMatch(/^database: /);
    expect(health.ms).toBeLessThan(2_500);

    // past the token cache's 5 s, so only what the server last knew can admit them
    await new Promise((r) => setTimeout(r, 5_500));
    b.provider.disconnect();
    b.provider.connect();
    await waitFor(() => b.provider.wsconnected && b.provider.synced, 'b reconnected during the outage');
    const t = blockText(a.doc, 0);
    t.insert(t.length, ' [typed in the outage]');
    await waitFor(() => recordString(b.doc).includes('[typed in the outage]'), 'b gets new typing');

    expect(await closeCodeFor(server, s.id, s.observer)).toBe(CloseCode.Unauthorized); // revoked stays revoked
    expect(await closeCodeFor(server, s.id, 'A'.repeat(43))).toBe(CloseCode.TryAgainLater); // never seen

    storage.up();
    await waitFor(async () => (await timedGet(`${server.url}/health`)).status === 200, '/health recovers', 20_000);
    expect((await timedGet(`${server.url}/api/sessions/${s.id}`, s.noteTaker)).status).toBe(200);
    await Promise.all(clients.map((c) => c.save.whenSaved()));
  });
});
