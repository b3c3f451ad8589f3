import type { CreateSessionRequest, Session } from '@rapporteur/shared/api';
import { TtlCache } from '../access/ttlCache.ts';
import type { Database } from '../db/database.ts';
import { type OutagePolicy, unlessUnavailable } from '../db/monitor.ts';

interface SessionRow {
  id: string;
  title: string;
  status: Session['status'];
  public: boolean;
  starts_at: Date | string;
  created_at: Date | string;
  updated_at: Date | string;
}

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

function toSession(r: SessionRow): Session {
  return {
    id: r.id,
    title: r.title,
    status: r.status,
    public: r.public,
    startsAt: iso(r.starts_at),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

const COLUMNS = 'id, title, status, public, starts_at, created_at, updated_at';

/** Sessions table access: the meetings this instance holds. */
export class SessionStore {
  /** Recent reads for the socket gate (many joiners at once); this process's changes evict. */
  private readonly recent = new TtlCache<string, Session | null>(5_000);
  /** The last row read or written per session, to stand in for the database during an outage. */
  private readonly lastKnown = new TtlCache<string, Session | null>(60 * 60_000);

  constructor(private readonly db: Database) {}

  /**
   * Like get(), but may answer from a read of the last few seconds (the socket gate). While the
   * database is unavailable, `duringOutage` fails at once or answers with the last row known
   * (rooms in memory: status and publication change through writes, which this process sees).
   */
  getRecent(id: string, opts: { duringOutage?: OutagePolicy } = {}): Promise<Session | null> {
    const lookup = () => this.recent.getOr(id, () => this.get(id));
    if (!opts.duringOutage) return lookup();
    const lastKnown = opts.duringOutage === 'lastKnown';
    return unlessUnavailable(this.db, lookup, () => (lastKnown ? this.lastKnown.get(id) : undefined));
  }

  /** Create a session and return it. */
  async create(input: CreateSessionRequest): Promise<Session> {
    const id = crypto.randomUUID();
    const [row] = await this.db.query<SessionRow>(
      `INSERT INTO sessions (id, title, starts_at) VALUES ($1, $2, coalesce($3::timestamptz, now())) RETURNING ${COLUMNS}`,
      [id, input.title, input.startsAt ?? null],
    );
    const session = toSession(row!);
    this.recent.set(id, session); // its first joiners usually follow within seconds
    this.lastKnown.set(id, session);
    return session;
  }

  /** All sessions, newest first. */
  async list(limit = 200): Promise<Session[]> {
    const rows = await this.db.query<SessionRow>(`SELECT ${COLUMNS} FROM sessions ORDER BY created_at DESC LIMIT $1`, [
      limit,
    ]);
    return rows.map(toSession);
  }

  /** One session, or null when the id is unknown. */
  async get(id: string): Promise<Session | null> {
    const [row] = await this.db.query<SessionRow>(`SELECT ${COLUMNS} FROM sessions WHERE id = $1`, [id]);
    const session = row ? toSession(row) : null;
    this.lastKnown.set(id, session);
    return session;
  }

  /** Whether a session exists (the socket gate). */
  async exists(id: string): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM sessions WHERE id = $1', [id]);
    return rows.length > 0;
  }

  /** Change the lifecycle status, recording who changed it. Returns the updated session. */
  async setStatus(id: string, status: Session['status'], by: string): Promise<Session | null> {
    const [row] = await this.db.query<SessionRow>(
      `UPDATE sessions SET status = $2, status_changed_at = now(), status_changed_by = $3, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, status, by],
    );
    this.recent.delete(id);
    return this.remember(id, row);
  }

  /** Publish or unpublish (readable without a token). */
  async setPublic(id: string, isPublic: boolean): Promise<Session | null> {
    const [row] = await this.db.query<SessionRow>(
      `UPDATE sessions SET public = $2, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, isPublic],
    );
    this.recent.delete(id);
    return this.remember(id, row);
  }

  /** Delete a session (and, by cascade, what hangs off it): undoes a create that could not finish. */
  async delete(id: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE id = $1', [id]);
    this.recent.delete(id);
    this.lastKnown.delete(id);
  }

  private remember(id: string, row: SessionRow | undefined): Session | null {
    const session = row ? toSession(row) : null;
    this.lastKnown.set(id, session);
    return session;
  }
}
