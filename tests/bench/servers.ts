/**
 * The servers under test, each started in its own child process on 127.0.0.1: ours (with
 * persistence: Postgres when DATABASE_URL is set, else embedded PGlite), the two peers (no
 * persistence) and the floor. A Target tells clients where to connect and how to make a room.
 */
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@rapporteur/server';
import postgres from 'postgres';
import { createProcessStorage, createServerDatabase } from '../helpers/database.ts';
import { deployedNodeFlags, REPO_ROOT } from '../helpers/server.ts';
import { type Child, spawnScript } from './spawn.ts';

/** Which server a run talks to. */
export type ServerKind = 'ours' | 'yws' | 'hocuspocus';

/** Display names. */
export const SERVER_NAMES: Record<ServerKind | 'floor', string> = {
  ours: 'Rapporteur',
  yws: 'y-websocket-server 0.1.1',
  hocuspocus: 'Hocuspocus 3.4.4',
  floor: 'floor (bare ws relay)',
};

/** What the database of our server received during a run. */
export interface DbStats {
  backend: 'postgres' | 'pglite';
  /** Rows inserted into doc_updates (appends and compaction merges); null when unknown (PGlite). */
  inserted: number | null;
  /** Rows deleted by compaction; null when unknown. */
  deleted: number | null;
  /** Rows and payload bytes the session holds at the end. */
  rows: number;
  bytes: number;
  /** On-disk size of the doc_updates table with indexes and dead rows (Postgres only). */
  tableBytes: number | null;
}

/** Who a client is in a room: a note-taker typing, or someone watching. */
export type ClientRole = 'writer' | 'watcher';

/** A room to join, with the socket URL parameters each kind of client needs. */
export interface BenchRoom {
  name: string;
  /** Query parameters for a client of this role (ours: its capability token). */
  params(role: ClientRole): Record<string, string>;
}

/** A running server. */
export interface Target {
  kind: ServerKind | 'floor';
  pid: number;
  /** WebSocket base URL; a provider appends `/<room>`. */
  wsBase: string;
  /** Create a room (ours: a session and its links through the API; peers: any name). */
  newRoom(title: string): Promise<BenchRoom>;
  /** Stop the process; for ours, then read what the database received. */
  stop(room?: string): Promise<DbStats | null>;
  output(): string;
}

/** The admin secret our server runs with in the benchmark (it creates sessions over HTTP). */
const BENCH_ADMIN_TOKEN = 'bench-admin-secret-0123456789abcdef';
const PEERS_DIR = fileURLToPath(new URL('./peers/', import.meta.url));

/** Options shared by all servers. */
export interface StartOptions {
  /** Write V8 CPU profiles into `<cpuProfDir>/<profileName>/` when the process exits. */
  cpuProfDir?: string;
  profileName?: string;
  /** Ours: the link watchers open (default observer). */
  watcherRole?: WatcherRole;
}

function profArgs(opts: StartOptions): string[] {
  if (!opts.cpuProfDir) return [];
  // one folder per run (a process with worker threads writes one profile per thread)
  return ['--cpu-prof', `--cpu-prof-dir=${path.join(opts.cpuProfDir, opts.profileName ?? 'server')}`];
}

/** Start one server of the given kind. */
export async function startTarget(kind: ServerKind | 'floor', opts: StartOptions = {}): Promise<Target> {
  if (kind === 'ours') return startOurs(opts);
  const script = { yws: 'y-websocket-server.mjs', hocuspocus: 'hocuspocus.mjs', floor: 'floor.mjs' }[kind];
  const child: Child = await spawnScript(`${PEERS_DIR}${script}`, { nodeArgs: profArgs(opts) });
  let n = 0;
  return {
    kind,
    pid: child.pid,
    wsBase: `ws://127.0.0.1:${child.port}`,
    newRoom: async () => ({ name: `bench-${process.pid}-${++n}`, params: () => ({}) }),
    stop: async () => {
      await child.stop();
      return null;
    },
    output: child.output,
  };
}

/**
 * Which link the watchers of our server open. Observers are what Rapporteur gives people who
 * watch (read-only, invisible: their presence is never broadcast); `note-taker` makes every
 * watcher a visible participant like the peers' clients, the strictest comparison.
 */
export type WatcherRole = 'observer' | 'note-taker';

