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
   * Merge a session's newer rows into one: insert the merge, delete exactly the rows that were
   * merged, in one transaction. Deleting by the ids read (never by an id range) matters when
   * another process appends concurrently: a row committed after our read survives untouched.
   *
   * Rows larger than everything stored after them stay as they are: a long record's big row is
   * not read, merged and written again every time a few hundred keystrokes are compacted (at
   * 1,000 blocks that was 1.7 MB each time, a server stall of ~200 ms with the embedded
   * database). The rows kept shrink at least by half from one to the next, so they stay few, and
   * a row is rewritten only once what came after it has grown as large as it.
   */
  async compact(sessionId: string): Promise<{ merged: number; rows: number }> {
    return this.db.transaction(async (tx) => {
      const sizes = await tx.query<{ id: string; bytes: number }>(
        'SELECT id::text AS id, octet_length(update)::int AS bytes FROM doc_updates WHERE session_id = $1 ORDER BY id',
        [sessionId],
      );
      const from = firstToMerge(sizes.map((r) => r.bytes));
      const ids = sizes.slice(from).map((r) => r.id);
      if (ids.length < 2) return { merged: 0, rows: sizes.length };
      const rows = await tx.query<{ update: Uint8Array }>(
        'SELECT update FROM doc_updates WHERE id = ANY($1::bigint[]) ORDER BY id',
        [ids],
      );
      const merged = Y.mergeUpdates(rows.map((r) => r.update));
      await tx.query('INSERT INTO doc_updates (session_id, update) VALUES ($1, $2)', [sessionId, merged]);
      await tx.query('DELETE FROM doc_updates WHERE id = ANY($1::bigint[])', [ids]);
      return { merged: ids.length, rows: from + 1 };
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

/**
 * Of rows of these sizes (oldest first), the first to merge: every row before it is larger than
 * all the rows after it together.
 */
export function firstToMerge(bytes: readonly number[]): number {
  let after = bytes.reduce((a, b) => a + b, 0);
  let k = 0;
  for (; k < bytes.length; k++) {
    after -= bytes[k]!;
    if (bytes[k]! <= after) break;
  }
  return k;
}
