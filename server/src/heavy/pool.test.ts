import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { JobRefusedError, JobTimeoutError, PoolBusyError, WorkerCrashedError, WorkerPool } from './pool.ts';

const entry = new URL('./testing/echoWorker.mjs', import.meta.url);
const pools: WorkerPool[] = [];

function pool(opts: Partial<ConstructorParameters<typeof WorkerPool>[0]> = {}) {
  const p = new WorkerPool({ spawn: () => new Worker(entry), size: 1, queueLimit: 4, timeoutMs: 30_000, ...opts });
  pools.push(p);
  return p;
}

afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
});

describe('WorkerPool', () => {
  it('runs jobs in a worker and hands results back', async () => {
    const p = pool();
    expect(await Promise.all([p.run({ echo: 'a' }), p.run({ echo: 'b' })])).toEqual(['a', 'b']);
    expect(p.stats()).toEqual({ waiting: 0, running: 0, workers: 1 });
  });

  it('receives transferred buffers whole', async () => {
    const bytes = await pool().run<Uint8Array>({ bytes: 1_000_000 });
    expect(bytes.byteLength).toBe(1_000_000);
  });

  it('passes a refusal on with its code and status', async () => {
    const err = await pool()
      .run({ refuse: 'too_many_blocks' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobRefusedError);
    expect(err).toMatchObject({ code: 'too_many_blocks', status: 413 });
  });

  it('fails the job of a worker that crashes, and runs the next job in a new worker', async () => {
    const p = pool();
    await expect(p.run({ crash: true })).rejects.toBeInstanceOf(WorkerCrashedError);
    expect(await p.run({ echo: 'still here' })).toBe('still here');
  });

  it('stops a job that runs past the timeout, and goes on with the next', async () => {
    const p = pool({ timeoutMs: 300 });
    expect(await p.run({ echo: 'started' })).toBe('started');
    const hung = p.run({ hang: true });
    const next = p.run({ echo: 'after' });
    await expect(hung).rejects.toBeInstanceOf(JobTimeoutError);
    expect(await next).toBe('after');
  });

  it('refuses jobs beyond the queue bound at once', async () => {
    const p = pool({ queueLimit: 1, timeoutMs: 300 });
    expect(await p.run({ echo: 'started' })).toBe('started');
    const running = p.run({ hang: true });
    const waiting = p.run({ echo: 'queued' });
    await expect(p.run({ echo: 'one too many' })).rejects.toBeInstanceOf(PoolBusyError);
    await expect(running).rejects.toBeInstanceOf(JobTimeoutError);
    expect(await waiting).toBe('queued');
  });

  it('fails the first waiting job when a worker cannot start, and does not respawn for nothing', async () => {
    const p = new WorkerPool({
      spawn: () => new Worker('throw new Error("no entry")', { eval: true }),
      size: 1,
      queueLimit: 4,
      timeoutMs: 30_000,
    });
    pools.push(p);
    const err = await p.run({ echo: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerCrashedError);
    expect((err as Error).message).toMatch(/could not start \(no entry\)/);
    expect(p.stats()).toEqual({ waiting: 0, running: 0, workers: 0 });
  });

  it('fails waiting and running jobs when closed', async () => {
    const p = pool();
    expect(await p.run({ echo: 'started' })).toBe('started');
    const running = p.run({ hang: true }).catch((e: unknown) => e);
    const waiting = p.run({ echo: 'never' }).catch((e: unknown) => e);
    await p.close();
    expect(await waiting).toBeInstanceOf(PoolBusyError);
    expect(await running).toBeInstanceOf(WorkerCrashedError);
    await expect(p.run({ echo: 'closed' })).rejects.toBeInstanceOf(PoolBusyError);
  });
});
