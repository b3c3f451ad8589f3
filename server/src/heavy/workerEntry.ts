/**
 * Starting a heavy-work worker thread from either shape of the server: the production bundle
 * (server/dist, where scripts/build.mjs emits the worker as `heavyWorker.js` beside the chunk
 * that holds this code) or the TypeScript sources (tests, `pnpm dev`), where the worker file is
 * `.ts`. Node 20 does not apply a parent's `--import tsx` hooks to a worker's entry, so a `.ts`
 * entry is started by a small bootstrap that registers tsx inside the worker first.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { type ResourceLimits, Worker } from 'node:worker_threads';

const runningFromSource = import.meta.url.endsWith('.ts');

/** The heavy worker's entry for this build: `worker.ts` beside this file, or the bundle's. */
export function defaultWorkerEntry(): URL {
  return runningFromSource ? new URL('./worker.ts', import.meta.url) : new URL('./heavyWorker.js', import.meta.url);
}

/** tsx's ESM registration module, resolved from the server package (only needed from source). */
function tsxRegisterUrl(): string {
  // tsx/esm/api resolves to its CommonJS build under require(); the ESM build sits beside it
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  return pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href;
}

/** A function starting one worker thread on `entry` (a `.ts` entry through tsx). */
export function workerSpawner(entry: URL, resourceLimits?: ResourceLimits): () => Worker {
  if (!entry.pathname.endsWith('.ts')) return () => new Worker(entry, { resourceLimits });
  const bootstrap = `import(${JSON.stringify(tsxRegisterUrl())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  // execArgv: [] because a parent's `--import tsx` fails in a worker on Node 20 (see above)
  return () => new Worker(bootstrap, { eval: true, execArgv: [], resourceLimits });
}
