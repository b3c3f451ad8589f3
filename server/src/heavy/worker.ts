/**
 * Entry of a heavy-work worker thread (see pool.ts for the protocol). A job the worker refuses
 * (JobRefusal) is answered with its code; any other failure with a generic one, its detail kept
 * out of the response. An error that escapes a job's promise kills this thread, and the pool
 * fails that job and starts a new worker.
 */
import { parentPort } from 'node:worker_threads';
import { type HeavyJob, JobRefusal } from './jobs.ts';
import { runJob } from './runJob.ts';

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');

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
