/**
 * Watches the database as the server uses it, so that during an outage requests are answered at
 * once (503 with a reason) instead of each waiting out its own connection timeout, and sockets
 * to rooms already in memory are admitted from what the server already knows (issue 12, item 8).
 *
 * It wraps a Database and passes every call through unchanged: persistence keeps retrying with
 * its own backoff. It only observes. A connection-class error marks the database unavailable; a
 * statement unanswered for `stallMs` makes it probe (`SELECT 1` within `probeTimeoutMs`), and a
 * failed probe marks it unavailable too; any answer marks it available again. While unavailable
 * it probes every `probeIntervalMs`, so recovery is noticed without traffic. PGlite runs in this
 * process and cannot be cut off, and one long transaction delays every statement behind it, so
 * stalls are not watched there (its errors still are).
 */
import type { Logger } from '../logger.ts';
import type { Database, Queryable } from './database.ts';
import { DatabaseUnavailableError, describeFailure, isDatabaseUnavailable } from './unavailable.ts';

export interface DatabaseMonitorOptions {
  /** A statement unanswered this long triggers a probe (default 1.5 s; Postgres only). */
  stallMs?: number;
  /** A probe unanswered this long counts as a failure (default 1 s). */
  probeTimeoutMs?: number;
  /** Probe interval while unavailable (default 1 s). */
  probeIntervalMs?: number;
  logger?: Logger;
}

/** The outcome of a probe. */
export type ProbeResult = { ok: true } | { ok: false; reason: string };

/** A Database that knows whether its database is reachable. */
export class DatabaseMonitor implements Database {
  readonly engine: Database['engine'];
  private down: { reason: string; since: number } | null = null;
  /** Start times of the statements in flight, by a running number (two may start together). */
  private readonly inFlight = new Map<number, number>();
  private nextStatement = 0;
  private readonly listeners = new Set<() => void>();
  private stallTimer: NodeJS.Timeout | null = null;
  private recoveryTimer: NodeJS.Timeout | null = null;
  private probing: Promise<ProbeResult> | null = null;
  private readonly stallMs: number | null;
  private readonly probeTimeoutMs: number;
  private readonly probeIntervalMs: number;

