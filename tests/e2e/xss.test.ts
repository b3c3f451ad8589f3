/**
 * Hostile input is inert (issue 7): speaker names, affiliations and statements carrying script,
 * HTML and `javascript:` payloads, typed through the UI, run nowhere: not in the editor, not in
 * the observer view, not in a version's view, not in the HTML export opened in the browser. Each
 * page is checked for the payload's side effect (`window.__xss`), for dialogs, and for the text
 * shown literally.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserUnavailable } from './browser.ts';
import { browserSuite } from './harness.ts';
import { ObserverPage } from './pages/observerPage.ts';
import { SessionPage } from './pages/sessionPage.ts';
import { VersionsPanel } from './pages/versionsPanel.ts';

const unavailable = browserUnavailable();
if (unavailable) console.warn(unavailable);

const IMG = '<img src=x onerror=window.__xss=1>';
const SCRIPT = '<script>window.__xss=1</script>';
const JS = 'javascript:window.__xss=1';
const STATEMENT = `Before ${IMG} middle ${SCRIPT} and ${JS} after.`;

/** Evidence that markup from the payloads became elements or links on a page. */
const INJECTED = `(() => ({
  xss: window.__xss !== undefined,
  img: document.querySelectorAll('img[src="x"], [onerror]').length,
  script: [...document.scripts].filter((s) => s.textContent.includes('__xss')).length,
  link: document.querySelectorAll('a[href^="javascript:" i]').length,
}))()`;

const CLEAN = { xss: false, img: 0, script: 0, link: 0 };

/** Record every dialog a page opens (alert, confirm …), dismissing it. */
function watchDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (d) => {
    seen.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return seen;
}

describe.skipIf(unavailable !== null)('hostile text in Chromium', () => {
  const suite = browserSuite();

  it('speaker, affiliation and statement payloads stay text in the editor, observer view, versions and HTML export', async () => {
    const s = await suite.newSession('Hostile input');
    const ed = await SessionPage.open(await suite.freshContext(), suite.url, s.id, { token: s.editor, name: 'Edith' });
    const edDialogs = watchDialogs(ed.page);
    await ed.waitForBlocks(1);
    await ed.type(IMG);
    await ed.page.keyboard.press('Tab');
    await ed.type(SCRIPT);
    await ed.page.keyboard.press('Tab');
    await ed.type(JS);
    await ed.page.keyboard.press('Enter');
    await ed.type(STATEMENT);
    await ed.nextSpeaker();
    await ed.type(SCRIPT);
    await ed.page.keyboard.press('Enter');
    await ed.type(IMG);
    await ed.waitForSaved();

    const checkEditor = async () => {
      await expect.poll(() => ed.fieldValue(0, 'speaker')).toBe(IMG);
      expect(await ed.fieldValue(0, 'affiliation')).toBe(SCRIPT);
      expect(await ed.fieldValue(0, 'onBehalfOf')).toBe(JS);
      expect(await ed.fieldValue(1, 'speaker')).toBe(SCRIPT);
      const blocks = (await ed.record()).filter((n) => n.type === 'speakerBlock');
      expect(blocks.map((b) => [b.attrs.speaker, b.attrs.affiliation, b.attrs.onBehalfOf, b.text])).toEqual([
        [IMG, SCRIPT, JS, STATEMENT],
        [SCRIPT, '', '', IMG],
      ]);
      expect(await ed.speakerBlocks.nth(0).locator('.sb-body').textContent()).toBe(STATEMENT);
      expect(await ed.page.evaluate(INJECTED)).toEqual(CLEAN);
    };
    await checkEditor();
    await ed.reload();
    await checkEditor();

    // the observer view renders the same text from the document, without an editor
    const obs = await ObserverPage.open(await suite.freshContext(), suite.url, s.id, s.observer);
    const obsDialogs = watchDialogs(obs.page);
    await obs.waitForLive();
    await expect.poll(() => obs.speakers()).toEqual([IMG, SCRIPT]);
    const observed = await obs.text();
    for (const payload of [STATEMENT, SCRIPT, JS]) expect(observed).toContain(payload);
    expect(await obs.page.evaluate(INJECTED)).toEqual(CLEAN);

    // a stored version, read back in the versions panel
    const versions = new VersionsPanel(ed.page);
    await versions.open();
    await versions.save(`Version ${SCRIPT}`);
    await versions.view(`Version ${SCRIPT}`);
    await expect.poll(() => versions.root.locator('.version-record').textContent()).toContain(STATEMENT);
    expect(await ed.page.evaluate(INJECTED)).toEqual(CLEAN);

    // the HTML export, opened in the browser as the print view opens it
    const exported = await (await suite.freshContext()).newPage();
    const exportDialogs = watchDialogs(exported);
    const res = await exported.goto(
      `${suite.url}/api/sessions/${s.id}/export?format=html&disposition=inline&token=${encodeURIComponent(s.editor)}`,
    );
    expect(res?.status()).toBe(200);
    const body = (await exported.locator('body').textContent()) ?? '';
    for (const payload of [STATEMENT, IMG, SCRIPT, JS]) expect(body).toContain(payload);
    expect(await exported.evaluate(INJECTED)).toEqual(CLEAN);

    expect([...edDialogs, ...obsDialogs, ...exportDialogs]).toEqual([]);
  });
});
