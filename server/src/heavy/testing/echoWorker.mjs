// A worker for the pool's unit tests (plain JavaScript: no loader needed). Jobs:
// { echo } answers it; { refuse } refuses with that code; { crash } throws out of the handler;
// { hang } never answers; it says { ready } first, as the real worker does; { bytes } answers a buffer of that many bytes, transferred.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ id, job }) => {
  if (job.crash) throw new Error('crashed on purpose');
  if (job.hang) return;
  if (job.refuse) {
    parentPort.postMessage({ id, ok: false, error: { code: job.refuse, status: 413, message: 'too big' } });
    return;
  }
  if (job.bytes) {
    const bytes = new Uint8Array(job.bytes);
    parentPort.postMessage({ id, ok: true, result: bytes }, [bytes.buffer]);
    return;
  }
  parentPort.postMessage({ id, ok: true, result: job.echo });
});
parentPort.postMessage({ ready: true });
