/**
 * Hostile upgrade requests against a real server process (issue 12, items 1-3): a crash must be
 * observable, so the server runs as a child process on its own embedded database.
 */
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { alive, clientFrame, rawExchange, rssMb, upgradeRequest } from '../helpers/rawHttp.ts';
import { useSpawnedServer } from '../helpers/spawnedServer.ts';

/** Open a real socket; resolves 'open' or the HTTP status that refused it. */
function openSocket(url: string): Promise<{ outcome: string; ws: WebSocket }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('open', () => resolve({ outcome: 'open', ws }));
    ws.on('unexpected-response', (_req, res) => resolve({ outcome: String(res.statusCode), ws }));
    ws.on('error', () => resolve({ outcome: 'error', ws }));
  });
}

describe('hostile upgrade requests', () => {
  const suite = useSpawnedServer('hostile upgrades');

  const health = async () => {
    const res = await fetch(`${suite.server.url}/health`);
    return { status: res.status, body: (await res.json()) as { ok: boolean; admissions?: { pending: number } } };
  };

  it('answers malformed percent-escapes in the socket path with 400, and the process lives on', async () => {
    const { server, session } = suite;
    for (const path of ['/collab/%', '/collab/%E0%A4%A', `/collab/${session.id}%`, '/collab/%ED%A0%80']) {
      const answer = await rawExchange(server.port, upgradeRequest(path));
      expect(answer.status, `${path}: ${answer.text}`).toBe(400);
      expect(answer.text).toContain('malformed_path');
    }
    expect(alive(server.child.pid!)).toBe(true);
    expect(server.child.exitCode).toBeNull();
    expect((await health()).status).toBe(200);
  });

  it('gives admission places back after 600 handshakes ws refuses without calling back (limit 512)', async () => {
    const { server, session } = suite;
    const bad = [
      upgradeRequest(`/collab/${session.id}`, { 'Sec-WebSocket-Key': 'not-a-key' }),
      upgradeRequest(`/collab/${session.id}`, { 'Sec-WebSocket-Version': '7' }),
      upgradeRequest(`/collab/${session.id}`, {}, 'POST'),
      upgradeRequest(`/collab/${session.id}`, { 'Sec-WebSocket-Key': null }),
      upgradeRequest(`/collab/${session.id}`, { Upgrade: 'h2c' }),
    ];
    const statuses = new Map<number | null, number>();
    for (let i = 0; i < 600; i += 50) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, j) => rawExchange(server.port, bad[(i + j) % bad.length]!)),
      );
      for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
    }
    // each got a clear HTTP answer: 400, 405 or 426, never a 429 or nothing
    expect([...statuses.keys()].sort()).toEqual([400, 405, 426]);
    const { outcome, ws } = await openSocket(
      `${server.url.replace('http', 'ws')}/collab/${session.id}?token=${session.noteTaker}`,
    );
    expect(outcome).toBe('open');
    ws.close();
    const h = await health();
    expect(h.status).toBe(200);
    expect(h.body.admissions?.pending).toBe(0);
  });

  it('destroys a refused socket within seconds while it floods, holding none of what it sends', async () => {
    const { server, session } = suite;
    // no token for a session that is not public: refused (4401) once the gate has looked
    const socket = net.connect(server.port, '127.0.0.1');
    socket.on('error', () => {});
    const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(performance.now())));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(upgradeRequest(`/collab/${session.id}`));
    await new Promise<void>((resolve) => socket.once('data', () => resolve())); // the 101
    socket.pause(); // never read: our answer to the server's close frame never comes

    const pid = server.child.pid!;
    const rssBefore = rssMb(pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssMb(pid));
    }, 50);
    const started = performance.now();
    const frame = clientFrame(Buffer.alloc(1024 * 1024, 7));
    let sentMb = 0;
    let open = true;
    void closed.then(() => {
      open = false;
    });
    // offer data as fast as the server reads it until it hangs up (20 s at most). Writing is
    // how this paused client notices the hang-up: it never reads, so a reset reaches it only
    // through a failed write; a cap on what it sends let a fast server take it all and the
    // client then waited, deaf, for a close it had already been given
    while (open && performance.now() - started < 20_000) {
      if (!socket.write(frame)) await new Promise((r) => socket.once('drain', r).once('close', r));
      sentMb++;
    }
    const closedAt = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(Infinity), 10_000))]);
    clearInterval(sampler);
    socket.destroy();
    const lifetime = closedAt - started;
    console.log(
      `refused flood: ${sentMb} MB offered, socket closed after ${lifetime.toFixed(0)} ms, RSS ${rssBefore.toFixed(0)} → peak ${rssPeak.toFixed(0)} MB`,
    );
    expect(lifetime).toBeLessThan(5_000); // ws alone would wait 30 s for a close reply
    expect(rssPeak - rssBefore).toBeLessThan(100);
    expect((await health()).status).toBe(200);
  });
});
