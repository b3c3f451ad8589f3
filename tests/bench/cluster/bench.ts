/**
 * The cluster benchmark (issue 14), in one run: the same clients against one Rapporteur process
 * (Postgres, no Redis: the single-process deployment) and against three processes sharing the
 * Postgres server and Redis, typing windows alternating between the two; then kill -9 rounds on
 * the three processes with clients behind HAProxy. See typing.ts and kill.ts for what each phase
 * does, report.ts for what is printed.
 */
import { FLUSH_INTERVAL_MS } from '@rapporteur/shared/protocol';
import { type Cluster, clusterUnavailable, SHARED_REDIS_URL, startCluster } from '../../helpers/cluster.ts';
import { createServerDatabase } from '../../helpers/database.ts';
import { type ServerProcess, spawnServer } from '../../helpers/server.ts';
import { codeVersion, machineDescription } from '../results.ts';
import { buildOurs } from '../servers.ts';
import { quantile } from '../stats.ts';
import { killRounds } from './kill.ts';
import { type ClusterBenchResult, clusterMarkdown } from './report.ts';
import { pubSubFloor } from './relayCounter.ts';
import { type Deployment, joinRoom, leaveRoom, losses, type TypingRoom, typingWindow } from './typing.ts';

export interface ClusterBenchOptions {
  processes: number;
  writers: number;
  watchers: number;
  /** Typing windows per deployment, and the length of each. */
  windows: number;
  windowMs: number;
  killRounds: number;
  killWriters: number;
  killWatchers: number;
  seed: number;
  /** Redis publishes timed for the floor of the extra hop. */
  floorSamples: number;
}

export const FULL: ClusterBenchOptions = {
  processes: 3,
  writers: 5,
  watchers: 25,
  windows: 2,
  windowMs: 12_000,
  killRounds: 6,
  killWriters: 5,
  killWatchers: 10,
  seed: 1414,
  floorSamples: 150,
};

export const SMOKE: ClusterBenchOptions = {
  processes: 3,
  writers: 3,
  watchers: 3,
  windows: 1,
  windowMs: 2_000,
  killRounds: 1,
  killWriters: 2,
  killWatchers: 2,
  seed: 1414,
  floorSamples: 20,
};

/** Its section of RESULTS.md (results.ts writeResultsSection). */
export const CLUSTER_SECTION = { name: 'cluster-bench', title: '## Cluster: 1 process against 3 (issue 14)' };

/** Why the cluster benchmark cannot run here (after building the server), or null. */
export async function clusterBenchUnavailable(): Promise<string | null> {
  buildOurs();
  return clusterUnavailable();
}

/** Run both phases and return the figures with their Markdown (report.ts). Builds the server first. */
export async function runClusterBench(
  opts: ClusterBenchOptions,
  command: string,
  log: (line: string) => void,
): Promise<{ result: ClusterBenchResult; markdown: string }> {
  buildOurs();
  const started = new Date();
  const machine = machineDescription();
  const code = codeVersion();
  log(machine);
  let singleDb: Awaited<ReturnType<typeof createServerDatabase>> | null = null;
  let single: ServerProcess | null = null;
  let cluster: Cluster | null = null;
  const rooms: TypingRoom[] = [];
  try {
    singleDb = await createServerDatabase();
    single = await spawnServer({ DATABASE_URL: singleDb.url }, { built: true });
    cluster = await startCluster({ processes: opts.processes });
    const one: Deployment = {
      label: '1 process',
      processes: [{ url: single.url, pid: single.child.pid! }],
      databaseUrl: singleDb.url,
      flushIntervalMs: FLUSH_INTERVAL_MS,
    };
    const many: Deployment = {
      label: `${opts.processes} processes`,
      processes: cluster.processes.map((p) => ({ url: p.url, pid: p.child.pid! })),
      databaseUrl: cluster.databaseUrl,
      redisUrl: SHARED_REDIS_URL,
      flushIntervalMs: FLUSH_INTERVAL_MS,
    };
    log(`started 1 process and ${opts.processes} processes behind HAProxy (${cluster.url})`);
    const floor = await pubSubFloor(SHARED_REDIS_URL, opts.floorSamples, 50);

    const a = await joinRoom(one, opts.writers, opts.watchers);
    rooms.push(a);
    const b = await joinRoom(many, opts.writers, opts.watchers);
    rooms.push(b);
    log(`${opts.writers} writers + ${opts.watchers} watchers joined on each`);
    for (let w = 0; w < opts.windows; w++) {
      // ABBA: neither deployment always types first
      for (const room of w % 2 === 0 ? [a, b] : [b, a]) {
        await typingWindow(room, opts.windowMs);
        log(
          `  window ${w + 1} on ${room.deployment.label}: ${room.typed} keystrokes so far, ` +
            `p99 so far ${pctl(room, 0.99)} ms`,
        );
      }
    }
    const problems = [...(await losses(a)), ...(await losses(b))];
    await leaveRoom(a);
    await leaveRoom(b);
    rooms.length = 0;

    log(
      `kill -9 rounds (${opts.killRounds}), ${opts.killWriters} writers + ${opts.killWatchers} watchers through HAProxy`,
    );
    const kill = await killRounds(cluster, {
      rounds: opts.killRounds,
      writers: opts.killWriters,
      watchers: opts.killWatchers,
      seed: opts.seed,
      log,
    });
    problems.push(...kill.problems);
    const elapsed = (Date.now() - started.getTime()) / 1000;
    const header = [
      `Run of ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${elapsed.toFixed(0)} s: \`${command}\`.`,
      '',
      `- ${machine}.`,
      `- Code: ${code}.`,
      `- Postgres server on 127.0.0.1 (a fresh database per deployment), Redis on ${SHARED_REDIS_URL}; the production build (\`server/dist\`) as \`pnpm start\` runs it.`,
      `- Typing: ${opts.writers} note-takers at 5 characters a second with their caret, ${opts.watchers} observers; ` +
        `${opts.windows} window(s) of ${opts.windowMs / 1000} s on each deployment, alternating. ` +
        `1 process: no Redis. ${opts.processes} processes: clients connected straight to them, writer i and watcher i on process i mod ${opts.processes}.`,
      `- Kill -9: ${opts.killWriters} note-takers typing 5 tokens a second + ${opts.killWatchers} observers through HAProxy (deploy/haproxy.cfg), ` +
        "reconnecting with the browser client's jittered backoff; before each round every client reconnects so that each process holds some.",
    ];
    const result: ClusterBenchResult = { header, single: a, cluster: b, pubSubFloor: floor, kill, problems };
    return { result, markdown: clusterMarkdown(result) };
  } finally {
    for (const room of rooms) await leaveRoom(room).catch(() => {});
    await cluster?.stop().catch(() => {});
    await single?.kill('SIGTERM').catch(() => {});
    await singleDb?.drop().catch(() => {});
  }
}

function pctl(room: TypingRoom, q: number): string {
  return quantile(room.recorder.latencies.sorted(), q).toFixed(1);
}