function tokenOf(link: string): string {
  const token = new URL(link, 'http://x').searchParams.get('token');
  if (!token) throw new Error(`no token in link ${link}`);
  return token;
}

let built = false;

/** Build our server once per benchmark process (a second or two), so runs measure this code. */
export function buildOurs(): void {
  if (built) return;
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'server/scripts/build.mjs')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  built = true;
}

async function startOurs(opts: StartOptions): Promise<Target> {
  buildOurs();
  const pg = process.env.DATABASE_URL ? await createServerDatabase() : null;
  const storage = pg ? { env: { DATABASE_URL: pg.url }, drop: pg.drop } : await createProcessStorage('pglite');
  // the production build (buildOurs above) with the node flags `pnpm start` gives it; env as
  // tests/helpers/server.ts spawnServer gives, plus profiling flags (refused in NODE_OPTIONS)
  const proc = await spawnScript(path.join(REPO_ROOT, 'server/dist/main.js'), {
    cwd: path.join(REPO_ROOT, 'server'),
    nodeArgs: [...deployedNodeFlags(), ...profArgs(opts)],
    env: { HOST: '127.0.0.1', PORT: '0', CLIENT_DIR: 'no-client', ADMIN_TOKEN: BENCH_ADMIN_TOKEN, ...storage.env },
    ready: /running at http:\/\/127\.0\.0\.1:(\d+)/,
  });
  const url = `http://127.0.0.1:${proc.port}`;
  const pid = proc.pid;
  return {
    kind: 'ours',
    pid,
    wsBase: `ws://127.0.0.1:${proc.port}/collab`,
    newRoom: async (title) => {
      const res = await fetch(`${url}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_ADMIN_TOKEN}` },
        body: JSON.stringify({ title }),
      });
      if (!res.ok) throw new Error(`POST /api/sessions: ${res.status} ${await res.text()}`);
      const session = (await res.json()) as { id: string; links: { observer: string; noteTaker: string } };
      const writer = tokenOf(session.links.noteTaker);
      const watcher = tokenOf(opts.watcherRole === 'note-taker' ? session.links.noteTaker : session.links.observer);
      let n = 0;
      return {
        name: session.id,
        params: (role): Record<string, string> =>
          role === 'writer' ? { token: writer, name: `Note-taker ${++n}`, color: '#3cb44b' } : { token: watcher },
      };
    },
    stop: async (room) => {
      await proc.stop(20_000);
      try {
        if (!room) return null;
        return pg ? await postgresStats(pg.url, room) : await pgliteStats(storage.env.DATA_DIR!, room);
      } finally {
        await storage.drop();
      }
    },
    output: proc.output,
  };
}

/** Read after the server exited: its backends flushed their statistics when they closed. */
async function postgresStats(url: string, room: string): Promise<DbStats> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [t] = await sql<{ ins: string; del: string; size: string }[]>`
      SELECT n_tup_ins::text AS ins, n_tup_del::text AS del, pg_total_relation_size(relid)::text AS size
      FROM pg_stat_user_tables WHERE relname = 'doc_updates'`;
    const [r] = await sql<{ rows: number; bytes: string }[]>`
      SELECT count(*)::int AS rows, coalesce(sum(octet_length(update)), 0)::text AS bytes
      FROM doc_updates WHERE session_id = ${room}`;
    return {
      backend: 'postgres',
      inserted: t ? Number(t.ins) : null,
      deleted: t ? Number(t.del) : null,
      rows: r?.rows ?? 0,
      bytes: Number(r?.bytes ?? 0),
      tableBytes: t ? Number(t.size) : null,
    };
  } finally {
    await sql.end();
  }
}

/** PGlite keeps no statistics across a restart: only what is stored at the end is known. */
async function pgliteStats(dataDir: string, room: string): Promise<DbStats> {
  const db = await openDatabase({ dataDir });
  try {
    const [r] = await db.query<{ rows: number; bytes: number }>(
      'SELECT count(*)::int AS rows, coalesce(sum(octet_length(update)), 0)::int AS bytes FROM doc_updates WHERE session_id = $1',
      [room],
    );
    return {
      backend: 'pglite',
      inserted: null,
      deleted: null,
      rows: r?.rows ?? 0,
      bytes: r?.bytes ?? 0,
      tableBytes: null,
    };
  } finally {
    await db.close();
    await rm(dataDir, { recursive: true, force: true }).catch(() => {});
  }
}
