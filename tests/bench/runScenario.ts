/**
 * One run: one server, one scenario. Start the server in its own process, join the clients,
 * type, wait for every delivery, check convergence, and collect what was measured.
 */
import { createHash } from 'node:crypto';
import { RECORD_FIELD } from '@rapporteur/shared/schema';
import * as Y from 'yjs';
import { type BenchClient, connectBenchClient } from './clients.ts';
import { type GeneratorLoad, watchGenerator } from './generator.ts';
import { buildLargeDoc, paragraphCount } from './largeDoc.ts';
import { cpuPercent, peakCpu, ProcSampler } from './procstat.ts';
import type { DbStats } from './servers.ts';
import { PropagationRecorder } from './propagation.ts';
import { measureRawJoin } from './rawJoin.ts';
import { CHARS_PER_SECOND, type Scenario } from './scenarios.ts';
import { type BenchRoom, type ServerKind, startTarget, type Target, type WatcherRole } from './servers.ts';
import { quantile } from './stats.ts';
import { startTyping } from './writers.ts';

const MB = 1024 * 1024;

/** Everything measured in one run (times in ms, memory in MB, CPU in percent of one core). */
export interface RunResult {
  scenario: string;
  server: ServerKind;
  rep: number;
  error?: string;
  clients: number;
  joined: number;
  /** Ms from the first connection attempt until the last client synced (together), or the slowest single join (spread). */
  joinAllMs: number;
  joinP50Ms: number;
  typed: number;
  latency: { p50: number; p99: number; max: number; samples: number };
  /** p99 latency of the items typed in each second since the run began. */
  timelineP99: number[];
  delivery: { expected: number; delivered: number; ratio: number };
  converged: boolean;
  disconnects: number;
  serverCpu: number;
  serverCpuPeak: number;
  /** RSS once the server is up, before any room exists. */
  serverRssStartMb: number;
  serverRssPeakMb: number;
  /** Peak RSS during the run minus RSS just before the clients joined. */
  serverRssDeltaMb: number;
  generator: GeneratorLoad;
  /** Large document: bare sockets asking for the document at once (see rawJoin.ts). */
  initialState: { allMs: number; p50Ms: number } | null;
  /** Ours: keystroke to "persisted" acknowledgement at the writer. */
  saved: { p50: number; p99: number } | null;
  db: DbStats | null;
  /** From the first join to the end of typing. */
  activeMs: number;
  /** The whole run, server start and stop included. */
  wallMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(fn: () => boolean, timeoutMs: number, stepMs = 25): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (!fn()) {
    if (performance.now() > end) return false;
    await sleep(stepMs);
  }
  return true;
}

function digest(c: BenchClient): string {
  return createHash('sha1').update(c.doc.getXmlFragment(RECORD_FIELD).toString()).digest('hex');
}

/** Run `scenario` once against a fresh server of `kind`. */
export async function runScenario(
  kind: ServerKind,
  scenario: Scenario,
  opts: { rep: number; cpuProfDir?: string; watcherRole?: WatcherRole; log?: (line: string) => void },
): Promise<RunResult> {
  const log = opts.log ?? (() => {});
  const wall0 = performance.now();
  let target: Target;
  try {
    target = await startTarget(kind, {
      cpuProfDir: opts.cpuProfDir,
      profileName: `${kind}-${scenario.id}-${opts.rep}`,
      watcherRole: opts.watcherRole,
    });
  } catch (err) {
    return failed(kind, scenario, opts.rep, err, null, wall0);
  }
  const sampler = new ProcSampler(target.pid).start();
  const clients: BenchClient[] = [];
  let room: BenchRoom | undefined;
  let result: RunResult;
  try {
    room = await target.newRoom(`Benchmark ${scenario.id}`);
    result = await drive(target, room, scenario, clients, sampler, opts.rep, log, wall0);
  } catch (err) {
    result = failed(kind, scenario, opts.rep, err, target, wall0);
  }
  for (const c of clients) c.destroy();
  await sleep(200);
  sampler.stop();
  // ours flushes and exits; its database figures are read once its connections are closed
  result.db = await target.stop(room?.name).catch(() => null);
  return result;
}

