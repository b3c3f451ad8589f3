import type { VersionKind, VersionMeta } from '@rapporteur/shared/api';
import type { Database } from '../db/database.ts';
import type { CapturedState } from './capture.ts';

interface VersionRow {
  id: string;
  session_id: string;
  name: string;
  author: string;
  kind: VersionKind;
  created_at: Date | string;
  block_count: number;
  word_count: number;
}

const COLUMNS = 'id, session_id, name, author, kind, created_at, block_count, word_count';

function toMeta(r: VersionRow): VersionMeta {
  return {
    id: r.id,
    sessionId: r.session_id,
    name: r.name,
    author: r.author,
    kind: r.kind,
    createdAt: (r.created_at instanceof Date ? r.created_at : new Date(r.created_at)).toISOString(),
    blockCount: r.block_count,
    wordCount: r.word_count,
  };
}

/** What a new version records besides its state. */
export interface NewVersion {
  sessionId: string;
  name: string;
  author: string;
  kind: VersionKind;
}

/** The `session_versions` table: versions are only ever added, never changed. */
export class VersionStore {
  constructor(private readonly db: Database) {}

  /** Store a version. */
  async insert(v: NewVersion, captured: CapturedState): Promise<VersionMeta> {
    const [row] = await this.db.query<VersionRow>(
      `INSERT INTO session_versions (id, session_id, name, author, kind, state, content_hash, block_count, word_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
      this.params(v, captured),
    );
    return toMeta(row!);
  }

  /**
   * Store a version unless the session's latest version has the same content (one statement, so
   * the check and the insert see the same latest row). Returns null when skipped.
   */
  async insertIfChanged(v: NewVersion, captured: CapturedState): Promise<VersionMeta | null> {
    const [row] = await this.db.query<VersionRow>(
      `INSERT INTO session_versions (id, session_id, name, author, kind, state, content_hash, block_count, word_count)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
       WHERE coalesce((SELECT content_hash FROM session_versions WHERE session_id = $2 ORDER BY seq DESC LIMIT 1), '') <> $7
       RETURNING ${COLUMNS}`,
      this.params(v, captured),
    );
    return row ? toMeta(row) : null;
  }

  private params(v: NewVersion, c: CapturedState): unknown[] {
    return [
      crypto.randomUUID(),
      v.sessionId,
      v.name,
      v.author,
      v.kind,
      c.state,
      c.contentHash,
      c.blockCount,
      c.wordCount,
    ];
  }

  /** A session's versions, newest first. */
  async list(sessionId: string, limit = 500): Promise<VersionMeta[]> {
    const rows = await this.db.query<VersionRow>(
      `SELECT ${COLUMNS} FROM session_versions WHERE session_id = $1 ORDER BY seq DESC LIMIT $2`,
      [sessionId, limit],
    );
    return rows.map(toMeta);
  }

  /** One version of a session with its state, or null (unknown id, or another session's). */
  async get(
    sessionId: string,
    versionId: string,
  ): Promise<{ meta: VersionMeta; state: Uint8Array; contentHash: string } | null> {
    const [row] = await this.db.query<VersionRow & { state: Uint8Array; content_hash: string }>(
      `SELECT ${COLUMNS}, state, content_hash FROM session_versions WHERE session_id = $1 AND id = $2`,
      [sessionId, versionId],
    );
    return row ? { meta: toMeta(row), state: row.state, contentHash: row.content_hash } : null;
  }
}
