/**
 * Accessibility in Chromium (issue 13, item 15): axe-core finds no serious or critical violation
 * on any page (start page for visitors and the admin, session page for an editor and a
 * note-taker, its dialogs, observer view, search with results, import, not found); the Versions
 * panel opened from the keyboard takes focus and gives it back; the record is a labelled
 * multi-line text box with a visible focus outline.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { connectClient } from '../helpers/clients.ts';
import { appendSpeakerBlock } from '../helpers/record.ts';
import { TEST_ADMIN_TOKEN } from '../helpers/server.ts';
import { describeViolations, seriousViolations } from './axe.ts';
import { browserUnavailable } from './browser.ts';
import { browserSuite } from './harness.ts';
import { ObserverPage } from './pages/observerPage.ts';
import { SessionPage } from './pages/sessionPage.ts';
import { VersionsPanel } from './pages/versionsPanel.ts';

const unavailable = browserUnavailable();
if (unavailable) console.warn(unavailable);

describe.skipIf(unavailable !== null)('accessibility in Chromium', () => {
  const suite = browserSuite();

  /** Assert that axe finds nothing serious or critical on the page as it is now. */
  async function expectAccessible(page: Page, where: string): Promise<void> {
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(where, violations)).toEqual([]);
  }

  /** A session with two statements, published so that search and the observer view show it. */
  async function sessionWithRecord() {
    const s = await suite.newSession('Accessible minutes');
    const writer = connectClient(suite.url, s.id, { token: s.noteTaker, name: 'Writer' });
    try {
      await writer.synced();
      appendSpeakerBlock(writer.doc, { speaker: 'Chair' }, 'The meeting is opened on operational recommendations.');
      appendSpeakerBlock(writer.doc, { speaker: 'Malta' }, 'We support the operational recommendations.');
      await writer.save.whenSaved();
    } finally {
      writer.destroy();
    }
    await fetch(`${suite.url}/api/sessions/${s.id}/public`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.editor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ public: true }),
    });
    return s;
  }

  it('has no serious or critical axe violations on any page', async () => {
    const s = await sessionWithRecord();
    const visitor = await (await suite.freshContext()).newPage();
    await visitor.goto(suite.url);
    await visitor.locator('.visitor-welcome').waitFor();
    await expectAccessible(visitor, 'start page (visitor)');
    await visitor.goto(`${suite.url}/no/such/page`);
    await visitor.getByRole('heading').first().waitFor();
    await expectAccessible(visitor, 'not found');

    const admin = await (await suite.freshContext()).newPage();
    await admin.goto(`${suite.url}/?admin=${TEST_ADMIN_TOKEN}`);
    await admin.locator('.sessions').waitFor();
    await expectAccessible(admin, 'start page (admin)');
    await admin.goto(`${suite.url}/import`);
    await admin.getByRole('heading').first().waitFor();
    await expectAccessible(admin, 'import');
    await admin.goto(`${suite.url}/search?q=operational`);
    await admin.locator('.search-hit').first().waitFor();
    await expectAccessible(admin, 'search with results');

    // a session page before the name is given: the name form
    const fresh = await (await suite.freshContext()).newPage();
    await fresh.goto(`${suite.url}/s/${s.id}?token=${encodeURIComponent(s.noteTaker)}`);
    await fresh.getByLabel('Your name').waitFor();
    await expectAccessible(fresh, 'name form');

    const noteTaker = await SessionPage.open(await suite.freshContext(), suite.url, s.id, {
      token: s.noteTaker,
      name: 'Ana',
    });
    await noteTaker.waitForBlocks(2);
    await expectAccessible(noteTaker.page, 'session page (note-taker)');

    const editor = await SessionPage.open(await suite.freshContext(), suite.url, s.id, {
      token: s.editor,
      name: 'Eve',
    });
    await editor.waitForBlocks(2);
    await expectAccessible(editor.page, 'session page (editor)');
    const versions = new VersionsPanel(editor.page);
    await versions.open();
    await expectAccessible(editor.page, 'versions panel');

    const observer = await ObserverPage.open(await suite.freshContext(), suite.url, s.id, s.observer);
    await observer.waitForLive();
    await expectAccessible(observer.page, 'observer view');
  }, 300_000); // nine pages, each loaded and checked: minutes on a loaded machine

  it('Versions opened with the keyboard takes focus inside, and Escape gives it back to the button', async () => {
    const s = await suite.newSession('Focus');
    const eve = await SessionPage.open(await suite.freshContext(), suite.url, s.id, { token: s.editor, name: 'Eve' });
    const button = eve.page.getByRole('button', { name: 'Versions', exact: true });
    await button.focus();
    await eve.page.keyboard.press('Enter');
    const panel = new VersionsPanel(eve.page);
    await panel.root.waitFor();
    await expect.poll(() => panel.root.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await eve.page.keyboard.press('Escape');
    await panel.root.waitFor({ state: 'detached' });
    await expect.poll(() => button.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('the record is a labelled multi-line text box that shows when it has focus', async () => {
    const s = await suite.newSession('Focus ring');
    const ana = await SessionPage.open(await suite.freshContext(), suite.url, s.id, {
      token: s.noteTaker,
      name: 'Ana',
    });
    const record = ana.page.getByRole('textbox', { name: 'Record of the meeting' });
    expect(await record.getAttribute('aria-multiline')).toBe('true');
    expect(await record.getAttribute('aria-readonly')).toBe('false');
    await ana.clickIntoBody(0);
    await expect
      .poll(() => record.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)))
      .toBe(true);
    const outline = await record.evaluate((el) => {
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
  });
});
