/**
 * A small fixed pool of worker threads for CPU-heavy jobs (parsing an imported record, rendering
 * an export), so that they never hold the event loop that serves keystrokes (issue 12 item 5).
 *
 * - At most `size` workers, started on first use and stopped after `idleMs` without work.
 * - At most `queueLimit` jobs wait for a worker; more are refused at once (PoolBusyError), so a
 *   burst costs bounded memory and the client hears "busy" rather than waiting for minutes.
 * - A job still running after `timeoutMs` has its worker terminated (JobTimeoutError).
 * - A worker that dies (an uncaught error, out of memory, a timeout) fails its own job only
 *   (WorkerCrashedError); the next job starts a fresh worker in its place.
 *
 * Protocol, one job at a time per worker: worker → main `{ ready: true }` once it listens (jobs,
 * and their timeouts, start only then); main → worker `{ id, job }`; worker → main
 * `{ id, ok: true, result }` or `{ id, ok: false, error: { code, status, message } }` for a job
 * the worker refused (a record over a limit, say). Buffers in `transfer` change owner rather than
 * being copied.
 */
import type { Worker } from 'node:worker_threads';

/** How the pool is sized and guarded. */
export interface PoolOptions {
  /** Starts one worker thread. */
  spawn: () => Worker;
  size: number;
  queueLimit: number;
  timeoutMs: number;
  /** A worker idle this long is stopped (its memory returned); default 30 s. */
  idleMs?: number;
}

/** The queue is full (or the pool is closing): try again later. */
export class PoolBusyError extends Error {}
/** The job ran past the pool's timeout; its worker was stopped. */
export class JobTimeoutError extends Error {}
/** The worker running the job died. */
export class WorkerCrashedError extends Error {}
/** The worker refused the job with a stable error (mapped to an HTTP answer by the caller). */
export class JobRefusedError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    /** What went wrong inside, for the log (never sent to a client). */
    readonly detail?: string,
  ) {
    super(message);
  }
}

interface Job {
  id: number;
  payload: unknown;
  transfer: ArrayBuffer[];
  resolve: (result: unknown) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  /** The worker said it listens for jobs. */
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  timedOut: boolean;
  lastError: Error | null;
}

/** Total reading of a worker's reply: anything malformed counts as a crash of that worker. */
function readReply(
  m: unknown,
): { id: number; ok: true; result: unknown } | { id: number; ok: false; error: JobRefusedError } | null {
  if (typeof m !== 'object' || m === null) return null;
  const r = m as Record<string, unknown>;
  if (typeof r.id !== 'number') return null;
  if (r.ok === true) return { id: r.id, ok: true, result: r.result };
  const e = r.error as Record<string, unknown> | undefined;
  if (r.ok !== false || typeof e !== 'object' || e === null) return null;
  const status = typeof e.status === 'number' && e.status >= 400 && e.status <= 599 ? e.status : 500;
  return {
    id: r.id,
    ok: false,
    error: new JobRefusedError(
      String(e.code ?? 'internal'),
      status,
      String(e.message ?? 'the job failed'),
      e.detail === undefined ? undefined : String(e.detail),
    ),
  };
}

