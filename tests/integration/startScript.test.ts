/**
 * `pnpm start` as a person runs it (issue 13, item 12): it builds only when the sources changed
 * since the last build, and Ctrl+C (SIGINT to the whole process group, as a terminal sends it)
 * or a SIGTERM stops the server cleanly with exit code 0 and no ELIFECYCLE error from pnpm.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProcessStorage } from '../helpers/database.ts';
import { REPO_ROOT } from '../helpers/server.ts';

/** The pnpm the README tells people to use, resolved once through npx (which caches it). */
function pnpmBin(): string {
  return execFileSync('npx', ['-y', '-p', 'pnpm@10.34.9', 'sh', '-c', 'command -v pnpm'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
}

interface Started {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** `pnpm start` in its own process group (as a terminal runs it); resolves once it serves. */
async function pnpmStart(pnpm: string, env: Record<string, string>): Promise<Started> {
  const child = spawn(pnpm, ['start'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ADMIN_TOKEN: 'start-script-admin-secret-0123', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (/running at http:\/\/\S+/.test(out)) {
        clearInterval(check);
        resolve();
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(check);
      reject(new Error(`pnpm start exited (${code}) before serving:\n${out}`));
    });
  });
  return { child, output: () => out, exited };
}

describe('pnpm start', () => {
  let storage: Awaited<ReturnType<typeof createProcessStorage>>;
  let pnpm: string;
  const running: Started[] = [];

  beforeAll(async () => {
    pnpm = pnpmBin();
    storage = await createProcessStorage('pglite');
  });
  afterAll(async () => {
    for (const s of running) if (s.child.exitCode === null) process.kill(-s.child.pid!, 'SIGKILL');
    await storage?.drop();
  });

  it('exits 0 on Ctrl+C with no ELIFECYCLE, and the next start does not build again', async () => {
    // the first start builds if the sources changed since the last build (slow), else starts
    const first = await pnpmStart(pnpm, storage.env);
    running.push(first);
    process.kill(-first.child.pid!, 'SIGINT'); // the terminal sends Ctrl+C to the whole group
    expect(await first.exited, first.output()).toBe(0);
    expect(first.output()).toContain('shutting down');
    expect(first.output()).not.toMatch(/ELIFECYCLE|ERR_PNPM/);

    const second = await pnpmStart(pnpm, storage.env);
    running.push(second);
    expect(second.output()).toContain('build is up to date');
    expect(second.output()).not.toMatch(/building|vite v\d|server built/);
    process.kill(second.child.pid!, 'SIGTERM'); // a service manager stopping pnpm itself
    expect(await second.exited, second.output()).toBe(0);
    expect(second.output()).not.toMatch(/ELIFECYCLE|ERR_PNPM/);
  }, 400_000);

  it('exits 0 when SIGTERM reaches the whole process group', async () => {
    const started = await pnpmStart(pnpm, storage.env);
    running.push(started);
    process.kill(-started.child.pid!, 'SIGTERM');
    expect(await started.exited, started.output()).toBe(0);
    expect(started.output()).not.toMatch(/ELIFECYCLE|ERR_PNPM/);
  }, 120_000);
});
