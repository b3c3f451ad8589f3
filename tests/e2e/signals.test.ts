/**
 * Signals that must be true (issue 13): the session's state (in progress, in review, final) and
 * the page's connection (connected, reconnecting, offline) are two things, shown apart and in the
 * same words on the editor's, the note-taker's and the observer's pages; "live" is the word of
 * neither. An outage changes the connection and leaves the state as it was. Observers are
 * counted for the note-takers ("1 watching"), never named.
 */
import { describe, expect, it } from 'vitest';
import { browserUnavailable } from './browser.ts';
import { browserSuite } from './harness.ts';
import { ObserverPage } from './pages/observerPage.ts';
import { SessionPage } from './pages/sessionPage.ts';

const unavailable = browserUnavailable();
if (unavailable) console.warn(unavailable);

describe.skipIf(unavailable !== null)('session state and connection in Chromium', () => {
  const suite = browserSuite();

  it('shows each state an editor sets on every page, apart from a connection indicator an outage changes', async () => {
    const s = await suite.newSession('CND intersessional: signals');
    const eve = await SessionPage.open(await suite.freshContext(), suite.url, s.id, {
      token: s.editor,
      name: 'Eve Editor',
    });
    const ana = await SessionPage.open(await suite.freshContext(), suite.url, s.id, {
      token: s.noteTaker,
      name: 'Ana',
    });
    await ana.waitForBlocks(1);
    await ana.type('Malta');
    await ana.page.keyboard.press('Enter');
    await ana.type('We support the recommendations.');
    await ana.waitForSaved();
    const obs = await ObserverPage.open(await suite.freshContext(), suite.url, s.id, s.observer);
    await obs.waitForLive();

    const pages = [eve.page, ana.page, obs.page];
    const states = [eve.sessionState, ana.sessionState, obs.sessionState];
    const connections = [eve.connection, ana.connection, obs.connection];
    /** Every page shows `state` (as `label`) and, apart from it, the connection as `connection`. */
    const expectEverywhere = async (state: string, label: string, connection: string, connectionLabel: string) => {
      for (const [i, badge] of states.entries()) {
        await expect.poll(() => badge.getAttribute('data-state'), { message: `state on page ${i}` }).toBe(state);
        expect(await badge.textContent()).toBe(label);
      }
      for (const [i, pill] of connections.entries()) {
        await expect
          .poll(() => pill.getAttribute('data-state'), { message: `connection on page ${i}`, timeout: 20_000 })
          .toBe(connection);
        expect(await pill.textContent()).toBe(connectionLabel);
      }
      for (const page of pages) {
        const signals = await page
          .locator('.session-meta, .statusbar, .observer-bar, .observer-meta')
          .allTextContents();
        expect(signals.join(' | ')).not.toMatch(/\blive\b/i);
        expect(await page.title()).not.toMatch(/\blive\b/i);
      }
    };

    await expectEverywhere('live', 'In progress', 'connected', 'Connected');
    expect(await obs.stateMeaning.textContent()).toMatch(/not yet checked/);

    await eve.moveToReview();
    await expectEverywhere('review', 'In review', 'connected', 'Connected');
    // the observer is not told the draft is unchecked and live while the editors check it
    expect(await obs.stateMeaning.textContent()).toMatch(/being checked by the editors/);

    await eve.finalise();
    await expectEverywhere('final', 'Final', 'connected', 'Connected');
    expect(await obs.stateMeaning.textContent()).toBe('Final minutes');

    // observers are counted for the note-takers, never named
    await expect.poll(() => ana.watching.textContent()).toBe('1 watching');
    expect(await ana.presenceNames()).toEqual(['Ana (you)', 'Eve Editor']);

    // the server stops: every page says so in its connection indicator; the state stays final
    await suite.stopServer();
    await expectEverywhere('final', 'Final', 'reconnecting', 'Reconnecting…');
    await suite.startServerAgain();
    await expectEverywhere('final', 'Final', 'connected', 'Connected');
  });
});
