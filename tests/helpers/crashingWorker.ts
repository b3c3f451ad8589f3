/**
 * A heavy-work worker entry for fault tests: runs jobs as the real worker does, except that an
 * export of a session titled CRASH_TITLE kills the thread with an uncaught error, as a bug or an
 * out-of-memory would.
 */
import { parentPort } from 'node:worker_threads';
import { runJob } from '@rapporteur/server/heavy/runJob';

/** Title of a session whose exports crash this worker. */
export const CRASH_TITLE = 'crash the export worker';

type Message = { id: number; job: Parameters<typeof runJob>[0] };

// (imported on the main thread too, for CRASH_TITLE: there it does nothing)
parentPort?.on('message', async ({ id, job }: Message) => {
  if (job.kind === 'export' && job.session.title === CRASH_TITLE)
    throw new Error('simulated crash of the export worker');
  const { result, transfer } = await runJob(job);
  parentPort?.postMessage({ id, ok: true, result }, transfer);
});
parentPort?.postMessage({ ready: true });
