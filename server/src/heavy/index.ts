/**
 * Heavy work of the HTTP API, off the event loop: imports are parsed and built and exports
 * rendered in a pool of worker threads, each client's heavy requests are capped, and every
 * failure of that machinery becomes a clear HTTP error (429, 503, 500) while the server goes on.
 */
import {
  HEAVY_JOB_TIMEOUT_MS,
  HEAVY_RETRY_AFTER_S,
  MAX_HEAVY_ANONYMOUS,
  MAX_HEAVY_PER_CLIENT,
  MAX_HEAVY_QUEUE,
} from '@rapporteur/shared/protocol';
import type { ExportFormat } from '@rapporteur/shared/record';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type * as Y from 'yjs';
import type { MinutesSession } from '../export/minutes.ts';
import { AppError, tooManyRequests } from '../http/errors.ts';
import type { Logger } from '../logger.ts';
import { DocSnapshots } from './docSnapshots.ts';
import { heavyWorkerCount } from './workerCount.ts';
import { type HeavyClient, HeavyGate } from './heavyGate.ts';
import type { StateSummary } from '../versions/capture.ts';
import type { ExportJob, ExportResult, ImportJob, ImportResult, ImportSource } from './jobs.ts';
import { JobRefusedError, JobTimeoutError, PoolBusyError, WorkerCrashedError, WorkerPool } from './pool.ts';
import { defaultWorkerEntry, workerSpawner } from './workerEntry.ts';

export type { HeavyClient } from './heavyGate.ts';
export type { ExportResult, ImportResult } from './jobs.ts';

/** Pool and limits (tests lower them, or start workers from another entry). */
export interface HeavyOptions {
  workers?: number;
  queueLimit?: number;
  timeoutMs?: number;
  perClient?: number;
  anonymous?: number;
  /** The worker's module (default: server/src/heavy/worker.ts, or the bundle's heavyWorker.js). */
  workerEntry?: URL;
  /** Heap of each worker, in MB: a job that needs more fails alone. */
  maxHeapMb?: number;
}

const retryAfter = { 'Retry-After': String(HEAVY_RETRY_AFTER_S) };

/** Imports and exports in worker threads, behind per-client limits. */
export class HeavyWork {
  private readonly pool: WorkerPool;
  private readonly gate: HeavyGate;
  private readonly snapshots = new DocSnapshots();

  constructor(
    private readonly logger: Logger,
    opts: HeavyOptions = {},
  ) {
    this.pool = new WorkerPool({
      spawn: workerSpawner(opts.workerEntry ?? defaultWorkerEntry(), {
        maxOldGenerationSizeMb: opts.maxHeapMb ?? 1024,
      }),
      size: opts.workers ?? heavyWorkerCount(),
      queueLimit: opts.queueLimit ?? MAX_HEAVY_QUEUE,
      timeoutMs: opts.timeoutMs ?? HEAVY_JOB_TIMEOUT_MS,
    });
    this.gate = new HeavyGate({
      perClient: opts.perClient ?? MAX_HEAVY_PER_CLIENT,
      anonymous: opts.anonymous ?? MAX_HEAVY_ANONYMOUS,
    });
  }

  /** Run `work` as one heavy request of `client`, or answer 429 when it has too many already. */
  async admit<T>(client: HeavyClient, work: () => Promise<T>): Promise<T> {
    const release = this.gate.tryEnter(client);
    if (!release) {
      const who = client === null ? 'anonymous readers together' : 'this client';
      throw tooManyRequests(
        `${who} already have ${this.gate.limitOf(client)} imports or exports running (MAX_HEAVY_${client === null ? 'ANONYMOUS' : 'PER_CLIENT'}); try again when one has finished`,
        HEAVY_RETRY_AFTER_S,
      );
    }
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** Render an export of a live room's document (read now; the event loop pays only the diff). */
  async exportLive(doc: Y.Doc, format: ExportFormat, session: MinutesSession): Promise<ExportResult> {
    const { updates, refresh } = this.snapshots.updatesFor(doc);
    const result = await this.run<ExportResult>({ kind: 'export', format, session, updates, snapshot: refresh });
    if (result.snapshot) this.snapshots.store(doc, result.snapshot);
    return result;
  }

  /** Render an export of a stored document from its update-log rows (merged in the worker). */
  exportStored(rows: Uint8Array[], format: ExportFormat, session: MinutesSession): Promise<ExportResult> {
    const job: ExportJob = { kind: 'export', format, session, updates: rows, snapshot: false };
    // rows that own their buffer move to the worker; a view into a shared pool is copied
    const transfer = rows
      .filter((r) => r.byteOffset === 0 && r.byteLength === r.buffer.byteLength)
      .map((r) => r.buffer);
    return this.run<ExportResult>(job, transfer as ArrayBuffer[]);
  }

  /** Parse a plain-text record, or check a corrected one (and with `build`, build its document), in a worker. */
  importRecord(source: ImportSource, build: boolean): Promise<ImportResult> {
    return this.run<ImportResult>({ kind: 'import', build, ...source });
  }

  /**
   * The summary of a document state for an automatic version, in a worker: no client's request,
   * so no client's allowance; a full queue or a lost worker rejects, and the caller makes it itself.
   */
  summariseState(state: Uint8Array): Promise<StateSummary> {
    return this.pool.run<StateSummary>({ kind: 'summary', state });
  }

  /** Jobs waiting and running, and live workers. */
  stats() {
    return this.pool.stats();
  }

  /** Stop the workers (at shutdown). */
  close(): Promise<void> {
    return this.pool.close();
  }

  private async run<R>(job: ExportJob | ImportJob, transfer: ArrayBuffer[] = []): Promise<R> {
    try {
      return await this.pool.run<R>(job, transfer);
    } catch (err) {
      throw this.asHttpError(err, job.kind);
    }
  }

  private asHttpError(err: unknown, kind: string): Error {
    if (err instanceof PoolBusyError) {
      return new AppError(
        'busy',
        503,
        `the server is busy with other imports and exports (${err.message}); try again shortly`,
        retryAfter,
      );
    }
    if (err instanceof JobTimeoutError) {
      this.logger.warn('heavy job timed out', { kind });
      return new AppError('job_timeout', 503, `the ${kind} took too long: ${err.message}`, retryAfter);
    }
    if (err instanceof WorkerCrashedError) {
      this.logger.error('heavy worker crashed', { kind, err: err.message });
      return new AppError(
        'worker_crashed',
        500,
        `the ${kind} failed: its worker thread stopped unexpectedly (${err.message}); the server is running, try again`,
      );
    }
    if (err instanceof JobRefusedError) {
      if (err.detail) this.logger.error('heavy job failed', { kind, detail: err.detail });
      return new AppError(err.code, err.status as ContentfulStatusCode, err.message);
    }
    return err instanceof Error ? err : new Error(String(err));
  }
}
