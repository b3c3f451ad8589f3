/**
 * A real cluster for tests: N built server processes (`pnpm build`) sharing one fresh Postgres
 * database and a Redis server, behind HAProxy run in the foreground from deploy/haproxy.cfg on a
 * port of the test's choosing; and a private redis-server for tests that stop and restart Redis.
 * Every child is started and stopped by the test (by its own pid).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  type Bus,
  type Database,
  openDatabase,
  type RunningServer,
  relayParts,
  writeRelayBatch,
} from '@rapporteur/server';
import { createServerDatabase } from './database.ts';
import { REPO_ROOT, type ServerProcess, spawnServer, startTestServer, type TestServerOptions } from './server.ts';

/** The shared Redis of this machine (and of CI). */
export const SHARED_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A free TCP port on loopback (bound, read, released). */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

/** Whether something accepts TCP connections at host:port. */
function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    s.setTimeout(1000);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
    s.once('timeout', () => {
      s.destroy();
      resolve(false);
    });
  });
}

function commandExists(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Why cluster tests cannot run here, or null when they can: they need Postgres (DATABASE_URL),
 * Redis, redis-server (for the private one), haproxy and the production build.
 */
export async function clusterUnavailable(): Promise<string | null> {
  if (!process.env.DATABASE_URL) return 'DATABASE_URL is not set (clustered mode needs a Postgres server)';
  const redis = new URL(SHARED_REDIS_URL);
  if (!(await reachable(redis.hostname, Number(redis.port || 6379)))) return `no Redis answers at ${SHARED_REDIS_URL}`;
  if (!commandExists('haproxy')) return 'haproxy is not installed (apt-get install -y haproxy)';
  if (!commandExists('redis-server')) return 'redis-server is not installed (apt-get install -y redis-server)';
  if (!existsSync(path.join(REPO_ROOT, 'server/dist/main.js'))) return 'the server is not built (pnpm build)';
  return null;
}

/** A child process we started, stopped by its pid. */
async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function waitUntil(fn: () => Promise<boolean>, what: string, timeout = 30_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A private redis-server on a free port (no persistence), for outage tests. */
export interface PrivateRedis {
  url: string;
  port: number;
  /** Stop it (SIGKILL: an outage, not a clean shutdown). */
  stop(): Promise<void>;
  /** Start it again on the same port (empty: nothing was saved). */
  start(): Promise<void>;
}

/** Start a redis-server of our own on a free port. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await waitUntil(() => reachable('127.0.0.1', port), `redis-server on ${port}`);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop: async () => {
      if (child) await stopChild(child, 'SIGKILL');
      child = null;
    },
  };
}

/** The balancer's config for these process ports, from deploy/haproxy.cfg. */
export function haproxyConfig(listenPort: number, serverPorts: readonly number[]): string {
  const template = readFileSync(path.join(REPO_ROOT, 'deploy/haproxy.cfg'), 'utf8');
  const servers = serverPorts.map((p, i) => `server s${i + 1} 127.0.0.1:${p} check`).join('\n    ');
  return template.replace('@LISTEN@', `127.0.0.1:${listenPort}`).replace('@SERVERS@', servers);
}

/** A running test cluster. */
export interface Cluster {
  /** The balancer's address: where clients connect. */
  url: string;
  /** The processes, by index (an entry is replaced when a process is restarted). */
  processes: ServerProcess[];
  /** The database every process uses. */
  databaseUrl: string;
  /** Kill process `i` with SIGKILL (no flush, no goodbye). */
  kill9(i: number): Promise<void>;
  /** Start process `i` again on its port. */
  restart(i: number): Promise<void>;
  /** Whether process `i` is running. */
  alive(i: number): boolean;
  /** Stop everything and drop the database. */
  stop(): Promise<void>;
}

export interface ClusterOptions {
  processes?: number;
  redisUrl?: string;
  /** Further environment for every process. */
  env?: Record<string, string>;
}

/** Start N built server processes on one fresh database and Redis, and HAProxy in front of them. */
export async function startCluster(opts: ClusterOptions = {}): Promise<Cluster> {
  const n = opts.processes ?? 3;
  const database = await createServerDatabase();
  const ports = await Promise.all(Array.from({ length: n }, () => freePort()));
  const envOf = (i: number) => ({
    DATABASE_URL: database.url,
    REDIS_URL: opts.redisUrl ?? SHARED_REDIS_URL,
    PROCESS_ID: `p${i + 1}-${process.pid}-${Date.now().toString(36)}`,
    ...opts.env,
  });
  const processes: ServerProcess[] = [];
  // one at a time: the first runs the migrations; the others find the schema in place
  for (let i = 0; i < n; i++) processes.push(await spawnServer(envOf(i), { built: true, port: ports[i] }));

  const dir = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-lb-'));
  const lbPort = await freePort();
  const cfg = path.join(dir, 'haproxy.cfg');
  await writeFile(cfg, haproxyConfig(lbPort, ports));
  let lbOut = '';
  const haproxy = spawn('haproxy', ['-db', '-f', cfg], { stdio: ['ignore', 'pipe', 'pipe'] });
  haproxy.stdout!.on('data', (d: Buffer) => (lbOut += d.toString()));
  haproxy.stderr!.on('data', (d: Buffer) => (lbOut += d.toString()));
  const url = `http://127.0.0.1:${lbPort}`;
  const healthy = async () => {
    if (haproxy.exitCode !== null) throw new Error(`haproxy exited:\n${lbOut}`);
    try {
      return (await fetch(`${url}/health`)).status === 200;
    } catch {
      return false;
    }
  };
  await waitUntil(healthy, 'haproxy to answer');

  const alive = (i: number) => {
    const c = processes[i]!.child;
    return c.exitCode === null && c.signalCode === null;
  };
  return {
    url,
    processes,
    databaseUrl: database.url,
    alive,
    kill9: async (i) => {
      await processes[i]!.kill('SIGKILL');
    },
    restart: async (i) => {
      processes[i] = await spawnServer(envOf(i), { built: true, port: ports[i] });
    },
    stop: async () => {
      await stopChild(haproxy);
      await Promise.all(processes.map((p) => p.kill('SIGKILL')));
      await rm(dir, { recursive: true, force: true });
      await database.drop();
    },
  };
}

/** Why in-process cluster tests cannot run here (they need Postgres and Redis), or null. */
export async function redisClusterUnavailable(): Promise<string | null> {
  if (!process.env.DATABASE_URL) return 'DATABASE_URL is not set (clustered mode needs a Postgres server)';
  const redis = new URL(SHARED_REDIS_URL);
  if (!(await reachable(redis.hostname, Number(redis.port || 6379)))) return `no Redis answers at ${SHARED_REDIS_URL}`;
  return null;
}

/** Several clustered servers in this process, each with its own connection pool, on one fresh database. */
export interface InProcessCluster {
  servers: RunningServer[];
  databaseUrl: string;
  /** A database handle for the test's own queries. */
  db: Database;
  stop(): Promise<void>;
}

/** Start `n` clustered servers in this process (fast; for tests that look inside the processes). */
export async function startInProcessCluster(
  n: number,
  opts: Omit<TestServerOptions, 'env'> & {
    redisUrl?: string;
    env?: Record<string, string>;
    /** Wrap the database handle of server `i` (fault injection). */
    wrapDb?: (i: number, db: Database) => Database;
  } = {},
): Promise<InProcessCluster> {
  const database = await createServerDatabase();
  const pools: Database[] = [];
  const servers: RunningServer[] = [];
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  for (let i = 0; i < n; i++) {
    const db = await openDatabase({ databaseUrl: database.url, dataDir: '' });
    pools.push(db);
    servers.push(
      await startTestServer(opts.wrapDb ? opts.wrapDb(i, db) : db, {
        ...opts,
        env: {
          DATABASE_URL: database.url,
          REDIS_URL: opts.redisUrl ?? SHARED_REDIS_URL,
          PROCESS_ID: `t${i + 1}-${tag}`,
          ...opts.env,
        },
      }),
    );
  }
  return {
    servers,
    databaseUrl: database.url,
    db: pools[0]!,
    stop: async () => {
      for (const s of servers) await s.close();
      for (const db of pools) await db.close();
      await database.drop();
    },
  };
}

/**
 * A bus that loses the messages `drop` picks (as pub/sub may), passing everything else through.
 * `drop` sees each message a batch carries on its own; the parts it keeps go out together.
 */
export function droppingBus(bus: Bus, drop: (message: Uint8Array) => boolean): Bus {
  return {
    get processId() {
      return bus.processId;
    },
    get stats() {
      return bus.stats;
    },
    subscribe: (channel, handler) => bus.subscribe(channel, handler),
    unsubscribe: (channel) => bus.unsubscribe(channel),
    publish: (channel, message) => {
      const parts = relayParts(message);
      const kept = parts.filter((part) => !drop(part));
      if (kept.length === parts.length) bus.publish(channel, message);
      else if (kept.length > 0) bus.publish(channel, writeRelayBatch(bus.processId, kept));
    },
    heartbeat: (sessionId, ttlMs) => bus.heartbeat(sessionId, ttlMs),
    leave: (sessionId) => bus.leave(sessionId),
    members: (sessionId) => bus.members(sessionId),
    onReconnect: (fn) => bus.onReconnect(fn),
    close: () => bus.close(),
  };
}
