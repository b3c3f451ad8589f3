/**
 * Clustered mode with several servers in this process sharing one Postgres database and Redis
 * (fast, and the tests can look inside each process). Clients connect to specific processes.
 * Real processes behind HAProxy, kill -9 and Redis outages are in tests/faults/cluster*.test.ts.
 */
import { type Bus, readRelayMessage, type RunningServer } from '@rapporteur/server';
import { CloseCode } from '@rapporteur/shared/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient, waitFor } from '../helpers/clients.ts';
import { flakyDatabase } from '../helpers/faults.ts';
import {
  droppingBus,
  type InProcessCluster,
  redisClusterUnavailable,
  startInProcessCluster,
} from '../helpers/cluster.ts';
import { appendSpeakerBlock, blockText, recordString } from '../helpers/record.ts';
import { createSessionHttp, type SessionTokens } from '../helpers/sessions.ts';

const unavailable = await redisClusterUnavailable();
if (unavailable) console.warn(`cluster integration tests skipped: ${unavailable}`);

const f2 = (n: number) => n.toFixed(2);

/** Short timing so repairs and ownership happen within a test. */
const TIMING = { syncIntervalMs: 300, peerTimeoutMs: 1_500, ownerTickMs: 200, gapFillAfterMs: 1_000 };

/** The document the update log holds for a session, merged from its rows. */
async function storedDoc(cluster: InProcessCluster, sessionId: string): Promise<Y.Doc> {
  const rows = await cluster.db.query<{ update: Uint8Array }>(
    'SELECT update FROM doc_updates WHERE session_id = $1 ORDER BY id',
    [sessionId],
  );
  const doc = new Y.Doc();
  for (const r of rows) Y.applyUpdate(doc, r.update);
  return doc;
}

