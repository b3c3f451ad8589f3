import * as Y from 'yjs';
import { COMPACT_AFTER_ROWS, FLUSH_INTERVAL_MS } from '@rapporteur/shared/protocol';
import { backoffDelay } from './backoff.ts';
import type { UpdateLog } from './updateLog.ts';

export interface WriteQueueOptions {
  sessionId: string;
  doc: Y.Doc;
  log: UpdateLog;
  /** Rows already in the log for this session (from load), to know when to compact. */
  rows: number;
  /** Called after each commit with the state vector that is now stored, and the update committed. */
  onPersisted: (stateVector: Uint8Array, committed: Uint8Array) => void;
  onError?: (err: unknown, attempt: number) => void;
  flushIntervalMs?: number;
  compactAfterRows?: number;
}

/**
 * Group commit for one room: updates collect in memory and are written as one merged row at
 * most `flushIntervalMs` after the first arrives; one write in flight at a time, so a room makes
 * at most one write per interval however many clients type. A failed write puts its batch back
 * (nothing leaves memory until stored) and retries with backoff.
 */
export class WriteQueue {
  private pending: Uint8Array[] = [];
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  private rows: number;
  private closed = false;
  /** Commits made (diagnostics and tests). */
  writes = 0;

  constructor(private readonly opts: WriteQueueOptions) {
    this.rows = opts.rows;
  }

  /** True while some update is not yet committed. */
  get dirty(): boolean {
    return this.pending.length > 0 || this.inFlight !== null;
  }

  /** Consecutive failed writes (0 when the last write succeeded). */
  get failureCount(): number {
    return this.failures;
  }

  /** Queue an update that the room's document has integrated. */
  push(update: Uint8Array): void {
    this.pending.push(update);
    this.schedule(this.opts.flushIntervalMs ?? FLUSH_INTERVAL_MS);
  }

  private schedule(delay: number): void {
    if (this.timer || this.inFlight || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  /** Write what is pending now (one row). Resolves when that write settles; never rejects. */
  private flush(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.pending.length === 0) return Promise.resolve();
    const batch = this.pending;
    this.pending = [];
    // Every update integrated so far is in `batch` or already stored, so once this batch
    // commits the document's current state vector is persisted.
    const stateVector = Y.encodeStateVector(this.opts.doc);
    const merged = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
    this.inFlight = this.write(merged, stateVector).finally(() => {
      this.inFlight = null;
      if (this.pending.length > 0) {
        this.schedule(
          this.failures > 0 ? backoffDelay(this.failures) : (this.opts.flushIntervalMs ?? FLUSH_INTERVAL_MS),
        );
      }
    });
    return this.inFlight;
  }

  private async write(merged: Uint8Array, stateVector: Uint8Array): Promise<void> {
    try {
      await this.opts.log.append(this.opts.sessionId, merged);
    } catch (err) {
      this.failures++;
      this.pending.unshift(merged); // keep it: it is retried with whatever arrives meanwhile
      this.opts.onError?.(err, this.failures);
      return;
    }
    this.failures = 0;
    this.writes++;
    this.rows++;
    this.opts.onPersisted(stateVector, merged);
    if (this.rows >= (this.opts.compactAfterRows ?? COMPACT_AFTER_ROWS)) {
      try {
        this.rows = (await this.opts.log.compact(this.opts.sessionId)).rows;
      } catch (err) {
        this.opts.onError?.(err, 0); // compaction is an optimisation: the rows are all still there
      }
    }
  }

  /**
   * Write everything pending now, retrying until stored or `deadline` passes. Resolves true when
   * nothing is left unstored.
   */
  async drain(deadline = Date.now() + 30_000): Promise<boolean> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.dirty) {
      if (this.inFlight) await this.inFlight;
      else await this.flush();
      if (this.pending.length > 0 && this.failures > 0) {
        if (Date.now() >= deadline) return false;
        if (this.timer) {
          clearTimeout(this.timer);
          this.timer = null;
        }
        await new Promise((r) => setTimeout(r, backoffDelay(this.failures)));
      }
    }
    return true;
  }

  /** Stop scheduling writes (after a final drain). */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
