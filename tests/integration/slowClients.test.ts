/**
 * Slow and hoarding clients against a real server on port 0 (issue 12): a request whose headers
 * trickle in is cut off after HTTP_HEADERS_TIMEOUT_MS (Node alone waits 60 s and checks every
 * 30 s), and one address cannot hold more TCP connections than its cap.
 */
import net from 'node:net';
import type { RunningServer } from '@rapporteur/server';
import { HTTP_HEADERS_TIMEOUT_MS, HTTP_TIMEOUT_CHECK_MS } from '@rapporteur/shared/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { startTestServer } from '../helpers/server.ts';

/** A raw connection that resolves `closed` with the time the server hung up. */
async function rawConnection(port: number): Promise<{ socket: net.Socket; closed: Promise<number> }> {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => {});
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(performance.now())));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('close', () => reject(new Error('closed before connecting')));
  });
  return { socket, closed };
}

describe('slow and hoarding clients', () => {
  let db: TestDatabase | undefined;
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    await db?.drop();
  });

  it('cuts off a request whose headers trickle in, a byte a second', async () => {
    db = await createTestDatabase('pglite');
    server = await startTestServer(db.db);
    const port = Number(new URL(server.url).port);
    const { socket, closed } = await rawConnection(port);
    const started = performance.now();
    const request = `GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ${'a'.repeat(100)}`;
    let sent = 0;
    const trickle = setInterval(() => {
      if (sent < request.length && !socket.destroyed) socket.write(request[sent++]!);
    }, 1_000);
    const hungUp = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(Infinity), 30_000))]);
    clearInterval(trickle);
    socket.destroy();
    const after = hungUp - started;
    expect(after).toBeGreaterThanOrEqual(HTTP_HEADERS_TIMEOUT_MS - 1_000);
    expect(after).toBeLessThan(HTTP_HEADERS_TIMEOUT_MS + 3 * HTTP_TIMEOUT_CHECK_MS + 2_000);
    // everyone else is served meanwhile and after
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  }, 40_000);

  it('closes connections past the per-address cap at once, and takes new ones when some close', async () => {
    db = await createTestDatabase('pglite');
    server = await startTestServer(db.db, { maxConnectionsPerAddress: 5 });
    const port = Number(new URL(server.url).port);
    const held = await Promise.all(Array.from({ length: 5 }, () => rawConnection(port)));
    // the sixth is accepted by the kernel, then closed by the server before it sends anything
    const extra = await rawConnection(port);
    const extraClosed = await Promise.race([
      extra.closed.then(() => true),
      new Promise((r) => setTimeout(() => r(false), 2_000)),
    ]);
    expect(extraClosed).toBe(true);
    const stillOpen = await Promise.race([
      held[0]!.closed.then(() => false),
      new Promise((r) => setTimeout(() => r(true), 200)),
    ]);
    expect(stillOpen).toBe(true);
    for (const h of held) h.socket.destroy();
    await Promise.all(held.map((h) => h.closed));
    // places are given back: a plain request is answered again
    await new Promise((r) => setTimeout(r, 100));
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});
