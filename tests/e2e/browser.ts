/**
 * Chromium for browser tests: Debian's package (never a Playwright browser download, which fails
 * on these machines), launched headless with the flags that keep it quiet and offline-safe.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { REPO_ROOT } from '../helpers/server.ts';

/** Where apt-get installs Chromium. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Why browser tests cannot run here, or null when they can. */
export function browserUnavailable(): string | null {
  return existsSync(CHROMIUM_PATH)
    ? null
    : `browser tests skipped: ${CHROMIUM_PATH} not found (install it with: apt-get install -y chromium)`;
}

/** Launch headless Chromium; each `newContext()` is a fresh profile (own storage, own IndexedDB). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The built client the server serves; built here when missing (the root test script builds first). */
export const CLIENT_DIST = 'client/dist';

/** Build the server (`pnpm build` does it before the tests) if it has not been built. */
export function ensureServerBuilt(): void {
  if (existsSync(path.join(REPO_ROOT, 'server/dist/main.js'))) return;
  const res = spawnSync(process.execPath, ['scripts/build.mjs'], {
    cwd: path.join(REPO_ROOT, 'server'),
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`server build failed:\n${res.stdout}\n${res.stderr}`);
}

/**
 * Make sure client/dist exists, building it once if a developer ran the tests without building,
 * and that it is a production build (one made under NODE_ENV=test lacks the offline shell, and the
 * offline tests would time out waiting for it).
 */
export function ensureClientBuilt(): void {
  if (existsSync(path.join(REPO_ROOT, CLIENT_DIST, 'index.html'))) {
    const assets = path.join(REPO_ROOT, CLIENT_DIST, 'assets');
    const registersWorker = readdirSync(assets).some(
      (f) => f.endsWith('.js') && readFileSync(path.join(assets, f), 'utf8').includes('serviceWorker'),
    );
    if (!registersWorker)
      throw new Error(`${CLIENT_DIST} is not a production build (no service worker): run \`pnpm build\``);
    return;
  }
  const vite = path.join(REPO_ROOT, 'client/node_modules/.bin/vite');
  // a production build whatever NODE_ENV the test runner set (vitest sets test)
  const res = spawnSync(vite, ['build'], {
    cwd: path.join(REPO_ROOT, 'client'),
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (res.status !== 0) throw new Error(`client build failed:\n${res.stdout}\n${res.stderr}`);
}
