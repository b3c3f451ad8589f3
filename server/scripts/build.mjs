/**
 * Build the server for production: one ES module bundle of our TypeScript (server and shared) in
 * dist/, with the npm packages left as imports, and the SQL migrations beside it. Running plain
 * JavaScript rather than the TypeScript loader starts faster and holds ~40 MB less memory.
 * Engines and exporters loaded on demand (PGlite, postgres.js, docx, the editor schema) stay
 * separate chunks, loaded only when used. The worker thread of imports and exports is a second
 * entry, `dist/heavyWorker.js`, sharing chunks with the server.
 */
import { cp, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
// every dependency stays an import, except our own workspace packages, which are TypeScript
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@rapporteur/'));

await rm(`${root}dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // the heavy-work worker thread is its own entry; heavy/workerEntry.ts finds it beside the chunks
  entryPoints: { main: 'src/main.ts', heavyWorker: 'src/heavy/worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  sourcemap: true,
  logLevel: 'warning',
});
await cp(`${root}src/db/migrations`, `${root}dist/migrations`, { recursive: true });
console.log('server built: dist/main.js');
