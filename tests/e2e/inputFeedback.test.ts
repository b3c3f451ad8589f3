/**
 * Input feedback in plain words beside the field (issue 13, item 11), in Chromium: a due date
 * typed as people say it ("next Friday") is read; one that cannot be read stays as typed, with
 * what the field accepts said beside it, never silently cleared. (The empty title's message is
 * checked in session.test.ts, on the create form.)
 */
import { describe, expect, it } from 'vitest';
import { browserUnavailable } from './browser.ts';
import { browserSuite } from './harness.ts';
import { CockpitPage } from './pages/cockpitPage.ts';

const unavailable = browserUnavailable();
if (unavailable) console.warn(unavailable);

describe.skipIf(unavailable !== null)('input feedback in Chromium', () => {
  const suite = browserSuite();

  it('a due date reads "next Friday", and an unreadable one stays with the accepted forms beside it', async () => {
    const s = await suite.newSession('Due dates');
    const ana = await CockpitPage.open(await suite.freshContext(), suite.url, s.id, {
      token: s.noteTaker,
      name: 'Ana',
    });
    await ana.session.waitForBlocks(1);
    await ana.page.keyboard.type('Chair');
    await ana.page.keyboard.press('Enter');
    await ana.page.keyboard.type('We will come back to this.');
    await ana.page.keyboard.press('Enter');
    await ana.page.keyboard.press('Control+Alt+t'); // the owner field takes the cursor
    await ana.page.keyboard.type('Secretariat');
    await ana.page.keyboard.press('Escape');
    await ana.page.keyboard.press('Tab');
    await ana.page.keyboard.type('whenever suits');
    await ana.page.keyboard.press('Tab');

    const due = ana.page.getByLabel('Due date');
    await expect.poll(() => ana.page.locator('.due-hint').textContent()).toContain('next Friday');
    expect(await due.inputValue()).toBe('whenever suits'); // kept, not cleared
    expect(await due.getAttribute('aria-invalid')).toBe('true');

    await due.fill('next Friday');
    await due.press('Enter');
    await expect.poll(() => due.inputValue()).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
    expect(await ana.page.locator('.due-hint').count()).toBe(0);
    const stored = await ana.page.evaluate(`(() => {
      const f = window.__rapporteur.doc.getXmlFragment('record');
      const found = [];
      const walk = (n) => { if (n.getAttribute && n.nodeName === 'actionItem') found.push(n.getAttribute('due'));
        if (n.toArray) n.toArray().forEach(walk); };
      f.toArray().forEach(walk);
      return found;
    })()`);
    const [iso] = stored as string[];
    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${iso}T12:00:00`).getDay()).toBe(5); // a Friday
  });
});
