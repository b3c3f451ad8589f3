/**
 * The fixture every browser test file shares: one server process over its own PGlite data
 * folder serving the built client, one Chromium, and a fresh browser profile per context
 * (closed after each test). Call `browserSuite()` inside a `describe`.
 */
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createProcessStorage } from '../helpers/database.ts';
import { type ServerProcess, spawnServer } from '../helpers/server.ts';
import { createSessionHttp, type SessionTokens } from '../helpers/sessions.ts';
import { CLIENT_DIST, ensureClientBuilt, launchBrowser } from './browser.ts';

/** What a browser test uses. */
export interface BrowserSuite {
  /** The running server's address. */
  readonly url: string;
  /** A new, empty browser profile (own storage, own IndexedDB). */
  freshContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A new session created over HTTP, with its three tokens. */
  newSession(title: string): Promise<SessionTokens>;
}

/** Register the hooks that start and stop the server and the browser; returns the suite's handle. */
export function browserSuite(): BrowserSuite {
  let storage: Awaited<ReturnType<typeof createProcessStorage>> | undefined;
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureClientBuilt();
    storage = await createProcessStorage('pglite');
    server = await spawnServer({ ...storage.env, CLIENT_DIR: CLIENT_DIST });
    browser = await launchBrowser();
  });

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
    async freshContext(options) {
      const ctx = await running().browser.newContext(options);
      contexts.push(ctx);
      return ctx;
    },
    newSession: (title) => createSessionHttp(running().server.url, title),
  };
}