async function drive(
  target: Target,
  room: BenchRoom,
  scenario: Scenario,
  clients: BenchClient[],
  sampler: ProcSampler,
  rep: number,
  log: (line: string) => void,
  wall0: number,
): Promise<RunResult> {
  let seeder: BenchClient | null = null;
  if (scenario.largeDoc) {
    // the seeder stays connected (peers keep a document only while someone is in the room) and
    // is the one writer of this scenario
    seeder = connectBenchClient(target, room, 'writer', buildLargeDoc(scenario.largeDoc.paragraphs));
    clients.push(seeder);
    await seeder.synced;
    const probe = connectBenchClient(target, room, 'watcher');
    const ok = await waitUntil(() => paragraphCount(probe.doc) >= scenario.largeDoc!.paragraphs, 60_000);
    probe.destroy();
    if (!ok) throw new Error('the large document did not reach the server');
    await sleep(500);
  }

  const origin = performance.now();
  const recorder = new PropagationRecorder(origin);
  if (seeder) recorder.watch(seeder);
  const gen = watchGenerator();
  const before = sampler.sample();
  const createdAt: number[] = [];
  const joiners: BenchClient[] = [];
  const join = (writer: boolean) => {
    const c = connectBenchClient(target, room, writer ? 'writer' : 'watcher');
    createdAt.push(performance.now());
    joiners.push(c);
    clients.push(c);
    recorder.watch(c);
    return c;
  };

  const writers = Array.from({ length: scenario.writers }, () => join(true));
  const watchers = scenario.clients - scenario.writers;
  const spreadTimers: NodeJS.Timeout[] = [];
  if (scenario.join.mode === 'together') {
    for (let i = 0; i < watchers; i++) join(false);
  } else {
    const step = scenario.join.overMs / Math.max(1, watchers);
    for (let i = 0; i < watchers; i++) spreadTimers.push(setTimeout(() => join(false), step * (i + 1)));
  }
  const typists = seeder ? [seeder] : writers;
  const joinTimeout = 60_000 + (scenario.join.mode === 'spread' ? scenario.join.overMs : 0);
  const allJoined = () => joiners.length === scenario.clients && joiners.every((c) => !Number.isNaN(c.syncedAt));

  if (scenario.join.mode === 'together') await waitUntil(allJoined, joinTimeout, 5);
  else await waitUntil(() => writers.every((w) => !Number.isNaN(w.syncedAt)), joinTimeout, 5);
  const joinedAt = performance.now();
  log(`    joined after ${(joinedAt - origin).toFixed(0)} ms; typing ${scenario.typingMs / 1000} s`);

  sampler.sample();
  const typing = startTyping(typists, recorder, CHARS_PER_SECOND);
  await sleep(scenario.typingMs);
  typing.stop();
  const typingEnd = sampler.sample();
  for (const t of spreadTimers) clearTimeout(t);
  if (scenario.join.mode === 'spread') await waitUntil(allJoined, 30_000, 5);
  const generator = gen.stop();

  // everything typed must arrive; after that, every replica must hold the same document
  await waitUntil(() => recorder.complete(), 15_000);
  const drained = performance.now();
  let converged = false;
  for (let attempt = 0; attempt < 5 && !converged; attempt++) {
    if (attempt > 0) await sleep(1000);
    const first = digest(clients[0]!);
    converged = clients.every((c) => digest(c) === first);
  }
  log(`    drained ${((drained - typingEnd.t) / 1000).toFixed(1)} s after typing stopped; converged: ${converged}`);

  // with the providers still in the room, as many bare sockets ask for the whole document; three
  // times, keeping the median, since one burst of 100 is at the mercy of the machine's other load
  let initialState: RunResult['initialState'] = null;
  if (seeder) {
    const minBytes = Math.floor(Y.encodeStateAsUpdate(seeder.doc).byteLength * 0.9);
    const tries = [];
    for (let i = 0; i < 3; i++) {
      tries.push(await measureRawJoin(target, room, scenario.clients, minBytes));
      await sleep(300);
    }
    tries.sort((a, b) => (a.allMs || Number.POSITIVE_INFINITY) - (b.allMs || Number.POSITIVE_INFINITY));
    initialState = tries[1]!;
  }

  const sorted = recorder.latencies.sorted();
  const joinTimes = joiners.map((c, i) => c.syncedAt - createdAt[i]!).filter((x) => !Number.isNaN(x));
  joinTimes.sort((a, b) => a - b);
  const lastSynced = Math.max(...joiners.map((c) => c.syncedAt).filter((x) => !Number.isNaN(x)));
  const { expected, delivered } = recorder.delivery;
  const savedSorted = recorder.saved.sorted();
  return {
    scenario: scenario.id,
    server: target.kind as ServerKind,
    rep,
    clients: scenario.clients,
    joined: joinTimes.length,
    joinAllMs: scenario.join.mode === 'together' ? lastSynced - origin : (joinTimes.at(-1) ?? Number.NaN),
    joinP50Ms: quantile(joinTimes, 0.5),
    typed: recorder.typed,
    latency: {
      p50: quantile(sorted, 0.5),
      p99: quantile(sorted, 0.99),
      max: quantile(sorted, 1),
      samples: sorted.length,
    },
    timelineP99: recorder.perSecond.map((s) => quantile(s.sorted(), 0.99)),
    delivery: { expected, delivered, ratio: expected === 0 ? 1 : delivered / expected },
    converged,
    disconnects: clients.reduce((n, c) => n + c.disconnects, 0),
    serverCpu: cpuPercent(before, typingEnd),
    serverCpuPeak: peakCpu(sampler.readings, 1000, before.t, typingEnd.t),
    serverRssStartMb: (sampler.readings[0]?.rssBytes ?? Number.NaN) / MB,
    serverRssPeakMb: sampler.peakRss() / MB,
    serverRssDeltaMb: (sampler.peakRss(before.t, typingEnd.t) - before.rssBytes) / MB,
    generator,
    initialState,
    saved: savedSorted.length ? { p50: quantile(savedSorted, 0.5), p99: quantile(savedSorted, 0.99) } : null,
    db: null,
    activeMs: typingEnd.t - origin,
    wallMs: performance.now() - wall0,
  };
}

function failed(
  kind: ServerKind,
  scenario: Scenario,
  rep: number,
  err: unknown,
  target: Target | null,
  wall0: number,
): RunResult {
  const nan = Number.NaN;
  return {
    scenario: scenario.id,
    server: kind,
    rep,
    error: `${(err as Error).message ?? err}\n${target?.output().slice(-2000) ?? ''}`,
    clients: scenario.clients,
    joined: 0,
    joinAllMs: nan,
    joinP50Ms: nan,
    typed: 0,
    latency: { p50: nan, p99: nan, max: nan, samples: 0 },
    timelineP99: [],
    delivery: { expected: 0, delivered: 0, ratio: 0 },
    converged: false,
    disconnects: 0,
    serverCpu: nan,
    serverCpuPeak: nan,
    serverRssStartMb: nan,
    serverRssPeakMb: nan,
    serverRssDeltaMb: nan,
    generator: { cpuPercent: nan, loopP99Ms: nan, loopMaxMs: nan, limited: false },
    initialState: null,
    saved: null,
    db: null,
    activeMs: Number.NaN,
    wallMs: performance.now() - wall0,
  };
}
