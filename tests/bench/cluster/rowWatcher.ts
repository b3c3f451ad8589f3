/**
 * What a room's update log received: the number of rows inserted (from the table's id sequence,
 * exact, compaction merges included) and the time of each row seen (polled every 200 ms from
 * `created_at`; a row compacted away between two polls is missed there, counted in the former).
 * With one group commit per room per flush interval a room gains at most one row per interval per
 * process that writes for it.
 */
import postgres from 'postgres';
import * as Y from 'yjs';

/** Rows inserted into doc_updates over the windows watched. */
export interface RowCounts {
  /** Inserted rows (sequence delta summed over windows). */
  inserted: number;
  /** Milliseconds watched (summed over windows). */
  ms: number;
  /** Rows per `bucketMs` bucket of the windows (from polled timestamps), bucket by bucket. */
  perBucket: number[];
  /**
   * By writer (the class `classify` gives the Yjs clients a row holds: in a cluster, the process
   * that stored it): rows seen, the most in one bucket, the shortest time between two (ms).
   */
  byWriter: Map<string, { rows: number; maxInBucket: number; minGapMs: number }>;
}

/** A row seen: when it was written (the database's now()) and whose edits it holds. */
interface SeenRow {
  t: number;
  writer: string;
}

const POLL_MS = 200;
const RECENT_IDS = 50;

/** Watches doc_updates of one database (one session lives in it). */
export class RowWatcher {
  private readonly sql: postgres.Sql;
  private lastId = 0;
  /** Rows seen, by id (re-reads of recent ids overwrite themselves). */
  private readonly seen = new Map<number, SeenRow>();
  private timer: NodeJS.Timeout | null = null;
  private window: { t0: number; seq0: number } | null = null;
  private readonly counts: RowCounts = { inserted: 0, ms: 0, perBucket: [], byWriter: new Map() };

  constructor(
    databaseUrl: string,
    private readonly bucketMs: number,
    private readonly classify: (clients: number[]) => string,
  ) {
    this.sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  }

  private async sequence(): Promise<number> {
    const [r] = await this.sql<{ v: string; called: boolean }[]>`
      SELECT last_value::text AS v, is_called AS called FROM doc_updates_id_seq`;
    return r ? (r.called ? Number(r.v) : Number(r.v) - 1) : 0;
  }

  private polling: Promise<void> = Promise.resolve();

  /** Read the rows added since the last read; reads never overlap (each sees only what the last did not). */
  private poll(): Promise<void> {
    this.polling = this.polling.then(() => this.readNew()).catch(() => {});
    return this.polling;
  }

  private async readNew(): Promise<void> {
    // rows commit out of id order when several processes write: the last RECENT_IDS ids are read
    // again, so that a row that became visible after a higher one is not skipped
    const rows = await this.sql<{ id: string; t: string; update: Uint8Array }[]>`
      SELECT id::text AS id, (extract(epoch FROM created_at) * 1000)::text AS t, update
      FROM doc_updates WHERE id > ${Math.max(0, this.lastId - RECENT_IDS)} ORDER BY id`;
    for (const r of rows) {
      const id = Number(r.id);
      this.lastId = Math.max(this.lastId, id);
      if (this.seen.has(id)) continue;
      const clients = [...Y.parseUpdateMeta(r.update).to.keys()];
      this.seen.set(id, { t: Number(r.t), writer: this.classify(clients) });
    }
  }

  /** Start a window now (wall clock, as the database's now()). */
  async open(): Promise<void> {
    await this.poll();
    this.window = { t0: Date.now(), seq0: await this.sequence() };
    this.timer = setInterval(() => void this.poll(), POLL_MS);
  }

  /** End the window now and add it to the totals. */
  async close(): Promise<void> {
    if (!this.window) return;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const t1 = Date.now();
    const seq1 = await this.sequence();
    await this.poll();
    const { t0, seq0 } = this.window;
    this.window = null;
    this.counts.inserted += seq1 - seq0;
    this.counts.ms += t1 - t0;
    const n = Math.ceil((t1 - t0) / this.bucketMs);
    const buckets = new Array<number>(n).fill(0);
    const byWriter = new Map<string, { buckets: number[]; last: number }>();
    const inOrder = [...this.seen.entries()].sort((x, y) => x[0] - y[0]).map(([, row]) => row);
    for (const { t, writer } of inOrder) {
      const b = Math.floor((t - t0) / this.bucketMs);
      if (b < 0 || b >= n) continue;
      buckets[b]!++;
      const w = byWriter.get(writer) ?? { buckets: new Array<number>(n).fill(0), last: Number.NaN };
      byWriter.set(writer, w);
      w.buckets[b]!++;
      const total = this.counts.byWriter.get(writer) ?? { rows: 0, maxInBucket: 0, minGapMs: Number.POSITIVE_INFINITY };
      this.counts.byWriter.set(writer, total);
      total.rows++;
      total.maxInBucket = Math.max(total.maxInBucket, w.buckets[b]!);
      if (!Number.isNaN(w.last)) total.minGapMs = Math.min(total.minGapMs, t - w.last);
      w.last = t;
    }
    this.counts.perBucket.push(...buckets);
  }

  get totals(): RowCounts {
    return this.counts;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sql.end();
  }
}
