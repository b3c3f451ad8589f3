import type { Database, Queryable } from '../db/database.ts';
import type { BlockRow, ItemRow, ProjectionSnapshot } from './rows.ts';

/**
 * What a projection write did: committed; skipped because the rows stored are those of this very
 * state (`current`: they are what the snapshot holds); or skipped because a newer projection, or
 * another state of the same version, is stored (`stale`).
 */
export type WriteOutcome = 'written' | 'current' | 'stale';

/** A snapshot this process committed, kept to send only what changed next time. */
export interface WrittenProjection {
  version: number;
  stateKey: string;
  blocks: Map<string, BlockRow>;
  items: Map<string, ItemRow>;
}

/** Writes snapshots into the projection tables (an interface so the scheduler can be tested alone). */
export interface ProjectionWriter {
  write(snapshot: ProjectionSnapshot, previous: WrittenProjection | null): Promise<WriteOutcome>;
}

const byId = <T>(rows: T[], key: keyof T) => new Map(rows.map((r) => [String(r[key]), r]));

/** The rows of a snapshot by id, to remember it once it is written. */
export function writtenProjection(s: ProjectionSnapshot): WrittenProjection {
  return {
    version: s.version,
    stateKey: s.stateKey,
    blocks: byId(s.blocks, 'blockId'),
    items: byId(s.items, 'itemId'),
  };
}

/**
 * Whether a row holds the same values as the one written before (rows are flat: strings, numbers,
 * null). Field by field, not through JSON: a 1,000-block record projected every second while
 * people type was ~20 ms of JSON.stringify a time on the server's one thread, delaying every
 * keystroke relayed meanwhile (issue 17).
 */
export function sameRow<R extends BlockRow | ItemRow>(a: R, b: R | undefined): boolean {
  if (!b) return false;
  for (const k of Object.keys(a) as (keyof R)[]) if (a[k] !== b[k]) return false;
  return true;
}

// Rows travel as one JSON parameter expanded by json_to_recordset: one statement per table
// whatever the number of blocks, the same on PGlite and postgres.js, and nothing interpolated.
const UPSERT_BLOCKS = `
INSERT INTO speaker_blocks AS b (session_id, block_id, position, agenda_item_id, speaker, affiliation,
  on_behalf_of, kind, started_at, started_ts, status, status_by, status_at, text, word_count)
SELECT $1, r."blockId", r.position, r."agendaItemId", r.speaker, r.affiliation, r."onBehalfOf", r.kind,
  r."startedAt", r."startedTs", r.status, r."statusBy", r."statusAt", r.text, r."wordCount"
FROM json_to_recordset($2::text::json) AS r("blockId" text, position int, "agendaItemId" text, speaker text,
  affiliation text, "onBehalfOf" text, kind text, "startedAt" text, "startedTs" timestamptz, status text,
  "statusBy" text, "statusAt" text, text text, "wordCount" int)
ON CONFLICT (session_id, block_id) DO UPDATE SET position = EXCLUDED.position,
  agenda_item_id = EXCLUDED.agenda_item_id, speaker = EXCLUDED.speaker, affiliation = EXCLUDED.affiliation,
  on_behalf_of = EXCLUDED.on_behalf_of, kind = EXCLUDED.kind, started_at = EXCLUDED.started_at,
  started_ts = EXCLUDED.started_ts, status = EXCLUDED.status, status_by = EXCLUDED.status_by,
  status_at = EXCLUDED.status_at, text = EXCLUDED.text, word_count = EXCLUDED.word_count, updated_at = now()
WHERE (b.position, b.agenda_item_id, b.speaker, b.affiliation, b.on_behalf_of, b.kind, b.started_at,
  b.started_ts, b.status, b.status_by, b.status_at, b.text, b.word_count)
  IS DISTINCT FROM (EXCLUDED.position, EXCLUDED.agenda_item_id, EXCLUDED.speaker, EXCLUDED.affiliation,
  EXCLUDED.on_behalf_of, EXCLUDED.kind, EXCLUDED.started_at, EXCLUDED.started_ts, EXCLUDED.status,
  EXCLUDED.status_by, EXCLUDED.status_at, EXCLUDED.text, EXCLUDED.word_count)`;

