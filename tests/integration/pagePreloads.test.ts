/**
 * The HTML the server returns for an address names the files of the page it opens, from the real
 * client build, so that the browser fetches them beside the application's script (issue 17,
 * server/src/http/pagePreloads.ts).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_DIST, ensureClientBuilt } from '../e2e/browser.ts';
import { REPO_ROOT } from '../helpers/server.ts';
import { useTestServer } from '../helpers/testServer.ts';

ensureClientBuilt();

describe('preloads in the app’s HTML, from the client build', () => {
  const suite = useTestServer('pglite', { clientDir: path.join(REPO_ROOT, CLIENT_DIST) });

  const linksOf = async (address: string) => {
    const res = await fetch(`${suite.server.url}${address}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    return [...html.matchAll(/<link rel="(modulepreload|preload)"[^>]* href="([^"]+)"/g)].map((m) => m[2]!);
  };

  it('a session link’s page names the session page’s code and its styles, each served', async () => {
    const links = await linksOf('/s/0d5b1c52-2f1c-4d8e-9a0e-2b8f1f6b3c11');
    expect(links.some((l) => /^\/assets\/SessionPage-[^/]+\.js$/.test(l))).toBe(true);
    expect(links.some((l) => /^\/assets\/openSessionAhead-[^/]+\.js$/.test(l))).toBe(true);
    expect(links.some((l) => l.endsWith('.css'))).toBe(true);
    // never the application's own script, which the page loads anyway
    expect(links.some((l) => /^\/assets\/index-/.test(l))).toBe(false);
    for (const link of links) {
      const res = await fetch(`${suite.server.url}${link}`);
      expect(res.status, link).toBe(200);
      await res.arrayBuffer();
    }
  });

  it('other pages name their own code; the list page and unknown addresses nothing', async () => {
    expect((await linksOf('/search')).some((l) => /SearchPage-/.test(l))).toBe(true);
    expect((await linksOf('/observe/0d5b1c52-2f1c-4d8e-9a0e-2b8f1f6b3c11')).some((l) => /ObserverPage-/.test(l))).toBe(
      true,
    );
    expect(await linksOf('/')).toEqual([]);
    expect(await linksOf('/no/such/page')).toEqual([]);
  });

  it('hostile addresses get the page or a clear error, never markup from the address', async () => {
    for (const address of [
      '/s/%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      '/s/"><img src=x onerror=alert(1)>',
      `/s/${'a'.repeat(6000)}`,
      '/s/%E0%A4%A',
      '/search/../s/x',
    ]) {
      const res = await fetch(`${suite.server.url}${address}`);
      const html = await res.text();
      expect([200, 400, 404, 414, 431], address).toContain(res.status);
      expect(html, address).not.toContain('<script>alert');
      expect(html, address).not.toContain('onerror=alert');
    }
  });
});
