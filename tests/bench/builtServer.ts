/**
 * Our production build on its own process for a standalone benchmark: built first, started with
 * `pnpm start`'s node flags over fresh storage (Postgres when DATABASE_URL is set, else PGlite),
 * with the test admin secret so the benchmark can create and import sessions.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createProcessStorage } from '../helpers/database.ts';
import { deployedNodeFlags, REPO_ROOT, TEST_ADMIN_TOKEN } from '../helpers/server.ts';
import { type Child, spawnScript } from './spawn.ts';

export interface BuiltServer {
  url: string;
  proc: Child;
  /** Stop the process, then drop its storage. */
  stop(): Promise<void>;
}

export async function startBuiltServer(): Promise<BuiltServer> {
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'server/scripts/build.mjs')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const storage = await createProcessStorage(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  const proc = await spawnScript(path.join(REPO_ROOT, 'server/dist/main.js'), {
    cwd: path.join(REPO_ROOT, 'server'),
    nodeArgs: deployedNodeFlags(),
    env: { HOST: '127.0.0.1', PORT: '0', CLIENT_DIR: 'no-client', ADMIN_TOKEN: TEST_ADMIN_TOKEN, ...storage.env },
    ready: /running at http:\/\/127\.0\.0\.1:(\d+)/,
  });
  return {
    url: `http://127.0.0.1:${proc.port}`,
    proc,
    stop: async () => {
      await proc.stop();
      await storage.drop();
    },
  };
}
