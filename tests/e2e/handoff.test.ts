/**
 * Hand-offs between note-takers in Chromium against a real server process (issue 13, items 1-2):
 * two note-takers pressing "next speaker" at nearly the same moment each get a block of their own
 * and type into it, whatever the gap between the presses; a block someone else is typing in says
 * so before you type, and your first keystroke there asks once.
 */
import { describe, expect, it } from 'vitest';
import type { SessionTokens } from '../helpers/sessions.ts';
import { browserUnavailable } from './browser.ts';
import { browserSuite } from './harness.ts';
import { CockpitPage } from './pages/cockpitPage.ts';
import type { SessionPage } from './pages/sessionPage.ts';

const unavailable = browserUnavailable();
if (unavailable) console.warn(unavailable);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(unavailable !== null)('hand-offs between note-takers in Chromium', () => {
  const suite = browserSuite();
  const open = async (s: SessionTokens, name: string) =>
    CockpitPage.open(await suite.freshContext(), suite.url, s.id, { token: s.noteTaker, name });
  const blocks = async (p: SessionPage) => (await p.record()).filter((n) => n.type === 'speakerBlock');

  /** Speaker and statement of every block, in order. */
  const summary = async (p: SessionPage) =>
    (await blocks(p)).map((b) => ({ speaker: b.attrs.speaker ?? '', text: b.text, openedBy: b.attrs.openedBy ?? '' }));

  /** Type a speaker, Enter, then a statement, key by key. */
  const typeStatement = async (p: SessionPage, speaker: string, statement: string) => {
    await p.type(speaker);
    await p.page.keyboard.press('Enter');
    await p.type(statement);
  };

  for (const gapMs of [0, 50, 300, 1_000]) {
    // Once failed about one run in six: after the other's first change, a note-taker's next
    // keystrokes went into the other's block or were lost (the block under the caret lost its
    // near-selection mark and was contained; see editor/nearSelection.ts and the test below).
    it(`two note-takers pressing "next speaker" ${gapMs} ms apart each get their own block`, async () => {
      const s = await suite.newSession(`Hand-off ${gapMs} ms`);
      const ana = (await open(s, 'Ana')).session;
      await ana.waitForBlocks(1);
      await typeStatement(ana, 'Chair', 'The floor is open.');
      const ben = (await open(s, 'Ben')).session;
      await expect.poll(async () => (await blocks(ben))[0]?.text).toBe('The floor is open.');
      // both follow the chair's statement, the caret at its end
      await ben.clickIntoBody(0);
      await ana.clickIntoBody(0);

      // from 300 ms on, Ben's press comes after his page received Ana's new block (on an idle
      // machine it arrives within a few ms; on a loaded one the test waits for it, so that what
      // is asserted is the rule, not the machine's speed): a press that saw the other block goes
      // after it. Closer presses cross on the wire; Yjs then orders the two blocks, stably.
      const benPresses = async () => {
        await sleep(gapMs);
        if (gapMs >= 300) await expect.poll(async () => (await blocks(ben)).length).toBe(2);
        await ben.nextSpeaker();
      };
      await Promise.all([ana.nextSpeaker(), benPresses()]);
      const anaText = `Ana minutes Argentina ${gapMs}.`;
      const benText = `Ben minutes Brazil ${gapMs}.`;
      // both type at once, as they would in the meeting
      await Promise.all([typeStatement(ana, 'Argentina', anaText), typeStatement(ben, 'Brazil', benText)]);

      const expectedOrder =
        gapMs >= 300
          ? // the later press saw the earlier block and went after it: the order the keys were pressed
            [
              ['Argentina', anaText],
              ['Brazil', benText],
            ]
          : null;
      // both pages typed all they will: once they agree, every keystroke has arrived everywhere
      await expect
        .poll(async () => JSON.stringify(await summary(ana)) === JSON.stringify(await summary(ben)), {
          timeout: 20_000,
        })
        .toBe(true);
      const onAna = await summary(ana);
      expect(onAna[0]).toMatchObject({ speaker: 'Chair', text: 'The floor is open.' });
      const rest = onAna.slice(1).map((b) => [b.speaker, b.text]);
      expect(onAna).toHaveLength(3); // no block left behind empty
      if (expectedOrder) expect(rest).toEqual(expectedOrder);
      else
        expect(rest.sort()).toEqual([
          ['Argentina', anaText],
          ['Brazil', benText],
        ]);
      // each block is its opener's
      const openers = new Set(onAna.slice(1).map((b) => b.openedBy));
      expect(openers.size).toBe(2);
      expect(openers.has('')).toBe(false);
    });
  }

  it("the block being typed in is never contained while someone else's changes arrive", async () => {
    const s = await suite.newSession('Containment');
    const ana = (await open(s, 'Ana')).session;
    await ana.waitForBlocks(1);
    await typeStatement(ana, 'Chair', 'The floor is open.');
    await ana.nextSpeaker();
    await typeStatement(ana, 'Argentina', 'Thank you.');
    const ben = (await open(s, 'Ben')).session;
    await expect.poll(async () => (await blocks(ben))[1]?.text).toBe('Thank you.');
    await ana.clickIntoBody(1);
    await ben.clickIntoBody(0);
    await ben.type(' Welcome.');
    await expect.poll(async () => (await blocks(ana))[0]?.text).toBe('The floor is open. Welcome.');
    // the stylesheet lets the browser skip blocks far from the caret (content-visibility); the
    // one holding Ana's caret, and its neighbours, must stay rendered after Ben's change
    const styles = await ana.page.evaluate(() =>
      Array.from(
        document.querySelectorAll('section[data-speaker-block]'),
        (el) => getComputedStyle(el).contentVisibility,
      ),
    );
    expect(styles).toEqual(['visible', 'visible']);
    await ana.type(' Argentina');
    await expect.poll(async () => (await blocks(ben))[1]?.text).toBe('Thank you. Argentina');
  });

  it('a block someone is typing in says so before you type, and your first keystroke there asks once', async () => {
    const s = await suite.newSession('Typing here');
    const ana = await open(s, 'Ana');
    await ana.session.waitForBlocks(1);
    await typeStatement(ana.session, 'Chair', 'The floor is open.');
    const ben = await open(s, 'Ben');
    await expect.poll(async () => (await blocks(ben.session))[0]?.text).toBe('The floor is open.');
    // Ana stopped typing: the sign, if Ben came in time to see it, goes by itself
    await expect.poll(() => ben.typingBadges(0).count(), { timeout: 20_000 }).toBe(0);

    // Ana goes on typing, slowly, until Ben has been asked; Ben sees it before he types
    let asked = false;
    let typed = '';
    const anaTyping = (async () => {
      const words = ' and the delegations';
      for (let i = 0; !asked && i < 600; i++) {
        const ch = words[i % words.length]!;
        await ana.page.keyboard.type(ch);
        typed += ch;
        await sleep(150);
      }
    })();
    await expect.poll(() => ben.typingBadges(0).allTextContents()).toEqual(['Ana is typing…']);
    await ben.session.clickIntoBody(0);
    await ben.page.keyboard.type('#');
    await ben.claimPrompt(0).waitFor();
    asked = true;
    await anaTyping;
    expect(await ben.claimPrompt(0).textContent()).toContain('Ana is typing in this statement right now');
    expect((await blocks(ben.session))[0]!.text).not.toContain('#'); // held back, not typed
    await ben.page.keyboard.press('Enter'); // "type here anyway"
    await ben.claimPrompt(0).waitFor({ state: 'detached' });
    await ben.page.keyboard.type('#');
    expect(await ben.claimPrompt(0).count()).toBe(0); // asked once for this block
    for (const p of [ana, ben]) {
      await expect.poll(async () => (await blocks(p.session))[0]!.text.split('#').length, { timeout: 15_000 }).toBe(3);
      expect((await blocks(p.session))[0]!.text.replaceAll('#', '')).toBe(`The floor is open.${typed}`);
    }
    // once Ana stops, the sign goes by itself
    await expect.poll(() => ben.typingBadges(0).count(), { timeout: 20_000 }).toBe(0);
  });
});
