/**
 * The observer view in Chromium (issue 4): a read-only live page that follows the newest text as
 * note-takers type, lets the reader scroll back and jump to live again, shows no editing control,
 * and opens without a link once an editor publishes the session.
 */
import { describe, expect, it } from 'vitest';
import { browserUnavailable } from './browser.ts';
import { browserSuite } from './harness.ts';
import { ObserverPage } from './pages/observerPage.ts';
import { appendBlocksScript } from './pages/recordScript.ts';
import { SessionPage } from './pages/sessionPage.ts';

const unavailable = browserUnavailable();
if (unavailable) console.warn(unavailable);

/** A phone's viewport (iPhone 12 to 15). */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

describe.skipIf(unavailable !== null)('observer view in Chromium', () => {
  const suite = browserSuite();

  it('follows live text typed on a note-taker page, without editing controls, on a phone', async () => {
    const s = await suite.newSession('CND intersessional: observed');
    const ana = await SessionPage.open(await suite.freshContext(), suite.url, s.id, {
      token: s.noteTaker,
      name: 'Ana',
    });
    await ana.waitForBlocks(1);
    await ana.type('Malta');
    await ana.page.keyboard.press('Enter');
    await ana.type('The EU and its Member States support the three recommendations.');

    const obs = await ObserverPage.open(await suite.freshContext(PHONE), suite.url, s.id, s.observer);
    await obs.waitForLive();
    await expect.poll(() => obs.text()).toContain('The EU and its Member States support the three recommendations.');
    expect(await obs.speakers()).toEqual(['Malta']);
    await expect(obs.sessionState.textContent()).resolves.toBe('In progress');
    expect(await obs.editingControls()).toBe(0);
    expect(obs.page.url()).not.toContain('token='); // the link's token left the address bar
    // observers are invisible to the others, but counted
    await expect.poll(() => ana.watching.textContent()).toBe('1 watching');
    expect(await ana.presenceNames()).toEqual(['Ana (you)']);

    // live: what Ana types next appears without a reload
    await ana.type(' Thank you, Chair.');
    await expect.poll(() => obs.text()).toContain('three recommendations. Thank you, Chair.');

    // a long record: the view keeps the newest block in sight
    await ana.page.evaluate(appendBlocksScript(25, 'Delegate'));
    await expect.poll(() => obs.speakers().then((s) => s.length)).toBe(26);
    await expect.poll(() => obs.distanceToEnd()).toBeLessThanOrEqual(160);
    expect(await obs.jumpToLive.count()).toBe(0);

    // the reader scrolls back to re-read: the page stays where they are and offers the way back
    await obs.scrollUp(2500);
    await obs.jumpToLive.waitFor();
    const readingAt = await obs.scrollY();
    await ana.page.evaluate(appendBlocksScript(1, 'Late speaker'));
    await expect.poll(() => obs.speakers()).toContain('Late speaker 1');
    expect(Math.abs((await obs.scrollY()) - readingAt)).toBeLessThan(5);
    expect(await obs.jumpToLive.isVisible()).toBe(true);

    await obs.jumpToLive.click();
    await obs.jumpToLive.waitFor({ state: 'detached' });
    await expect.poll(() => obs.distanceToEnd()).toBeLessThanOrEqual(160);
    // and it follows again
    await ana.page.evaluate(appendBlocksScript(2, 'Closing speaker'));
    await expect.poll(() => obs.speakers()).toContain('Closing speaker 2');
    await expect.poll(() => obs.distanceToEnd()).toBeLessThanOrEqual(160);

    // the record is the stored one: a reload shows it all again
    await ana.waitForSaved();
    await obs.reload();
    await expect.poll(() => obs.speakers().then((s) => s.length)).toBe(29);
    expect(await obs.text()).toContain('three recommendations. Thank you, Chair.');
    // nothing wider than the phone's screen
    expect(await obs.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('opens without a link only once an editor makes the session public', async () => {
    const s = await suite.newSession('Published minutes');
    const ed = await SessionPage.open(await suite.freshContext(), suite.url, s.id, { token: s.editor, name: 'Ed' });
    await ed.waitForBlocks(1);
    await ed.type('Peru');
    await ed.page.keyboard.press('Enter');
    await ed.type('We support a balanced approach.');
    await ed.waitForSaved();

    const anyone = await ObserverPage.open(await suite.freshContext(), suite.url, s.id, null);
    await expect.poll(() => anyone.page.getByRole('alert').textContent()).toContain('This session is not public');

    await ed.page.getByLabel('Public: anyone with the observer address can follow').check();
    const link = ed.page.getByTestId('observer-link');
    await expect.poll(() => link.textContent()).toBe(`${suite.url}/observe/${s.id}`);

    await anyone.reload();
    await expect.poll(() => anyone.text()).toContain('We support a balanced approach.');
    expect(await anyone.editingControls()).toBe(0);

    // the publication is stored: the editor's page shows it after a reload
    await ed.reload();
    expect(await ed.page.getByLabel('Public: anyone with the observer address can follow').isChecked()).toBe(true);
  });
});
