import * as Y from 'yjs';
import type { Database } from '../db/database.ts';

/**
 * The Yjs update log in Postgres: the source of truth for every session document.
 * Rows are idempotent and commutative (Yjs updates), so a row written twice, or merged and
 * re-inserted by compaction, never changes the document it loads into.
 */
export class UpdateLog {
  constructor(private readonly db: Database) {}

  /** Append one (already merged) update as a row. */
  async append(sessionId: string, update: Uint8Array): Promise<void> {
    await this.db.query('INSERT INTO doc_updates (session_id, update) VALUES ($1, $2)', [sessionId, update]);
  }

  /** A session's rows in order, unmerged (a worker thread merges them). */
  async rows(sessionId: string): Promise<Uint8Array[]> {
    const rows = await this.db.query<{ update: Uint8Array }>(
      'SELECT update FROM doc_updates WHERE session_id = $1 ORDER BY id',
      [sessionId],
    );
    return rows.map((r) => r.update);
  }

  /** Load a session's document state: every row merged into one update (null when empty). */
  async load(sessionId: string): Promise<{ update: Uint8Array | null; rows: number }> {
    const rows = await this.db.query<{ update: Uint8Array }>(
      'SELECT update FROM doc_updates WHERE session_id = $1 ORDER BY id',
      [sessionId],
    );
    if (rows.length === 0) return { update: null, rows: 0 };
    const updates = rows.map((r) => r.update);
    return { update: updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates), rows: rows.length };
  }

  /**
   * Merge a session's rows into one: insert the merge, delete exactly the rows that were read,
   * in one transaction. Deleting by the ids read (never by an id range) matters when another
   * process appends concurrently: a row committed after our read survives untouched.
   */
  async compact(sessionId: string): Promise<{ merged: number }> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<{ id: string; update: Uint8Array }>(
        'SELECT id::text AS id, update FROM doc_updates WHERE session_id = $1 ORDER BY id',
        [sessionId],
      );
      if (rows.length < 2) return { merged: 0 };
      const merged = Y.mergeUpdates(rows.map((r) => r.update));
      await tx.query('INSERT INTO doc_updates (session_id, update) VALUES ($1, $2)', [sessionId, merged]);
      await tx.query('DELETE FROM doc_updates WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
      return { merged: rows.length };
    });
  }

  /** Rows and bytes stored for a session (diagnostics, benchmarks, tests). */
  async stats(sessionId: string): Promise<{ rows: number; bytes: number }> {
    const [r] = await this.db.query<{ rows: number; bytes: number }>(
      'SELECT count(*)::int AS rows, coalesce(sum(octet_length(update)), 0)::int AS bytes FROM doc_updates WHERE session_id = $1',
      [sessionId],
    );
    return r ?? { rows: 0, bytes: 0 };
  }
}
