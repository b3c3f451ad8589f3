/**
 * The fixture every browser test file shares: one server process (the production build, run as
 * `pnpm start` runs it) over its own PGlite data folder serving the built client, one Chromium, and a fresh browser profile per context
 * (closed after each test). Call `browserSuite()` inside a `describe`. Tests of an outage can stop
 * the server and start it again on the same address.
 */
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createProcessStorage } from '../helpers/database.ts';
import { type ServerProcess, spawnServer } from '../helpers/server.ts';
import { createSessionHttp, importSessionHttp, type SessionTokens } from '../helpers/sessions.ts';
import { CLIENT_DIST, ensureClientBuilt, ensureServerBuilt, launchBrowser } from './browser.ts';

/** What a browser test uses. */
export interface BrowserSuite {
  /** The running server's address. */
  readonly url: string;
  /** The server's storage as environment (DATA_DIR or DATABASE_URL), to open it while stopped. */
  readonly storageEnv: Record<string, string>;
  /** A new, empty browser profile (own storage, own IndexedDB). */
  freshContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A new session created over HTTP, with its three tokens. */
  newSession(title: string): Promise<SessionTokens>;
  /** A new session imported from a plain-text record over HTTP. */
  importSession(text: string, title: string): Promise<SessionTokens>;
  /** Stop the server process with SIGTERM (an outage: open pages go offline). */
  stopServer(): Promise<void>;
  /** Start the stopped server again on the same port and storage (pages reconnect by themselves). */
  startServerAgain(): Promise<void>;
}

/** Register the hooks that start and stop the server and the browser; returns the suite's handle. */
export function browserSuite(): BrowserSuite {
  let storage: Awaited<ReturnType<typeof createProcessStorage>> | undefined;
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  const start = (port?: number) => {
    if (!storage) throw new Error('the browser suite has no storage (call browserSuite() in a describe)');
    return spawnServer({ ...storage.env, CLIENT_DIR: CLIENT_DIST }, { port, built: true });
  };

  beforeAll(async () => {
    ensureClientBuilt();
    ensureServerBuilt();
    storage = await createProcessStorage('pglite');
    server = await start();
    browser = await launchBrowser();
  }, 240_000); // the first start creates the embedded database: slow when the machine is loaded

  afterEach(async () => {
    for (const ctx of contexts.splice(0)) await ctx.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.kill();
    await storage?.drop();
  });

  const running = () => {
    if (!server || !browser) throw new Error('the browser suite is not started (call browserSuite() in a describe)');
    return { server, browser };
  };

  return {
    get url() {
      return running().server.url;
    },
    get storageEnv() {
      if (!storage) throw new Error('the browser suite has no storage (call browserSuite() in a describe)');
      return storage.env;
    },
    async freshContext(options) {
      const ctx = await running().browser.newContext(options);
      contexts.push(ctx);
      return ctx;
    },
    newSession: (title) => createSessionHttp(running().server.url, title),
    importSession: (text, title) => importSessionHttp(running().server.url, text, title),
    async stopServer() {
      await running().server.kill('SIGTERM');
    },
    async startServerAgain() {
      // the same port, so the pages' providers find the server where they left it
      server = await start(running().server.port);
    },
  };
}
