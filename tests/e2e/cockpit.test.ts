/**
 * The note-taker's cockpit in Chromium against a real server process: autocomplete from the
 * registry, the shared speakers list and "next speaker", claims seen across pages, the meeting
 * clock, and action items appearing in the summary panel.
 */
import { describe, expect, it } from 'vitest';
import type { SessionTokens } from '../helpers/sessions.ts';
import { browserUnavailable } from './browser.ts';
import { browserSuite } from './harness.ts';
import { CockpitPage } from './pages/cockpitPage.ts';

const unavailable = browserUnavailable();
if (unavailable) console.warn(unavailable);

describe.skipIf(unavailable !== null)('note-taker cockpit in Chromium', () => {
  const suite = browserSuite();
  const open = async (s: SessionTokens, name: string) =>
    CockpitPage.open(await suite.freshContext(), suite.url, s.id, { token: s.noteTaker, name });
  const blocks = async (c: CockpitPage) => (await c.session.record()).filter((n) => n.type === 'speakerBlock');

  it('autocomplete turns "Russ" into the Russian Federation, sets the kind, and flags unknown names', async () => {
    const s = await suite.newSession('Autocomplete');
    const ana = await open(s, 'Ana');
    await ana.session.waitForBlocks(1);
    expect((await ana.session.focused()).field).toBe('speaker');

    await ana.page.keyboard.type('Russ');
    await expect.poll(() => ana.activeSuggestion.textContent()).toBe('Russian Federation');
    await ana.page.keyboard.press('Enter'); // chooses, then goes on to the statement
    expect((await ana.session.focused()).inBody).toBe(true);
    await expect
      .poll(async () => (await blocks(ana))[0]?.attrs)
      .toMatchObject({
        speaker: 'Russian Federation',
        kind: 'member-state',
      });
    await expect(ana.session.field(0, 'speaker').inputValue()).resolves.toBe('Russian Federation');

    // "on behalf of" offers the usual groups first; ↓ then Enter takes one
    await ana.session.field(0, 'onBehalfOf').click();
    await ana.page.keyboard.type('G77');
    await expect.poll(() => ana.suggestionNames()).toEqual(expect.arrayContaining(['Group of 77 and China']));
    // a short form typed in full is kept as typed unless a suggestion is picked with the arrows
    expect(await ana.activeSuggestion.count()).toBe(0);
    await ana.page.keyboard.press('ArrowDown');
    await expect.poll(() => ana.activeSuggestion.textContent()).toBe('Group of 77 and China');
    await ana.page.keyboard.press('Enter');
    await expect.poll(async () => (await blocks(ana))[0]?.attrs.onBehalfOf).toBe('Group of 77 and China');

    // an unknown name is accepted as typed, flagged, and one click adds it to the registry
    await ana.session.field(0, 'affiliation').click();
    await ana.page.keyboard.type('Friends of Zanzibar Harm Reduction');
    await ana.page.keyboard.press('Escape');
    await ana.page.keyboard.press('Escape'); // the second Escape leaves the header for the statement
    await expect.poll(() => ana.unknownFlag(0).isVisible()).toBe(true);
    // the panel lists it too, for the editor's check of the whole record
    await expect.poll(() => ana.unknownNames.textContent()).toContain('Friends of Zanzibar Harm Reduction');
    await ana.unknownFlag(0).click();
    await ana.unknownFlag(0).waitFor({ state: 'detached' });
    await ana.unknownNames.waitFor({ state: 'detached' });
    const res = await fetch(`${suite.url}/api/registry?q=${encodeURIComponent('Zanzibar')}`, {
      headers: { authorization: `Bearer ${s.noteTaker}` },
    });
    const body = (await res.json()) as { entries: { name: string; source: string }[] };
    expect(body.entries).toContainEqual(
      expect.objectContaining({ name: 'Friends of Zanzibar Harm Reduction', source: 'session' }),
    );
  });

  it('next speaker from the shared list opens a block for that speaker at the end of the item, timed now', async () => {
    const s = await suite.newSession('Speakers list');
    const ana = await open(s, 'Ana');
    await ana.session.waitForBlocks(1);
    await ana.page.keyboard.type('Chair');
    await ana.page.keyboard.press('Enter');
    await ana.page.keyboard.type('I give the floor to the speakers on my list.');

    // Ctrl+Alt+S goes from the record to "Add a speaker"; Escape comes back
    await ana.page.keyboard.press('Control+Alt+s');
    await expect
      .poll(() => ana.page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Add a speaker to the list');
    await ana.page.keyboard.press('Escape');
    expect((await ana.session.focused()).inBody).toBe(true);
    await ana.addToList('Bra'); // Brazil, from the registry
    await ana.addToList('Russ');
    await ana.addToList('Chil');
    await expect.poll(() => ana.waitingNames()).toEqual(['Brazil', 'Russian Federation', 'Chile']);

    // Ben sees the same list and moves Chile up with the keyboard
    const ben = await open(s, 'Ben');
    await expect.poll(() => ben.waitingNames()).toEqual(['Brazil', 'Russian Federation', 'Chile']);
    await ben.entry('Chile').focus();
    await ben.page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => ana.waitingNames()).toEqual(['Brazil', 'Chile', 'Russian Federation']);
    // the focus stays on the moved entry, so a second Alt+↑ moves it again
    await ben.page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => ana.waitingNames()).toEqual(['Chile', 'Brazil', 'Russian Federation']);

    await ana.session.clickIntoBody(0);
    const before = Date.now();
    await ana.takeNext();
    await ana.session.waitForBlocks(2);
    await ana.page.keyboard.type('We thank the Chair.');
    await expect
      .poll(async () => (await blocks(ana)).map((b) => [b.attrs.speaker, b.attrs.kind, b.text]))
      .toEqual([
        ['Chair', 'chair', 'I give the floor to the speakers on my list.'],
        ['Chile', 'member-state', 'We thank the Chair.'],
      ]);
    const started = Date.parse((await blocks(ana))[1]!.attrs.startedAt!);
    expect(started).toBeGreaterThanOrEqual(before - 60_000);
    expect(started).toBeLessThanOrEqual(Date.now() + 60_000);

    // the list shows who has spoken, on both pages
    for (const page of [ana, ben]) {
      await expect
        .poll(() => page.list())
        .toEqual([
          { name: 'Chile', status: 'spoken', kind: 'member-state' },
          { name: 'Brazil', status: 'waiting', kind: 'member-state' },
          { name: 'Russian Federation', status: 'waiting', kind: 'member-state' },
        ]);
      await expect.poll(() => page.waitingNames()).toEqual(['Brazil', 'Russian Federation']);
    }
    // dragging an entry onto another puts it in that one's place
    await ana.entry('Russian Federation').dragTo(ana.entry('Brazil'));
    await expect.poll(() => ben.waitingNames()).toEqual(['Russian Federation', 'Brazil']);

    // the block opened by "next speaker" is claimed by whoever opened it
    await expect.poll(() => ben.claimBadges(1).allTextContents()).toEqual(['Ana is minuting']);

    // the meeting clock: offset from the session's start, and the first block's duration once the next began
    await expect.poll(() => ana.clock(1)).toEqual({ offset: expect.stringMatching(/^\+0:0\d:\d\d$/), duration: null });
    await expect
      .poll(() => ana.clock(0))
      .toEqual({ offset: expect.stringMatching(/^\+0:0\d:\d\d$/), duration: expect.stringMatching(/^\d+:\d\d$/) });
  });

  it('two note-takers taking the next speaker at once end up with one block each, for different speakers', async () => {
    const s = await suite.newSession('Race');
    const ana = await open(s, 'Ana');
    await ana.session.waitForBlocks(1);
    await ana.page.keyboard.type('Chair');
    await ana.page.keyboard.press('Enter');
    await ana.page.keyboard.type('The floor is open.');
    await ana.addToList('Bra');
    await ana.addToList('Chil');
    const benContext = await suite.freshContext();
    const ben = await CockpitPage.open(benContext, suite.url, s.id, { token: s.noteTaker, name: 'Ben' });
    await expect.poll(() => ben.waitingNames()).toEqual(['Brazil', 'Chile']);

    // Ben's wifi drops; both press "next speaker" before either sees the other's take
    await benContext.setOffline(true);
    await ben.session.waitForConnection('offline');
    await ben.session.clickIntoBody(0);
    await ben.takeNext();
    await ana.session.clickIntoBody(0);
    await ana.takeNext();
    await benContext.setOffline(false);
    await ben.session.waitForLive(30_000);

    // the list's tie-break picks one winner for Brazil; the other's empty block moves on to Chile
    for (const page of [ana, ben]) {
      await expect
        .poll(async () => (await blocks(page)).map((b) => b.attrs.speaker).sort(), { timeout: 20_000 })
        .toEqual(['Brazil', 'Chair', 'Chile']);
      await expect
        .poll(() => page.list())
        .toEqual([
          { name: 'Brazil', status: 'spoken', kind: 'member-state' },
          { name: 'Chile', status: 'spoken', kind: 'member-state' },
        ]);
    }
    const notices = await Promise.all([ana, ben].map((p) => p.page.getByTestId('cockpit-notice').allTextContents()));
    expect(notices.flat()).toEqual([expect.stringMatching(/took Brazil first; your block is now for Chile\./)]);
  });

  it('a claim made on one page shows on the other, and typing into it asks once', async () => {
    const s = await suite.newSession('Claims');
    const ana = await open(s, 'Ana');
    await ana.session.waitForBlocks(1);
    await ana.page.keyboard.type('Brazil');
    await ana.page.keyboard.press('Enter');
    await ana.page.keyboard.type('Thank you, Chair.');
    await ana.page.keyboard.press('Control+Alt+m'); // "I'm minuting this"
    await expect.poll(() => ana.claimButton(0).getAttribute('aria-pressed')).toBe('true');

    const ben = await open(s, 'Ben');
    await expect.poll(() => ben.claimBadges(0).allTextContents()).toEqual(['Ana is minuting']);
    await expect.poll(() => ben.presenceClaims()).toEqual(['· minuting Brazil']);

    // Ben types into Ana's block: asked first, the keystrokes held back until he says yes
    await ben.session.clickIntoBody(0);
    await ben.page.keyboard.type(' We');
    await ben.claimPrompt(0).waitFor();
    expect((await blocks(ben))[0]!.text).toBe('Thank you, Chair.');
    await ben.page.keyboard.press('Enter');
    await ben.claimPrompt(0).waitFor({ state: 'detached' });
    await ben.page.keyboard.type(' agree.');
    expect(await ben.claimPrompt(0).count()).toBe(0); // asked once for this block
    await expect.poll(async () => (await blocks(ana))[0]!.text).toBe('Thank you, Chair. We agree.');

    // the claim goes when Ana leaves
    await ana.page.close();
    await expect.poll(() => ben.claimBadges(0).count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => ben.presenceClaims()).toEqual([]);
  });

  it('an action item and a decision typed in a statement appear in the summary panel, on every page', async () => {
    const s = await suite.newSession('Actions');
    const ana = await open(s, 'Ana');
    await ana.session.waitForBlocks(1);
    await ana.page.keyboard.type('Chair');
    await ana.page.keyboard.press('Enter');
    await ana.page.keyboard.type('We will come back to this.');
    await ana.page.keyboard.press('Enter');
    await ana.page.keyboard.press('Control+Alt+t'); // the line becomes an action; its owner field takes the cursor
    await ana.page.keyboard.type('Secretariat');
    await ana.page.keyboard.press('Escape'); // close any suggestions
    await ana.page.keyboard.press('Tab');
    await ana.page.keyboard.type('1/2/2017');
    await ana.page.keyboard.press('Tab'); // on to the action's text
    await ana.page.keyboard.type('Circulate the revised draft');
    await ana.page.keyboard.press('Enter');
    await ana.page.keyboard.type('DECISION: The draft is adopted as orally amended.');

    const ben = await open(s, 'Ben');
    for (const page of [ana, ben]) {
      await expect
        .poll(() => page.summaryActions())
        .toEqual(['Secretariat · due 1 Feb 2017Circulate the revised draft→ Chair']);
      await expect.poll(() => page.summaryDecisions()).toEqual(['The draft is adopted as orally amended.→ Chair']);
    }
    const record = await ben.session.record();
    expect(record[0]!.text).toBe(
      'We will come back to this.\nCirculate the revised draft\nThe draft is adopted as orally amended.',
    );
  });
});
