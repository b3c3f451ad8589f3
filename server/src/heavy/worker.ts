/**
 * Entry of a heavy-work worker thread (see pool.ts for the protocol). A job the worker refuses
 * (JobRefusal) is answered with its code; any other failure with a generic one, its detail kept
 * out of the response. An error that escapes a job's promise kills this thread, and the pool
 * fails that job and starts a new worker.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { type HeavyJob, JobRefusal } from './jobs.ts';
import { runJob } from './runJob.ts';

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');

/**
 * Run this thread at a lower CPU priority than the event loop: on a small machine a busy worker
 * must not take the core the keystrokes need. Linux gives each thread its own nice value,
 * addressed by thread id (/proc/thread-self names it); elsewhere this is skipped.
 */
function yieldToEventLoop(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
  } catch {
    // not Linux, or not permitted: the worker runs at the process's priority
  }
}
yieldToEventLoop();

port.on('message', async (message: { id: number; job: HeavyJob }) => {
  const { id, job } = message;
  try {
    const { result, transfer } = await runJob(job);
    port.postMessage({ id, ok: true, result }, transfer);
  } catch (err) {
    const error =
      err instanceof JobRefusal
        ? { code: err.code, status: err.status, message: err.message }
        : { code: 'internal', status: 500, message: `the ${job.kind} failed`, detail: String(err) };
    port.postMessage({ id, ok: false, error });
  }
});
port.postMessage({ ready: true });
