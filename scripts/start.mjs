/**
 * `pnpm start`: build only when the sources changed since the last build (the build stamp), then
 * run the built server in this very process. pnpm runs this as `exec node …`, so no shell sits
 * between pnpm and the server: a shell killed by Ctrl+C made pnpm report ELIFECYCLE although the
 * server had stopped cleanly (issue 13, item 12). The server's own exit code is the result: 0
 * after a clean stop on SIGINT or SIGTERM. Running in-process means the node flags are set in the
 * root package.json's start script: keep them the same as server/package.json's.
 */
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { buildAll } from './build.mjs';
import { buildIsCurrent, ROOT, sourceHash } from './buildStamp.mjs';

const hash = sourceHash();
if (buildIsCurrent(hash)) {
  console.log('[rapporteur] build is up to date; starting');
} else {
  console.log('[rapporteur] sources changed since the last build (or never built): building');
  buildAll();
}
await import(pathToFileURL(path.join(ROOT, 'server/dist/main.js')).href);
