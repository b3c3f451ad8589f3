/**
 * Flaky venue wifi in Chromium: the connection is cut (Playwright's offline mode), the note-taker
 * keeps typing, reloads the page while still offline (the service worker serves the application,
 * the IndexedDB copy brings the text back), types more, and reconnects. Every character then
 * reaches another page exactly once, and "Saved" shows only after the server acknowledged it.
 */
import { describe, expect, it } from 'vitest';
import { browserUnavailable } from './browser.ts';
import { browserSuite } from './harness.ts';
import { CockpitPage } from './pages/cockpitPage.ts';

const unavailable = browserUnavailable();
if (unavailable) console.warn(unavailable);

/** How many times `part` occurs in `text`. */
const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe.skipIf(unavailable !== null)('offline typing in Chromium', () => {
  const suite = browserSuite();

  it('keeps typing offline, survives a reload without a connection, and merges once on reconnect', async () => {
    const s = await suite.newSession('Offline');
    const ctx = await suite.freshContext();
    const ana = await CockpitPage.open(ctx, suite.url, s.id, { token: s.noteTaker, name: 'Ana' });
    await ana.session.waitForBlocks(1);
    await ana.page.keyboard.type('Malta');
    await ana.page.keyboard.press('Enter');
    await ana.page.keyboard.type('Said online.');
    await ana.session.waitForSaved();
    await ana.waitForOfflineShell();

    // Ben follows from another browser that stays online
    const ben = await CockpitPage.open(await suite.freshContext(), suite.url, s.id, {
      token: s.noteTaker,
      name: 'Ben',
    });
    await expect.poll(() => ben.session.recordText()).toBe('Said online.');

    const parts = [' Typed offline.', ' Typed after the reload.'];
    // Chromium's offline mode blocks new connections but leaves an open WebSocket alone; the page
    // closes its socket itself when the browser reports "offline" (as a real network loss does)
    await ctx.setOffline(true);
    await ana.session.waitForConnection('offline');
    await ana.offlineBanner.waitFor();
    // the close handshake can take a while on a loaded machine
    await expect.poll(() => ana.socketOpen(), { timeout: 15_000 }).toBe(false);
    // going offline leaves the caret where it was (a CI run once found nothing typed here)
    expect((await ana.session.focused()).inBody, await ana.session.snapshot()).toBe(true);
    await ana.page.keyboard.type(parts[0]!);
    await expect
      .poll(() => ana.session.saveStatus.getAttribute('data-state'), { timeout: 10_000 })
      .toBe('unsaved')
      .catch(async (e: Error) => {
        throw new Error(`${e.message}\nthe page: ${await ana.session.snapshot()}`);
      });
    await ana.flushOfflineCopy(s.id);

    // a reload with no connection at all: the kept shell opens, the offline copy brings the text back
    await ana.page.reload();
    await ana.page.locator('.record').waitFor();
    await expect.poll(() => ana.session.recordText()).toContain(`Said online.${parts[0]}`);
    await ana.offlineBanner.waitFor();
    await ana.session.clickIntoBody(0);
    await ana.page.keyboard.type(parts[1]!);
    await ana.flushOfflineCopy(s.id);
    expect(await ana.session.saveStatus.getAttribute('data-state')).toBe('unsaved');
    expect(await ana.socketOpen()).toBe(false);
    // nothing typed offline reached the server: Ben still has only what was said online
    expect(await ben.session.recordText()).toBe('Said online.');

    await ctx.setOffline(false);
    await ana.session.waitForLive(30_000);
    await ana.session.waitForSaved(30_000);
    await ana.offlineBanner.waitFor({ state: 'detached' });

    // Ben's page, and a page opened now, find every character exactly once
    const carl = await CockpitPage.open(await suite.freshContext(), suite.url, s.id, {
      token: s.noteTaker,
      name: 'Carl',
    });
    const expected = `Said online.${parts.join('')}`;
    for (const page of [ben, carl]) {
      await expect.poll(() => page.session.recordText(), { timeout: 20_000 }).toBe(expected);
      const text = await page.session.recordText();
      for (const part of ['Said online.', ...parts]) expect(occurrences(text, part)).toBe(1);
      expect((await page.session.record()).filter((n) => n.type === 'speakerBlock')).toHaveLength(1);
    }
  });
});

describe.skipIf(unavailable !== null)('an offline reload in Chromium', () => {
  const suite = browserSuite();

  it('shows the real title, one offline message and the same unsaved count before and after the reload', async () => {
    const s = await suite.newSession('CND intersessional: offline reload');
    const ctx = await suite.freshContext();
    const ana = await CockpitPage.open(ctx, suite.url, s.id, { token: s.noteTaker, name: 'Ana' });
    await ana.session.waitForBlocks(1);
    await ana.page.keyboard.type('Malta');
    await ana.page.keyboard.press('Enter');
    await ana.page.keyboard.type('Said while the connection held, long enough to outweigh what follows.');
    await ana.session.waitForSaved();
    await ana.waitForOfflineShell();

    await ctx.setOffline(true);
    await ana.session.waitForConnection('offline');
    await ana.page.keyboard.type(' Typed offline.');
    await expect.poll(() => ana.session.saveStatus.getAttribute('data-state'), { timeout: 10_000 }).toBe('unsaved');
    await ana.flushOfflineCopy(s.id);

    /** What the page says about being offline and unsaved, and its title. */
    const signals = async () => ({
      title: await ana.session.title.textContent(),
      banners: await ana.offlineBanner.count(),
      notices: await ana.page.locator('.notice').count(),
      connection: await ana.session.connection.textContent(),
      save: await ana.session.saveStatus.textContent(),
    });
    const before = await signals();
    const counted = /^(\d+) changes not yet saved$/.exec(before.save ?? '');
    expect(counted, before.save ?? '').not.toBeNull();
    // the offline typing, not the whole record
    expect(Number(counted![1])).toBeLessThan(' Typed offline.'.length * 2);
    expect(before).toEqual({
      title: 'CND intersessional: offline reload',
      banners: 1,
      notices: 0,
      connection: 'Offline',
      save: before.save,
    });

    // reload without any connection: the same title, one message, the same count
    await ana.page.reload();
    await ana.page.locator('.record').waitFor();
    await expect.poll(() => ana.session.recordText()).toContain('Typed offline.');
    await ana.offlineBanner.waitFor();
    await expect.poll(() => signals(), { timeout: 10_000 }).toEqual(before);
    expect(await ana.page.title()).toContain('CND intersessional: offline reload');

    await ctx.setOffline(false);
    await ana.session.waitForLive(30_000);
    await ana.session.waitForSaved(30_000);
    await ana.offlineBanner.waitFor({ state: 'detached' });
  });
});
