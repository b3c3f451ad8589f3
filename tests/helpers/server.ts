/** Start Rapporteur servers for tests: in this process on port 0, or as a child process. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, type Database, parseConfig, type RunningServer, startServer } from '@rapporteur/server';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The admin secret test servers run with (ADMIN_TOKEN), unless a test passes its own or clears it
 * (`ADMIN_TOKEN: ''`) to exercise the secret the server creates and prints itself.
 */
export const TEST_ADMIN_TOKEN = 'test-admin-secret-0123456789abcdef';

/** What a test server may need beyond the defaults (everything optional). */
export interface TestServerOptions {
  /** Folder of the built client to serve (none by default). */
  clientDir?: string;
  /** Further environment for the config, e.g. `{ ADMIN_TOKEN }`. */
  env?: Record<string, string>;
  /** Socket admission limits (flood tests lower them). */
  collabLimits?: StartOptions['collabLimits'];
  /** TCP connections one address may hold (slow-client tests lower it). */
  maxConnectionsPerAddress?: number;
  /** Quiet time before an automatic version (shortened by version tests). */
  autoVersionQuietMs?: number;
  /** Observer frames per second before a room batches them (lowered by the batching test). */
  observerFramesPerSecond?: number;
  /**
   * How long a room stays loaded after its last socket left. 0 by default here: the suites that
   * follow a room's unload expect it at once (the production default, ROOM_LINGER_MS, has tests of
   * its own, and spawned servers run with it).
   */
  roomLingerMs?: number;
  /** Worker pool and heavy-request limits, or another worker entry (heavy-work tests). */
  heavy?: StartOptions['heavy'];
  /** Clustered mode (env REDIS_URL): relay and owner timing, shortened by cluster tests. */
  clusterTiming?: StartOptions['clusterTiming'];
  /** Clustered mode: wrap the Redis bus (to drop messages). */
  wrapClusterBus?: StartOptions['wrapClusterBus'];
}

type StartOptions = NonNullable<Parameters<typeof startServer>[1]>;

/** A server in this process on a free port, over the given database (not closed by close()). */
export async function startTestServer(db: Database, opts: TestServerOptions = {}): Promise<RunningServer> {
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    CLIENT_DIR: opts.clientDir ?? 'no-client',
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    ...opts.env,
  });
  return startServer(config, {
    db,
    logger: createLogger({ quiet: true }),
    collabLimits: opts.collabLimits,
    maxConnectionsPerAddress: opts.maxConnectionsPerAddress,
    autoVersionQuietMs: opts.autoVersionQuietMs,
    observerFramesPerSecond: opts.observerFramesPerSecond,
    roomLingerMs: opts.roomLingerMs ?? 0,
    heavy: opts.heavy,
    clusterTiming: opts.clusterTiming,
    wrapClusterBus: opts.wrapClusterBus,
  });
}

/** A server running as a child process. */
export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Output so far (for failure messages). */
  output(): string;
  /** Send a signal and wait for exit. */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * The node flags `pnpm start` runs the production build with (server/package.json's start
 * script), so tests and the benchmark run it exactly as deployed.
 */
export function deployedNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'server/package.json'), 'utf8'));
  const words = String(pkg.scripts?.start ?? '').split(/\s+/);
  if (words[0] !== 'node') throw new Error(`the server's start script does not run node: ${pkg.scripts?.start}`);
  return words.slice(1).filter((w) => w.startsWith('--'));
}

/**
 * Spawn the server; resolves once it prints its address. By default `server/src/main.ts` through
 * tsx; with `built`, the production build (`pnpm build`) as `pnpm start` runs it. Pass PORT to
 * reuse a port across restarts (clients reconnect to the same address); `nodeFlags` go to node
 * first (a CPU profile, say).
 */
export async function spawnServer(
  env: Record<string, string>,
  opts: { port?: number; built?: boolean; nodeFlags?: string[] } = {},
): Promise<ServerProcess> {
  // `node --import tsx` rather than the tsx binary: the binary runs the server in a child
  // process, so SIGKILL would hit the wrapper and leave the real server running
  const args = [
    ...(opts.nodeFlags ?? []),
    ...(opts.built
      ? [...deployedNodeFlags(), path.join(REPO_ROOT, 'server/dist/main.js')]
      : ['--import', 'tsx', path.join(REPO_ROOT, 'server/src/main.ts')]),
  ];
  const child = spawn(process.execPath, args, {
    cwd: path.join(REPO_ROOT, 'server'),
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(opts.port ?? 0),
      CLIENT_DIR: 'no-client',
      ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    // a first start creates its embedded database: on a busy two-core machine that took over a minute
    const startTimeout = Number(process.env.SERVER_START_TIMEOUT_MS ?? 180_000);
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), startTimeout);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/running at (http:\/\/[^\s]+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => {
      out += d.toString();
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before starting:\n${out}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    child,
    output: () => out,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}
