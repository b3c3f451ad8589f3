/**
 * The built client works under the server's Content-Security-Policy (issue 12, item 8): the
 * session page loads its scripts, draws Tiptap's inline styles, opens its sync socket and saves;
 * the observer view follows; the printable HTML export keeps its inline style; and the browser
 * reports no policy violation anywhere.
 */
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserUnavailable } from './browser.ts';
import { browserSuite } from './harness.ts';
import { ObserverPage } from './pages/observerPage.ts';
import { SessionPage } from './pages/sessionPage.ts';

const unavailable = browserUnavailable();
if (unavailable) console.warn(unavailable);

/** Record every CSP violation a page of this context reports, on `window.__cspViolations`. */
async function watchViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(`
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
    });
  `);
}

describe.skipIf(unavailable !== null)('the client under its Content-Security-Policy', () => {
  const suite = browserSuite();

  it('loads, styles, connects, saves, observes and prints with no policy violation', async () => {
    const s = await suite.newSession('CND intersessional under a strict policy');
    const page = await fetch(`${suite.url}/s/${s.id}`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    await page.arrayBuffer();

    const context = await suite.freshContext();
    await watchViolations(context);
    const ana = await SessionPage.open(context, suite.url, s.id, { token: s.noteTaker, name: 'Ana' });
    await ana.waitForBlocks(1);
    await ana.type('Malta');
    await ana.page.keyboard.press('Enter');
    await ana.type('Statement typed under the policy.');
    await ana.waitForSaved(); // the socket connected and the server acknowledged
    // Tiptap's injected stylesheet applied (an inline <style> element)
    expect(await ana.page.evaluate(`getComputedStyle(document.querySelector('.ProseMirror')).whiteSpace`)).toBe(
      'break-spaces',
    );

    const observerContext = await suite.freshContext();
    await watchViolations(observerContext);
    const observer = await ObserverPage.open(observerContext, suite.url, s.id, s.observer);
    await expect.poll(() => observer.text()).toContain('Statement typed under the policy.');

    const print = await context.newPage();
    await print.goto(`${suite.url}/api/sessions/${s.id}/export?format=html&disposition=inline&token=${s.noteTaker}`);
    await expect.poll(() => print.locator('body').textContent()).toContain('Statement typed under the policy.');

    // the one eval attempt in the bundle is zod 4's feature probe (`try { Function('') } catch`),
    // which falls back to parsing without eval; the policy refusing it is the point
    const violations = async (p: typeof print) =>
      ((await p.evaluate('window.__cspViolations')) as string[]).filter((v) => v !== 'script-src eval');
    for (const p of [ana.page, observer.page, print]) expect(await violations(p)).toEqual([]);
  });
});