describe.skipIf(Boolean(unavailable))('a cluster of processes sharing live sessions', () => {
  let cluster: InProcessCluster | null = null;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await cluster?.stop();
    cluster = null;
  });

  async function start(n = 3, opts: Parameters<typeof startInProcessCluster>[1] = {}) {
    cluster = await startInProcessCluster(n, { clusterTiming: TIMING, ...opts });
    return cluster;
  }
  const connect = (server: RunningServer, s: SessionTokens, opts: Parameters<typeof connectClient>[2] = {}) => {
    const c = connectClient(server.url, s.id, { token: s.noteTaker, ...opts });
    // as the browser's editor does at once (its caret's user): a stock client's first state has
    // clock 0, which y-protocols never applies remotely, so it would show only at its 15 s renewal
    c.provider.awareness.setLocalStateField('user', { name: opts.name ?? '' });
    clients.push(c);
    return c;
  };
  const converged = (cs: TestClient[]) => cs.every((c) => recordString(c.doc) === recordString(cs[0]!.doc));

  it('clients spread over three processes co-edit one session, converge, and see each other', async () => {
    let updateMessages = 0;
    const counting = (bus: Bus) =>
      droppingBus(bus, (message) => {
        if (readRelayMessage(message)?.kind === 'update') updateMessages++;
        return false;
      });
    const { servers } = await start(3, { wrapClusterBus: counting });
    const s = await createSessionHttp(servers[0]!.url, 'spread');
    const cs = servers.flatMap((server, i) => [
      connect(server, s, { name: `Typist ${i}a` }),
      connect(server, s, { name: `Typist ${i}b` }),
    ]);
    await Promise.all(cs.map((c) => c.synced()));
    appendSpeakerBlock(cs[0]!.doc, { speaker: 'Chair' });
    await waitFor(() => converged(cs), 'block everywhere');
    for (let round = 0; round < 20; round++) {
      cs.forEach((c, i) => {
        blockText(c.doc, 0).insert(0, `<${i}:${round}>`);
      });
      await new Promise((r) => setTimeout(r, 10));
    }
    await waitFor(() => converged(cs), 'convergence', 30_000);
    console.log(`[cluster] ${cs.length * 20} keystrokes over 3 processes: ${updateMessages} Redis update messages`);
    const text = blockText(cs[0]!.doc, 0).toString();
    for (let i = 0; i < cs.length; i++)
      for (let round = 0; round < 20; round++) expect(text.split(`<${i}:${round}>`).length - 1).toBe(1);
    // presence: a client on the first process sees the names of clients on the others
    await waitFor(() => {
      const names = [...cs[0]!.provider.awareness.getStates().values()].map(
        (st) => (st as { user?: { name?: string } }).user?.name,
      );
      return ['Typist 1a', 'Typist 2b'].every((n) => names.includes(n));
    }, 'presence across processes');
    // saved means stored: once every client says saved, the log holds everything
    await Promise.all(cs.map((c) => c.save.whenSaved()));
    const stored = await storedDoc(cluster!, s.id);
    expect(blockText(stored, 0).toString()).toBe(text);
  });

  it('a process that takes a room later shows its clients the presence of those already in it', async () => {
    const { servers } = await start(2);
    const s = await createSessionHttp(servers[0]!.url, 'late process');
    const early = connect(servers[0]!, s, { name: 'Early' });
    await early.synced();
    // the early client's presence was published while no other process held the room
    await new Promise((r) => setTimeout(r, 500));
    const late = connect(servers[1]!, s, { name: 'Late' });
    await late.synced();
    const names = (c: TestClient) =>
      [...c.provider.awareness.getStates().values()].map((st) => (st as { user?: { name?: string } }).user?.name);
    // well before the client's own 15 s renewal would bring it
    await waitFor(() => names(late).includes('Early'), 'the early client on the late process', 2_000);
    await waitFor(() => names(early).includes('Late'), 'the late client on the early process', 2_000);
  });

  it('each update is appended once, by the process whose socket sent it', async () => {
    const { servers } = await start(2);
    const s = await createSessionHttp(servers[0]!.url, 'appended once');
    const [a, b] = [connect(servers[0]!, s), connect(servers[1]!, s)];
    await Promise.all([a.synced(), b.synced()]);
    appendSpeakerBlock(a.doc, { speaker: 'Chair' }, 'x'.repeat(2000));
    await waitFor(() => converged([a, b]), 'delivery');
    await Promise.all([a.save.whenSaved(), b.save.whenSaved()]);
    const rows = await cluster!.db.query<{ bytes: number }>(
      'SELECT octet_length(update) AS bytes FROM doc_updates WHERE session_id = $1',
      [s.id],
    );
    // the 2,000 characters are in one row only: B, which got them through the relay, stored nothing of them
    expect(rows.filter((r) => r.bytes > 2000)).toHaveLength(1);
  });

  it('a client is told "saved" for a relayed edit only once the process that received it stored it', async () => {
    // B's Redis messages announcing what it stored are dropped: A cannot know they are stored
    let dropStored = true;
    const wrap = (bus: Bus) =>
      droppingBus(bus, (message) => {
        const m = readRelayMessage(message);
        return dropStored && m?.kind === 'stored' && m.sender.startsWith('t2-');
      });
    const { servers } = await start(2, { wrapClusterBus: wrap, clusterTiming: { ...TIMING, syncIntervalMs: 60_000 } });
    const s = await createSessionHttp(servers[0]!.url, 'saved');
    const [a, b] = [connect(servers[0]!, s), connect(servers[1]!, s)];
    await Promise.all([a.synced(), b.synced()]);
    appendSpeakerBlock(b.doc, { speaker: 'Typed on B' });
    await b.save.whenSaved();
    await waitFor(() => converged([a, b]), 'delivery to A');
    // A stores what its own client types; B's block, which A holds, is still not known to be stored
    appendSpeakerBlock(a.doc, { speaker: 'Typed on A' });
    await waitFor(() => converged([a, b]), 'delivery to B');
    await new Promise((r) => setTimeout(r, 500)); // several flushes of A
    expect(a.save.current.unsaved).toBeGreaterThan(0);
    dropStored = false;
    appendSpeakerBlock(b.doc, { speaker: 'Again on B' });
    await a.save.whenSaved();
  });

  it.each([
    { pauseMs: 60, keystrokes: 30 },
    { pauseMs: 200, keystrokes: 15 },
  ])(
    'a keystroke with its caret move costs about one Redis message, "stored" announcements included (a key every $pauseMs ms)',
    async ({ pauseMs, keystrokes }) => {
      const buses: Bus[] = [];
      const keep = (bus: Bus) => {
        buses.push(bus);
        return bus;
      };
      // no periodic exchange within the test: what is counted is what typing costs
      const { servers } = await start(2, {
        wrapClusterBus: keep,
        clusterTiming: { ...TIMING, syncIntervalMs: 60_000 },
      });
      const s = await createSessionHttp(servers[0]!.url, 'messages per keystroke');
      const [a, b] = [connect(servers[0]!, s, { name: 'Typist' }), connect(servers[1]!, s, { name: 'Reader' })];
      await Promise.all([a.synced(), b.synced()]);
      const text = appendSpeakerBlock(a.doc, { speaker: 'Chair' });
      await waitFor(() => converged([a, b]), 'block on B');
      await Promise.all([a.save.whenSaved(), b.save.whenSaved()]);
      await new Promise((r) => setTimeout(r, 300)); // the joiners' presence and stored announcements
      const published = () => buses.reduce((n, bus) => n + bus.stats.published, 0);
      const before = published();
      for (let k = 0; k < keystrokes; k++) {
        text.insert(text.length, 'abcdefghij'[k % 10]!);
        const caret = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
        a.provider.awareness.setLocalStateField('cursor', { anchor: caret, head: caret });
        await new Promise((r) => setTimeout(r, pauseMs));
      }
      await waitFor(() => converged([a, b]), 'typing on B');
      await Promise.all([a.save.whenSaved(), b.save.whenSaved()]); // B's "saved" needs A's announcement
      await new Promise((r) => setTimeout(r, 300));
      const perKeystroke = (published() - before) / keystrokes;
      console.log(
        `[cluster] ${keystrokes} keystrokes ${pauseMs} ms apart with caret moves: ${f2(perKeystroke)} Redis messages each`,
      );
      expect(perKeystroke).toBeLessThanOrEqual(1.2);
    },
  );

  it('repairs a dropped pub/sub message through the state-vector exchange', async () => {
    let drop = false;
    const wrap = (bus: Bus) => droppingBus(bus, (message) => drop && readRelayMessage(message)?.kind === 'update');
    const { servers } = await start(2, { wrapClusterBus: wrap });
    const s = await createSessionHttp(servers[0]!.url, 'dropped');
    const [a, b] = [connect(servers[0]!, s), connect(servers[1]!, s)];
    await Promise.all([a.synced(), b.synced()]);
    drop = true;
    appendSpeakerBlock(a.doc, { speaker: 'Lost in transit' }, 'but repaired');
    await waitFor(() => converged([a, b]), 'repair through the exchange', 10_000);
    expect(blockText(b.doc, 0).toString()).toBe('but repaired');
  });

  it('finalise from an editor on one process locks the note-takers on the others, keeping their last keystrokes', async () => {
    const { servers } = await start();
    const s = await createSessionHttp(servers[0]!.url, 'finalise');
    const [a, b, c] = servers.map((server) => connect(server, s));
    await Promise.all([a!.synced(), b!.synced(), c!.synced()]);
    appendSpeakerBlock(a!.doc, { speaker: 'Chair' });
    await waitFor(() => converged([a!, b!, c!]), 'block');
    blockText(b!.doc, 0).insert(0, 'last words on B. ');
    blockText(c!.doc, 0).insert(0, 'last words on C. ');
    const res = await fetch(`${servers[0]!.url}/api/sessions/${s.id}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.editor}` },
      body: JSON.stringify({ status: 'final' }),
    });
    expect(res.status).toBe(200);
    const stored = blockText(await storedDoc(cluster!, s.id), 0).toString();
    expect(stored).toContain('last words on B.');
    expect(stored).toContain('last words on C.');
    // after the lock, typing on B reaches nobody and is not stored
    const locked = (server: RunningServer) => server.rooms.loadedRoom(s.id)?.isLocked === true;
    await waitFor(() => servers.every(locked), 'every process locked');
    blockText(b!.doc, 0).insert(0, 'too late ');
    await new Promise((r) => setTimeout(r, 500));
    expect(blockText(a!.doc, 0).toString()).not.toContain('too late');
    expect(blockText(await storedDoc(cluster!, s.id), 0).toString()).not.toContain('too late');
  });

  it('rotating a link on one process closes the old link’s sockets on another', async () => {
    const { servers } = await start(2);
    const s = await createSessionHttp(servers[0]!.url, 'rotation');
    const b = connect(servers[1]!, s);
    await b.synced();
    const closed = new Promise<number>((resolve) =>
      b.provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
    );
    const res = await fetch(`${servers[0]!.url}/api/sessions/${s.id}/links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.editor}` },
      body: JSON.stringify({ role: 'note-taker', rotate: true }),
    });
    expect(res.status).toBe(201);
    expect(await closed).toBe(CloseCode.Unauthorized);
  });

  it('counts observers on every process in the room entry', async () => {
    const { servers } = await start(2);
    const s = await createSessionHttp(servers[0]!.url, 'observers');
    const writer = connect(servers[0]!, s);
    await writer.synced();
    for (let i = 0; i < 3; i++) connect(servers[1]!, s, { token: s.observer, persisted: false });
    await waitFor(
      () => {
        for (const st of writer.provider.awareness.getStates().values()) {
          const server = (st as { server?: { observers: number } }).server;
          if (server?.observers === 3) return true;
        }
        return false;
      },
      'observer count on the other process',
      10_000,
    );
  });

  it('runs compaction once per room per interval across the cluster, on the room’s owner', async () => {
    const { servers } = await start(3, {
      clusterTiming: { ...TIMING, compactEveryMs: 1_000, compactAfterRows: 2 },
    });
    const s = await createSessionHttp(servers[0]!.url, 'compaction');
    const cs = servers.map((server) => connect(server, s));
    await Promise.all(cs.map((c) => c.synced()));
    appendSpeakerBlock(cs[0]!.doc, { speaker: 'Chair' });
    await waitFor(() => converged(cs), 'block everywhere');
    const started = Date.now();
    while (Date.now() - started < 4_000) {
      cs.forEach((c, i) => {
        blockText(c.doc, 0).insert(0, `${i}`);
      });
      await new Promise((r) => setTimeout(r, 30));
    }
    const elapsed = Date.now() - started;
    const counts = servers.map((server) => server.cluster!.ownership.compactions);
    const owners = servers.filter((server) => server.cluster!.ownership.owns(s.id));
    expect(owners).toHaveLength(1);
    expect(counts.filter((n) => n > 0)).toHaveLength(1);
    const total = counts.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(Math.ceil(elapsed / 1_000) + 1);
  });

  it("stores what a process relayed but cannot store itself: the room's owner fills the gap", async () => {
    const flaky: ReturnType<typeof flakyDatabase>[] = [];
    const { servers } = await start(2, {
      wrapDb: (i, db) => {
        if (i === 0) return db;
        const f = flakyDatabase(db);
        flaky.push(f);
        return f;
      },
    });
    const s = await createSessionHttp(servers[0]!.url, 'gap fill');
    const a = connect(servers[0]!, s);
    await a.synced();
    await waitFor(() => servers[0]!.cluster!.ownership.owns(s.id), 'the first process owns the room');
    const b = connect(servers[1]!, s);
    await b.synced();
    flaky[0]!.down = true; // the second process can no longer write its update log
    try {
      appendSpeakerBlock(b.doc, { speaker: 'Typed where nothing can be stored' });
      await waitFor(() => converged([a, b]), 'relayed to the owner');
      await b.save.whenSaved(); // acknowledged once the owner stored it and said so
      expect(recordString(await storedDoc(cluster!, s.id))).toContain('Typed where nothing can be stored');
      expect(servers[0]!.cluster!.ownership.gapFills).toBeGreaterThan(0);
    } finally {
      flaky[0]!.down = false;
    }
  });
});