  constructor(
    private readonly inner: Database,
    private readonly opts: DatabaseMonitorOptions = {},
  ) {
    this.engine = inner.engine;
    this.stallMs = inner.engine === 'pglite' ? null : (opts.stallMs ?? 1_500);
    this.probeTimeoutMs = opts.probeTimeoutMs ?? 1_000;
    this.probeIntervalMs = opts.probeIntervalMs ?? 1_000;
  }

  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.watch(() => this.inner.query<T>(sql, params), true);
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    // the statements inside are watched for stalls one by one; a long transaction is not a stall
    return this.watch(() => this.inner.transaction((tx) => fn(this.watched(tx))), false);
  }

  close(): Promise<void> {
    this.stop();
    return this.inner.close();
  }

  /** Stop watching (timers, listeners) without closing the database (one the server was given). */
  stop(): void {
    this.stopTimers();
    this.listeners.clear();
  }

  /** Whether the database answered last time it was asked. */
  get available(): boolean {
    return this.down === null;
  }

  /** Why the database is unavailable (null when it is available). */
  get reason(): string | null {
    return this.down?.reason ?? null;
  }

  /** Call `listener` when the database becomes unavailable (at once if it is); returns the unsubscribe. */
  onUnavailable(listener: () => void): () => void {
    if (this.down) {
      listener();
      return () => {};
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `SELECT 1` within `timeoutMs`; concurrent callers share one probe. Updates the state. */
  probe(timeoutMs = this.probeTimeoutMs): Promise<ProbeResult> {
    this.probing ??= (async (): Promise<ProbeResult> => {
      let timer: NodeJS.Timeout | undefined;
      const query = this.inner.query('SELECT 1');
      query.catch(() => {}); // it may settle after the timeout
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DatabaseUnavailableError(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([query, timeout]);
        this.markAvailable();
        return { ok: true };
      } catch (err) {
        const reason = describeFailure(err);
        this.markUnavailable(reason);
        return { ok: false, reason };
      } finally {
        clearTimeout(timer);
        this.probing = null;
      }
    })();
    return this.probing;
  }

  private watched(q: Queryable): Queryable {
    return { query: (sql, params) => this.watch(() => q.query(sql, params), true) };
  }

  private async watch<T>(run: () => Promise<T>, stallable: boolean): Promise<T> {
    const id = this.nextStatement++;
    const watchStall = stallable && this.stallMs !== null;
    if (watchStall) {
      this.inFlight.set(id, performance.now());
      this.armStallCheck();
    }
    try {
      const result = await run();
      this.markAvailable();
      return result;
    } catch (err) {
      if (isDatabaseUnavailable(err)) this.markUnavailable(describeFailure(err));
      else if (hasSqlState(err)) this.markAvailable(); // the server answered, with an error
      throw err;
    } finally {
      if (watchStall) this.inFlight.delete(id);
    }
  }

  private armStallCheck(): void {
    if (this.stallTimer || this.stallMs === null) return;
    const stallMs = this.stallMs;
    this.stallTimer = setInterval(() => {
      if (this.inFlight.size === 0) {
        clearInterval(this.stallTimer!);
        this.stallTimer = null;
        return;
      }
      const oldest = this.inFlight.values().next().value!; // a Map iterates in insertion (start) order
      if (performance.now() - oldest >= stallMs && this.down === null) void this.probe();
    }, stallMs / 3);
    this.stallTimer.unref();
  }

  private markUnavailable(reason: string): void {
    if (this.down) return;
    this.down = { reason, since: Date.now() };
    this.opts.logger?.warn('database unavailable', { reason });
    const listeners = [...this.listeners];
    this.listeners.clear();
    for (const l of listeners) l();
    this.recoveryTimer = setInterval(() => void this.probe(), this.probeIntervalMs);
    this.recoveryTimer.unref();
  }

  private markAvailable(): void {
    if (!this.down) return;
    const downMs = Date.now() - this.down.since;
    this.down = null;
    if (this.recoveryTimer) clearInterval(this.recoveryTimer);
    this.recoveryTimer = null;
    this.opts.logger?.info('database available again', { downMs });
  }

  private stopTimers(): void {
    if (this.stallTimer) clearInterval(this.stallTimer);
    if (this.recoveryTimer) clearInterval(this.recoveryTimer);
    this.stallTimer = this.recoveryTimer = null;
  }
}

/** While the database is unavailable: fail at once, or answer with the last answer known. */
export type OutagePolicy = 'fail' | 'lastKnown';

/** The monitor behind a Database, if it has one. */
export function monitorOf(db: Database): DatabaseMonitor | null {
  return db instanceof DatabaseMonitor ? db : null;
}

const hasSqlState = (err: unknown) =>
  typeof err === 'object' && err !== null && /^[0-9A-Z]{5}$/.test(String((err as { code?: unknown }).code));

/**
 * Answer with `load()`, unless the database is unavailable (known already, failing with a
 * connection error, or stalling until the monitor notices): then with `fallback()`, or, when that
 * has nothing, a DatabaseUnavailableError. Used where an answer the server already holds is good
 * enough while the database is away (admitting sockets to rooms in memory).
 */
export async function unlessUnavailable<T>(
  db: Database,
  load: () => Promise<T>,
  fallback: () => T | undefined,
): Promise<T> {
  const monitor = monitorOf(db);
  const fallBack = (reason: string): T => {
    const v = fallback();
    if (v === undefined) throw new DatabaseUnavailableError(reason);
    return v;
  };
  if (monitor && !monitor.available) return fallBack(monitor.reason ?? 'unavailable');
  let unsubscribe = () => {};
  const stalled = new Promise<{ stalled: true }>((resolve) => {
    if (monitor) unsubscribe = monitor.onUnavailable(() => resolve({ stalled: true }));
  });
  const loaded = load().then((value) => ({ stalled: false as const, value }));
  // it may fail after we stopped waiting for it: an unhandled rejection would end the process
  loaded.catch(() => {});
  try {
    const first = await Promise.race([loaded, stalled]);
    if (first.stalled) return fallBack(monitor?.reason ?? 'unavailable');
    return first.value;
  } catch (err) {
    if (isDatabaseUnavailable(err)) return fallBack(describeFailure(err));
    throw err;
  } finally {
    unsubscribe();
  }
}
