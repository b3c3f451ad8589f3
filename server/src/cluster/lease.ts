/**
 * Leases: one owner in the cluster for work that must run once (a room's compaction, projection,
 * automatic versions and gap filling; the projection sweep). A lease is a Postgres session-level
 * advisory lock taken on one connection this process keeps for the purpose (Database.reserve). Postgres releases
 * every such lock when the session ends, so a holder killed with -9 loses its leases as soon as
 * the kernel closes its socket, and a survivor's next attempt (every few seconds) takes over.
 *
 * If that connection drops while the process lives (network cut, Postgres restart,
 * pg_terminate_backend), the locks are gone with it. postgres.js would quietly open a new
 * connection for the next query, so a periodic check compares the backend pid: when it changed
 * or the check fails, every lease is reported lost at once and the connection is replaced;
 * owners then try again like anyone else. Between the drop and the check (at most `checkMs`) a
 * former owner may still run a step of leased work beside a new owner: every such step is safe
 * to run twice (compaction deletes only the rows it read, projection is version-guarded, a gap
 * fill appends idempotent Yjs updates); at worst an automatic version is taken twice.
 */
import type { Database, ReservedConnection } from '../db/database.ts';
import type { Logger } from '../logger.ts';

/** First key of every lock we take ('RAPP'), so our locks never collide with another application's. */
const LOCK_NAMESPACE = 0x52415050;

/** The second lock key for a lease name: 32-bit FNV-1a, as Postgres's signed int4. */
export function leaseKey(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

export interface LeasesOptions {
  db: Pick<Database, 'reserve'>;
  logger: Logger;
  /** How often the connection holding the locks is checked (default 2 s). */
  checkMs?: number;
  /** Told the names of leases that were lost with their connection. */
  onLost?: (names: string[]) => void;
}

/** The advisory-lock leases of this process, all on one reserved connection. */
export class Leases {
  private conn: ReservedConnection | null = null;
  private opening: Promise<ReservedConnection> | null = null;
  private pid: number | null = null;
  private readonly held = new Set<string>();
  private readonly timer: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly opts: LeasesOptions) {
    if (!opts.db.reserve) throw new Error('leases need a Postgres server (DATABASE_URL)');
    this.timer = setInterval(() => void this.check(), opts.checkMs ?? 2_000);
    this.timer.unref();
  }

  /** Whether this process holds the lease (as of the last check of its connection). */
  holds(name: string): boolean {
    return this.held.has(name);
  }

  /** Take the lease if nobody holds it; true when this process holds it afterwards. */
  async tryAcquire(name: string): Promise<boolean> {
    if (this.held.has(name)) return true;
    if (this.closed) return false;
    try {
      const conn = await this.connection();
      const [row] = await conn.query<{ ok: boolean; pid: number }>(
        'SELECT pg_try_advisory_lock($1::int4, $2::int4) AS ok, pg_backend_pid() AS pid',
        [LOCK_NAMESPACE, leaseKey(name)],
      );
      if (!row || row.pid !== this.pid) {
        // the connection was replaced under us: the lock (if any) is on a session we do not track
        this.lose('replaced');
        return false;
      }
      if (row.ok) this.held.add(name);
      return row.ok;
    } catch (err) {
      this.opts.logger.warn('lease attempt failed', { name, err });
      this.lose('broken');
      return false;
    }
  }

  /** Give a lease back (the room was unloaded). */
  async release(name: string): Promise<void> {
    if (!this.held.delete(name) || !this.conn) return;
    try {
      await this.conn.query('SELECT pg_advisory_unlock($1::int4, $2::int4)', [LOCK_NAMESPACE, leaseKey(name)]);
    } catch {
      this.lose('broken'); // the connection is gone, and the lock with it
    }
  }

  /** Names of the leases held now. */
  get names(): string[] {
    return [...this.held];
  }

  private connection(): Promise<ReservedConnection> {
    if (this.conn) return Promise.resolve(this.conn);
    this.opening ??= (async () => {
      const conn = await this.opts.db.reserve!();
      const [row] = await conn.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      this.pid = row!.pid;
      this.conn = conn;
      return conn;
    })().finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  /** Is the connection that holds our locks still the one we took them on? */
  private async check(): Promise<void> {
    const conn = this.conn;
    if (!conn || this.held.size === 0) return;
    try {
      const [row] = await conn.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      if (row?.pid !== this.pid) this.lose('replaced');
    } catch {
      this.lose('broken');
    }
  }

  /**
   * Our connection (and so every lock on it) is gone: say so and start afresh. A `replaced`
   * connection works but is a new session, which may hold a lock we no longer track: it is
   * cleared before the pool reuses it. A `broken` one is only handed back (nothing more is sent
   * on it: postgres.js fails on writes to a connection whose socket is gone).
   */
  private lose(how: 'replaced' | 'broken'): void {
    const lost = [...this.held];
    this.held.clear();
    const conn = this.conn;
    this.conn = null;
    this.pid = null;
    if (conn && how === 'replaced') {
      void conn
        .query('SELECT pg_advisory_unlock_all()')
        .catch(() => {})
        .finally(() => conn.release());
    } else if (conn) {
      conn.release();
    }
    if (lost.length > 0) {
      this.opts.logger.warn('leases lost with their database connection', { leases: lost });
      this.opts.onLost?.(lost);
    }
  }

  /** Release every lease and the connection. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    const conn = this.conn;
    this.conn = null;
    this.held.clear();
    if (!conn) return;
    try {
      await conn.query('SELECT pg_advisory_unlock_all()');
    } catch {
      // the session is gone: its locks went with it
    }
    conn.release();
  }
}