/** Worker threads running jobs one at a time each, with a bounded queue and a timeout. */
export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly idle = new Map<Slot, NodeJS.Timeout>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly opts: PoolOptions) {}

  /** Run `payload` in a worker; rejects with one of the errors above. */
  run<R>(payload: unknown, transfer: ArrayBuffer[] = []): Promise<R> {
    if (this.closed) return Promise.reject(new PoolBusyError('the server is shutting down'));
    // jobs a starting worker will take are not waiting for a place
    const waiting = this.queue.length - this.starting();
    if (waiting >= this.opts.queueLimit) {
      return Promise.reject(new PoolBusyError(`${waiting} heavy jobs are already waiting`));
    }
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, payload, transfer, resolve: resolve as (r: unknown) => void, reject });
      this.pump();
    });
  }

  /** Jobs waiting and running, and live workers (health, tests). */
  stats(): { waiting: number; running: number; workers: number } {
    let running = 0;
    for (const s of this.slots) if (s.job) running++;
    return { waiting: this.queue.length, running, workers: this.slots.size };
  }

  /** Stop every worker; waiting and running jobs fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new PoolBusyError('the server is shutting down'));
    await Promise.all([...this.slots].map((s) => s.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const slot = this.freeSlot();
      if (!slot) return;
      this.start(slot, this.queue.shift()!);
    }
  }

  private freeSlot(): Slot | null {
    for (const s of this.slots) if (s.ready && !s.job) return s;
    // start a worker for work nobody is starting one for (its `ready` pumps again)
    if (this.slots.size < this.opts.size && this.starting() < this.queue.length) this.spawn();
    return null;
  }

  private starting(): number {
    let n = 0;
    for (const s of this.slots) if (!s.ready) n++;
    return n;
  }

  private spawn(): Slot {
    const worker = this.opts.spawn();
    worker.unref(); // an idle pool never keeps the process alive
    const slot: Slot = { worker, ready: false, job: null, timer: null, timedOut: false, lastError: null };
    worker.on('message', (m: unknown) => this.onReply(slot, m));
    worker.on('error', (err: Error) => {
      slot.lastError = err;
    });
    worker.on('exit', (code) => this.onExit(slot, code));
    this.slots.add(slot);
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    const idle = this.idle.get(slot);
    if (idle) clearTimeout(idle);
    this.idle.delete(slot);
    slot.job = job;
    slot.timer = setTimeout(() => {
      slot.timedOut = true;
      void slot.worker.terminate();
    }, this.opts.timeoutMs);
    slot.timer.unref();
    slot.worker.postMessage({ id: job.id, job: job.payload }, job.transfer);
  }

  private onReply(slot: Slot, message: unknown): void {
    if (!slot.ready && (message as { ready?: unknown } | null)?.ready === true) {
      slot.ready = true;
      this.scheduleIdle(slot);
      this.pump();
      return;
    }
    const job = slot.job;
    const reply = readReply(message);
    if (!job || !reply || reply.id !== job.id) {
      slot.lastError = new Error('the worker sent a malformed reply');
      void slot.worker.terminate();
      return;
    }
    this.finish(slot);
    if (reply.ok) job.resolve(reply.result);
    else job.reject(reply.error);
    this.scheduleIdle(slot);
    this.pump();
  }

  private onExit(slot: Slot, code: number): void {
    const job = slot.job;
    this.finish(slot);
    this.slots.delete(slot);
    const idle = this.idle.get(slot);
    if (idle) clearTimeout(idle);
    this.idle.delete(slot);
    // a worker that dies before it is ready fails the first waiting job: a broken entry must not
    // respawn forever, and someone must hear why their request failed
    const failed = job ?? (slot.ready ? undefined : this.queue.shift());
    if (failed) {
      failed.reject(
        slot.timedOut
          ? new JobTimeoutError(`the job ran longer than ${Math.round(this.opts.timeoutMs / 1000)} s and was stopped`)
          : new WorkerCrashedError(
              `the worker ${slot.ready ? 'stopped' : 'could not start'} (${slot.lastError?.message ?? `exit code ${code}`})`,
            ),
      );
    }
    if (!this.closed) this.pump(); // a replacement starts if jobs are waiting
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
  }

  private scheduleIdle(slot: Slot): void {
    const timer = setTimeout(() => void this.retire(slot), this.opts.idleMs ?? 30_000);
    timer.unref();
    this.idle.set(slot, timer);
  }

  private async retire(slot: Slot): Promise<void> {
    if (slot.job) return;
    this.slots.delete(slot); // never given another job
    await slot.worker.terminate();
  }
}
