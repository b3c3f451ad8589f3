/**
 * The typing phase of the cluster benchmark: the same clients (K note-takers typing 5 characters
 * a second with their caret, the rest observers; stock y-websocket providers as the main harness
 * uses) in one room of a deployment, connected straight to its processes so that where each
 * client sits is known: in a cluster, writer i on process i mod P and watcher j on process j mod
 * P, so every keystroke reaches clients on its own process and on the others. Latency is split
 * by (writer's process, receiver's process): same or cross. Typing happens in windows, so that
 * windows on one deployment can alternate with windows on another (drifting machine load then
 * hits both alike); rows inserted, Redis messages and server CPU are counted over the windows.
 */
import { createHash } from 'node:crypto';
import { RECORD_FIELD } from '@rapporteur/shared/schema';
import postgres from 'postgres';
import * as Y from 'yjs';
import { createSessionHttp } from '../../helpers/sessions.ts';
import { type BenchClient, connectBenchClient } from '../clients.ts';
import { type GeneratorLoad, watchGenerator } from '../generator.ts';
import { readProc } from '../procstat.ts';
import { PropagationRecorder } from '../propagation.ts';
import { CHARS_PER_SECOND } from '../scenarios.ts';
import type { BenchRoom } from '../servers.ts';
import { startTyping } from '../writers.ts';
import { RelayCounter } from './relayCounter.ts';
import { RowWatcher } from './rowWatcher.ts';

/** Where a deployment's processes are. */
export interface Deployment {
  label: string;
  /** Each process's own HTTP address (not the balancer's). */
  processes: { url: string; pid: number }[];
  databaseUrl: string;
  /** Clustered: the Redis the processes share (its room channel is counted). */
  redisUrl?: string;
  /** Rows are bucketed by this interval (the write queue's flush interval). */
  flushIntervalMs: number;
}

/** A room on a deployment with its clients joined, ready for typing windows. */
export interface TypingRoom {
  deployment: Deployment;
  sessionId: string;
  clients: BenchClient[];
  writers: BenchClient[];
  recorder: PropagationRecorder;
  rows: RowWatcher;
  relay: RelayCounter | null;
  /** Keystrokes typed in windows, generator load of each window, server CPU seconds in windows. */
  typed: number;
  /** The writers' own transactions in windows: keystrokes, plus the speaker block each appends. */
  edits: number;
  generator: GeneratorLoad[];
  cpuSeconds: number;
  windowMs: number;
}

const COLOURS = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(fn: () => boolean | Promise<boolean>, timeoutMs: number, stepMs = 25): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (!(await fn())) {
    if (performance.now() > end) return false;
    await sleep(stepMs);
  }
  return true;
}

/** Create a session on the deployment's first process and join `writers` + `watchers` clients. */
export async function joinRoom(deployment: Deployment, writers: number, watchers: number): Promise<TypingRoom> {
  const tokens = await createSessionHttp(deployment.processes[0]!.url, `Cluster benchmark: ${deployment.label}`);
  let n = 0;
  const room: BenchRoom = {
    name: tokens.id,
    params: (role): Record<string, string> =>
      role === 'writer'
        ? { token: tokens.noteTaker, name: `Note-taker ${++n}`, color: COLOURS[n % COLOURS.length]! }
        : { token: tokens.observer },
  };
  const processOf = new Map<BenchClient, number>();
  const recorder = new PropagationRecorder(performance.now(), (w, r) =>
    processOf.get(w) === processOf.get(r) ? 'same' : 'cross',
  );
  const place = (role: 'writer' | 'watcher', i: number) => {
    const p = i % deployment.processes.length;
    const wsBase = `${deployment.processes[p]!.url.replace(/^http/, 'ws')}/collab`;
    const c = connectBenchClient({ kind: 'ours', wsBase }, room, role);
    processOf.set(c, p);
    recorder.watch(c);
    return c;
  };
  const writing = Array.from({ length: writers }, (_, i) => place('writer', i));
  const clients = [...writing, ...Array.from({ length: watchers }, (_, j) => place('watcher', j))];
  if (!(await waitUntil(() => clients.every((c) => !Number.isNaN(c.syncedAt)), 30_000))) {
    throw new Error(`${deployment.label}: not every client synced within 30 s`);
  }
  const writerProcess = new Map(writing.map((w) => [w.doc.clientID, processOf.get(w)!]));
  const relay = deployment.redisUrl ? await RelayCounter.start(deployment.redisUrl, tokens.id) : null;
  return {
    deployment,
    sessionId: tokens.id,
    clients,
    writers: writing,
    recorder,
    rows: new RowWatcher(deployment.databaseUrl, deployment.flushIntervalMs, (ids) => {
      // the process that stored a row: the one its writers' sockets are on
      const where = new Set(ids.map((id) => writerProcess.get(id)));
      if (where.size !== 1 || where.has(undefined)) return 'other (the initial state, gap fills, compaction merges)';
      return `process ${[...where][0]! + 1}`;
    }),
    relay,
    typed: 0,
    edits: 0,
    generator: [],
    cpuSeconds: 0,
    windowMs: 0,
  };
}