const UPSERT_ITEMS = `
INSERT INTO agenda_items AS a (session_id, item_id, position, title)
SELECT $1, r."itemId", r.position, r.title
FROM json_to_recordset($2::text::json) AS r("itemId" text, position int, title text)
ON CONFLICT (session_id, item_id) DO UPDATE SET position = EXCLUDED.position, title = EXCLUDED.title
WHERE (a.position, a.title) IS DISTINCT FROM (EXCLUDED.position, EXCLUDED.title)`;

/**
 * The projection tables of every session. One write = one transaction: take the session's guard
 * row lock, give up if a projection at least as new is stored, else upsert and delete rows and
 * record the version. The row lock serialises projectors of one session across processes.
 */
export class ProjectionStore implements ProjectionWriter {
  constructor(private readonly db: Database) {}

  /** Write `snapshot`; only the rows that changed since `previous` when the table still holds it. */
  async write(snapshot: ProjectionSnapshot, previous: WrittenProjection | null): Promise<WriteOutcome> {
    try {
      return await this.writeGuarded(snapshot, previous);
    } catch (err) {
      // foreign_key_violation: the session was deleted meanwhile, so there is nothing to mirror
      // (retrying would only fail forever)
      if ((err as { code?: unknown }).code === '23503') return 'stale';
      throw err;
    }
  }

  private writeGuarded(snapshot: ProjectionSnapshot, previous: WrittenProjection | null): Promise<WriteOutcome> {
    return this.db.transaction(async (tx) => {
      const { sessionId, version } = snapshot;
      // Make sure the guard row exists so FOR UPDATE has something to lock (-1: never projected).
      // A concurrent insert of the same row waits here for the other transaction to finish.
      await tx.query('INSERT INTO projection_state (session_id, version) VALUES ($1, -1) ON CONFLICT DO NOTHING', [
        sessionId,
      ]);
      const [row] = await tx.query<{ version: string | number; state_key: string | null }>(
        'SELECT version, state_key FROM projection_state WHERE session_id = $1 FOR UPDATE',
        [sessionId],
      );
      const stored = Number(row!.version);
      if (stored === version && row!.state_key === snapshot.stateKey) return 'current';
      if (stored >= version) return 'stale';
      // The table holds exactly `previous` only if nobody wrote another state since (two states
      // nobody merged yet may share a version: the key tells them apart).
      const base = previous && previous.version === stored && previous.stateKey === row!.state_key ? previous : null;
      await this.writeTable(
        tx,
        sessionId,
        'speaker_blocks',
        'block_id',
        UPSERT_BLOCKS,
        snapshot.blocks,
        'blockId',
        base?.blocks,
      );
      await this.writeTable(
        tx,
        sessionId,
        'agenda_items',
        'item_id',
        UPSERT_ITEMS,
        snapshot.items,
        'itemId',
        base?.items,
      );
      await tx.query(
        'UPDATE projection_state SET version = $2, state_key = $3, projected_at = now() WHERE session_id = $1',
        [sessionId, version, snapshot.stateKey],
      );
      return 'written';
    });
  }

  private async writeTable<R extends BlockRow | ItemRow>(
    tx: Queryable,
    sessionId: string,
    table: 'speaker_blocks' | 'agenda_items',
    idColumn: 'block_id' | 'item_id',
    upsert: string,
    rows: R[],
    key: keyof R,
    base: Map<string, R> | undefined,
  ): Promise<void> {
    const ids = rows.map((r) => String(r[key]));
    const changed = base ? rows.filter((r) => !sameRow(r, base.get(String(r[key])))) : rows;
    if (changed.length > 0) await tx.query(upsert, [sessionId, JSON.stringify(changed)]);
    if (base) {
      const current = new Set(ids);
      const gone = [...base.keys()].filter((id) => !current.has(id));
      if (gone.length > 0) {
        await tx.query(
          `DELETE FROM ${table} WHERE session_id = $1 AND ${idColumn} IN (SELECT json_array_elements_text($2::text::json))`,
          [sessionId, JSON.stringify(gone)],
        );
      }
    } else {
      await tx.query(
        `DELETE FROM ${table} WHERE session_id = $1 AND ${idColumn} NOT IN (SELECT json_array_elements_text($2::text::json))`,
        [sessionId, JSON.stringify(ids)],
      );
    }
  }

  /** The version a session's rows were projected from, or null when never projected. */
  async storedVersion(sessionId: string): Promise<number | null> {
    const [row] = await this.db.query<{ version: string | number }>(
      'SELECT version FROM projection_state WHERE session_id = $1',
      [sessionId],
    );
    return row && Number(row.version) >= 0 ? Number(row.version) : null;
  }
}
