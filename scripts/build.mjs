/**
 * `pnpm build`: the web client (vite) and the server (esbuild), then the build stamp, so that
 * `pnpm start` knows the build matches the sources. The hash is taken before building: an edit
 * made during the build makes the next start build again, never the reverse.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, sourceHash, writeStamp } from './buildStamp.mjs';

/**
 * The environment of a build step: always a production build. Vite takes NODE_ENV from the
 * environment when it is set, so a start from a shell or test runner with NODE_ENV=test or
 * development built a client whose production-only parts (the offline shell's service worker)
 * were left out.
 */
export function buildEnv(env) {
  return { ...env, NODE_ENV: 'production' };
}

/** Run one build step in the foreground; stop with its exit code when it fails. */
function step(cwd, command, args) {
  const res = spawnSync(command, args, { cwd: path.join(ROOT, cwd), stdio: 'inherit', env: buildEnv(process.env) });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

/** Build everything and stamp it. */
export function buildAll() {
  const hash = sourceHash();
  step('client', path.join(ROOT, 'client/node_modules/.bin/vite'), ['build']);
  step('server', process.execPath, ['scripts/build.mjs']);
  writeStamp(hash);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) buildAll();
