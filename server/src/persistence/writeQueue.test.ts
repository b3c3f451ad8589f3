import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { UpdateLog } from './updateLog.ts';
import { WriteQueue } from './writeQueue.ts';

/**
 * An in-memory stand-in for the update log (the real one is tested against PGlite and Postgres in
 * tests/integration/updateLog.test.ts): records each appended row, and fails the next `failNext`
 * appends as a database outage would.
 */
function memoryLog() {
  const rows: Uint8Array[] = [];
  const log = {
    rows,
    failNext: 0,
    compactions: 0,
    inFlight: 0,
    maxInFlight: 0,
    async append(_sessionId: string, update: Uint8Array) {
      log.inFlight++;
      log.maxInFlight = Math.max(log.maxInFlight, log.inFlight);
      await Promise.resolve();
      log.inFlight--;
      if (log.failNext > 0) {
        log.failNext--;
        throw new Error('database unavailable');
      }
      rows.push(update);
    },
    async compact() {
      log.compactions++;
      const merged = Y.mergeUpdates(rows.splice(0));
      rows.push(merged);
      return { merged: 1, rows: 1 };
    },
  };
  return log;
}

/** A document whose updates feed a queue, as a room's do. */
function setup(opts: { compactAfterRows?: number } = {}) {
  const doc = new Y.Doc();
  const log = memoryLog();
  const persisted: Uint8Array[] = [];
  const errors: number[] = [];
  const queue = new WriteQueue({
    sessionId: 's',
    doc,
    log: log as unknown as UpdateLog,
    rows: 0,
    onPersisted: (sv) => persisted.push(sv),
    onError: (_err, attempt) => errors.push(attempt),
    flushIntervalMs: 50,
    compactAfterRows: opts.compactAfterRows,
  });
  doc.on('update', (u: Uint8Array) => queue.push(u));
  const text = doc.getText('t');
  /** The text the stored rows load into. */
  const stored = () => {
    const d = new Y.Doc();
    for (const r of log.rows) Y.applyUpdate(d, r);
    return d.getText('t').toString();
  };
  return { doc, log, queue, persisted, errors, type: (s: string) => text.insert(text.length, s), stored };
}

describe('WriteQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes the updates of one flush interval as one row, then reports the stored state vector', async () => {
    const q = setup();
    for (const ch of 'Malta') q.type(ch);
    expect(q.log.rows).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(50);
    expect(q.log.rows).toHaveLength(1);
    expect(q.stored()).toBe('Malta');
    expect(q.persisted).toHaveLength(1);
    expect(Y.decodeStateVector(q.persisted[0]!)).toEqual(Y.decodeStateVector(Y.encodeStateVector(q.doc)));
    expect(q.queue.dirty).toBe(false);
  });

  it('keeps a failed batch in memory, retries with backoff and stores it with what came after', async () => {
    const q = setup();
    q.log.failNext = 2;
    q.type('Peru');
    await vi.advanceTimersByTimeAsync(50);
    expect(q.errors).toEqual([1]);
    expect(q.queue.dirty).toBe(true);
    q.type(', on behalf of');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(q.errors).toEqual([1, 2]);
    expect(q.queue.dirty).toBe(false);
    expect(q.stored()).toBe('Peru, on behalf of');
    expect(q.persisted).toHaveLength(1); // nothing claimed stored before it was
  });

  it('never has two writes of one room in flight', async () => {
    const q = setup();
    for (let i = 0; i < 20; i++) {
      q.type(String(i % 10));
      await vi.advanceTimersByTimeAsync(7);
    }
    await vi.advanceTimersByTimeAsync(100);
    expect(q.log.maxInFlight).toBe(1);
    expect(q.log.rows.length).toBeLessThanOrEqual(Math.ceil((20 * 7) / 50) + 1);
  });

  it('drain reports false while the database stays down past the deadline, true once stored', async () => {
    const q = setup();
    q.log.failNext = 1_000;
    q.type('Chile');
    const failed = q.queue.drain(Date.now() + 2_000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await failed).toBe(false);
    expect(q.queue.dirty).toBe(true);
    q.log.failNext = 0;
    const ok = q.queue.drain(Date.now() + 20_000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await ok).toBe(true);
    expect(q.stored()).toBe('Chile');
  });

  it('compacts once the log holds enough rows, and counts from one afterwards', async () => {
    const q = setup({ compactAfterRows: 3 });
    for (const word of ['a', 'b', 'c', 'd', 'e', 'f']) {
      q.type(word);
      await vi.advanceTimersByTimeAsync(60);
    }
    expect(q.log.compactions).toBe(2); // at 3 rows, then at 1 + 2 more
    expect(q.stored()).toBe('abcdef');
  });
});