/** One typing window of `ms`, then until everything typed has reached every client. */
export async function typingWindow(room: TypingRoom, ms: number): Promise<void> {
  const cpu = () => room.deployment.processes.reduce((s, p) => s + readProc(p.pid).cpuSeconds, 0);
  const typed0 = room.recorder.typed;
  let edits = 0;
  const countEdit = (tr: Y.Transaction) => {
    if (tr.local) edits++;
  };
  for (const w of room.writers) w.doc.on('afterTransaction', countEdit);
  await room.rows.open();
  room.relay?.open();
  const gen = watchGenerator();
  const cpu0 = cpu();
  const t0 = performance.now();
  const typing = startTyping(room.writers, room.recorder, CHARS_PER_SECOND);
  await sleep(ms);
  typing.stop();
  room.generator.push(gen.stop());
  await waitUntil(() => room.recorder.complete(), 15_000);
  // the last flush interval's row and the processes' "stored" announcements
  await sleep(room.deployment.flushIntervalMs * 4);
  room.cpuSeconds += cpu() - cpu0;
  room.windowMs += performance.now() - t0;
  room.relay?.close();
  await room.rows.close();
  room.typed += room.recorder.typed - typed0;
  for (const w of room.writers) w.doc.off('afterTransaction', countEdit);
  room.edits += edits;
}

function digest(doc: Y.Doc): string {
  return createHash('sha1').update(doc.getXmlFragment(RECORD_FIELD).toString()).digest('hex');
}

/** What the room's update log holds, merged, as a digest of the record. */
async function storedDigest(databaseUrl: string, sessionId: string): Promise<string> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ update: Uint8Array }[]>`
      SELECT update FROM doc_updates WHERE session_id = ${sessionId} ORDER BY id`;
    const doc = new Y.Doc();
    for (const r of rows) Y.applyUpdate(doc, r.update);
    return digest(doc);
  } finally {
    await sql.end();
  }
}

/**
 * What went missing, if anything: deliveries not made, clients that did not converge, a stored
 * log that does not hold what the clients hold (waited for, up to 15 s).
 */
export async function losses(room: TypingRoom): Promise<string[]> {
  const problems: string[] = [];
  const { expected, delivered } = room.recorder.delivery;
  if (delivered < expected)
    problems.push(`${room.deployment.label}: ${expected - delivered} of ${expected} deliveries missing`);
  let converged = false;
  for (let attempt = 0; attempt < 5 && !converged; attempt++) {
    if (attempt > 0) await sleep(1000);
    const first = digest(room.clients[0]!.doc);
    converged = room.clients.every((c) => digest(c.doc) === first);
  }
  if (!converged) problems.push(`${room.deployment.label}: clients did not converge`);
  const want = digest(room.writers[0]!.doc);
  const stored = await waitUntil(
    async () => (await storedDigest(room.deployment.databaseUrl, room.sessionId)) === want,
    15_000,
    250,
  );
  if (!stored) problems.push(`${room.deployment.label}: the stored log does not hold what the clients hold`);
  return problems;
}

/** Disconnect the clients and stop watching. */
export async function leaveRoom(room: TypingRoom): Promise<void> {
  for (const c of room.clients) c.destroy();
  await room.relay?.stop();
  await room.rows.stop();
}
