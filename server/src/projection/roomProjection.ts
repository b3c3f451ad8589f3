import { BlockPartsCache } from '@rapporteur/shared/blocks';
import type { Logger } from '../logger.ts';
import { backoffDelay } from '../persistence/backoff.ts';
import type { ProjectionSnapshot } from './rows.ts';
import { type ProjectionSource, takeSnapshot } from './snapshot.ts';
import { type ProjectionWriter, type WrittenProjection, writtenProjection } from './store.ts';

/** Timing of projections. */
export interface ProjectionTiming {
  /** Quiet time after the last edit before projecting. */
  debounceMs: number;
  /** Longest an edit waits, however continuously people type. */
  maxWaitMs: number;
  /**
   * How long after a room's load its projection is checked when nobody edits (an edit projects
   * sooner). The load was for a joiner: its answer comes first.
   */
  loadDelayMs: number;
  /** Retry backoff after a failed write: first delay and ceiling. */
  retryBaseMs: number;
  retryMaxMs: number;
}

/** What the owner of a schedule hears about. */
export interface RoomProjectionEvents {
  /** A snapshot was committed. */
  written(p: RoomProjection): void;
  /** Nothing is left scheduled, running or waiting for a retry. */
  idle(p: RoomProjection): void;
}

/**
 * The projection schedule of one loaded room. Edits mark it dirty; a write runs after
 * `debounceMs` of quiet or `maxWaitMs` after the first unprojected edit, whichever comes first,
 * and only one write is in flight at a time. A failed write leaves it dirty and retries with
 * backoff (the update log is the source of truth, so nothing is lost meanwhile). When the room
 * is destroyed its final state is captured synchronously and written (and retried) on its own.
 */
export class RoomProjection {
  private source: ProjectionSource | null;
  /** What each block of the live document reads as, until an edit touches it. */
  private cache: BlockPartsCache | null;
  private final: ProjectionSnapshot | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** When the oldest change not yet taken into a write happened; null when there is none. */
  private dirtySince: number | null = null;
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  private written: WrittenProjection | null = null;
  private closed = false;

  constructor(
    source: ProjectionSource,
    private readonly writer: ProjectionWriter,
    private readonly logger: Logger,
    private readonly timing: ProjectionTiming,
    private readonly events: RoomProjectionEvents,
  ) {
    this.source = source;
    this.cache = new BlockPartsCache(source.doc);
  }

  /** The session this room projects. */
  get sessionId(): string {
    return this.source?.sessionId ?? this.final?.sessionId ?? '';
  }

  /** Whether the room is still loaded (not yet detached). */
  get isAttached(): boolean {
    return this.source !== null;
  }

  /** Nothing scheduled, running or waiting for a retry. */
  get idle(): boolean {
    return this.dirtySince === null && this.inFlight === null && this.timer === null;
  }

  /** The document changed: project after the debounce. */
  touch(): void {
    this.dirtySince ??= Date.now();
    this.schedule();
  }

  /**
   * Project `loadDelayMs` after a room's load, edits or not (the stored projection may be older;
   * when it is current, the write only checks). Not at once: a room is loaded for a joiner, whose
   * answer comes first (the snapshot reads every block, ~55 ms at 1,000 blocks on the server's one
   * thread, issue 17); nor at the debounce, 400 ms on, when a page that caused the load (by asking
   * for its link's grant) opens its socket and asks for the record.
   */
  soon(): void {
    this.dirtySince ??= Date.now();
    if (!this.inFlight && this.failures === 0) this.arm(this.timing.loadDelayMs);
  }

  /** The room is going away: capture its state now, while the document still exists. */
  detach(): void {
    const source = this.source;
    if (!source) return;
    if (this.dirtySince !== null || this.inFlight !== null || this.failures > 0) {
      try {
        this.final = takeSnapshot(source, this.cache ?? undefined);
        this.dirtySince ??= Date.now();
      } catch (err) {
        this.logger.error('projection snapshot failed', { sessionId: source.sessionId, err });
      }
    }
    this.source = null;
    this.cache?.destroy();
    this.cache = null;
    if (this.final === null) this.dirtySince = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.schedule();
  }

  private schedule(): void {
    if (this.dirtySince === null || this.inFlight !== null || this.closed) return;
    if (this.failures > 0) {
      // keep a pending retry: re-arming on every edit would postpone it forever while people type
      if (!this.timer) this.arm(backoffDelay(this.failures, this.timing.retryBaseMs, this.timing.retryMaxMs));
      return;
    }
    if (!this.source) {
      this.arm(0); // a destroyed room gets no more edits to wait for
      return;
    }
    const untilMax = this.dirtySince + this.timing.maxWaitMs - Date.now();
    this.arm(Math.max(0, Math.min(this.timing.debounceMs, untilMax)));
  }

  private arm(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  /** Start a write of the current state (or join the one in flight). Never rejects. */
  private run(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.dirtySince === null) return Promise.resolve();
    let snapshot: ProjectionSnapshot | null;
    try {
      snapshot = this.source ? takeSnapshot(this.source, this.cache ?? undefined) : this.final;
    } catch (err) {
      this.failed(err);
      this.schedule();
      return Promise.resolve();
    }
    this.dirtySince = null;
    if (!snapshot) return Promise.resolve();
    this.inFlight = this.writer
      .write(snapshot, this.written)
      .then(
        (outcome) => {
          this.failures = 0;
          if (outcome === 'written') this.events.written(this);
          // the table holds these rows (written now, or already, as on a room's load just after an
          // import): the next write sends only what changes from them
          if (outcome !== 'stale') this.written = writtenProjection(snapshot);
          if (this.final === snapshot) this.final = null;
        },
        (err: unknown) => {
          this.dirtySince ??= Date.now();
          this.failed(err);
        },
      )
      .finally(() => {
        this.inFlight = null;
        this.schedule();
        if (this.idle) this.events.idle(this);
      });
    return this.inFlight;
  }

  private failed(err: unknown): void {
    this.failures++;
    this.logger.error('projection failed; retrying later', { sessionId: this.sessionId, attempt: this.failures, err });
  }

  /** Write what is pending now, retrying until written or `deadline`. True when nothing is left. */
  async flush(deadline: number): Promise<boolean> {
    for (;;) {
      if (this.inFlight) {
        await this.inFlight;
        continue;
      }
      if (this.dirtySince === null) return true;
      if (this.failures > 0) {
        const left = deadline - Date.now();
        if (left <= 0) return false;
        const wait = Math.min(left, backoffDelay(this.failures, this.timing.retryBaseMs, this.timing.retryMaxMs));
        await new Promise((r) => setTimeout(r, wait));
      }
      await this.run();
    }
  }

  /** Stop scheduling (after the final flush). */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
