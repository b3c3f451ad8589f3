/**
 * Final blocks and review as note-takers and editors see them in Chromium (issue 13, items 3-4):
 * a final block is read-only for a note-taker (says so, takes no keystroke, stays as it was)
 * until an editor reopens it; what note-takers change after a check, or once the session is in
 * review, is marked on the block for the editor, who can mark it seen.
 */
import { describe, expect, it } from 'vitest';
import type { SessionTokens } from '../helpers/sessions.ts';
import { browserUnavailable } from './browser.ts';
import { browserSuite } from './harness.ts';
import { SessionPage } from './pages/sessionPage.ts';

const unavailable = browserUnavailable();
if (unavailable) console.warn(unavailable);

describe.skipIf(unavailable !== null)('final blocks and review in Chromium', () => {
  const suite = browserSuite();
  const open = async (s: SessionTokens, token: string, name: string) =>
    SessionPage.open(await suite.freshContext(), suite.url, s.id, { token, name });
  const blocks = async (p: SessionPage) => (await p.record()).filter((n) => n.type === 'speakerBlock');
  const writeStatement = async (p: SessionPage, speaker: string, statement: string) => {
    await p.type(speaker);
    await p.page.keyboard.press('Enter');
    await p.type(statement);
  };
  const setSessionStatus = async (s: SessionTokens, status: 'live' | 'review') => {
    const res = await fetch(`${suite.url}/api/sessions/${s.id}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.editor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status }),
    });
    expect(res.status).toBe(200);
  };

  it('a final block is read-only for a note-taker until an editor reopens it', async () => {
    const s = await suite.newSession('Final block');
    const ben = await open(s, s.noteTaker, 'Ben');
    await ben.waitForBlocks(1);
    await writeStatement(ben, 'Chair', 'The floor is open.');
    await ben.nextSpeaker();
    await writeStatement(ben, 'Peru', 'We support the draft.');
    const eve = await open(s, s.editor, 'Eve');
    await eve.waitForBlocks(2);
    await eve.setReview(0, 'final');

    await ben.lockedNote(0).waitFor();
    expect(await ben.headerEditable(0)).toBe(false);
    await ben.clickIntoBody(0);
    await ben.type(' Ben was here.');
    await ben.page.keyboard.press('Backspace');
    await expect.poll(() => ben.notice.textContent()).toContain('This block is final');
    expect((await blocks(ben))[0]!.text).toBe('The floor is open.');
    // the next block is a draft: typing there works as ever
    await ben.clickIntoBody(1);
    await ben.type(' Thank you.');
    await expect.poll(async () => (await blocks(eve))[1]!.text).toBe('We support the draft. Thank you.');
    expect((await blocks(eve))[0]!.text).toBe('The floor is open.');
    expect(await eve.lockedNote(0).count()).toBe(0); // the editor may change it

    // reopened by the editor: the note-taker can correct it
    await eve.setReview(0, 'draft');
    await ben.lockedNote(0).waitFor({ state: 'detached' });
    await ben.clickIntoBody(0);
    await ben.type(' Corrected.');
    await expect.poll(async () => (await blocks(eve))[0]!.text).toBe('The floor is open. Corrected.');
  });

  it('changes after a check, or in review, are marked for the editor, who can mark them seen', async () => {
    const s = await suite.newSession('In review');
    const ben = await open(s, s.noteTaker, 'Ben');
    await ben.waitForBlocks(1);
    await writeStatement(ben, 'Malta', 'The EU supports the recommendations.');
    await ben.nextSpeaker();
    await writeStatement(ben, 'Peru', 'We promote a balanced approach.');
    const eve = await open(s, s.editor, 'Eve');
    await eve.waitForBlocks(2);
    await eve.setReview(0, 'checked');
    await expect.poll(() => ben.reviewNote(0).textContent()).toMatch(/^checked by Eve/);

    // live: a change to the checked block is marked, a change to a draft is not
    await ben.clickIntoBody(0);
    await ben.type(' All three.');
    await expect.poll(() => eve.changeNote(0).textContent()).toMatch(/^changed after check by Ben at \d\d:\d\d/);
    await ben.clickIntoBody(1);
    await ben.type(' Thank you.');
    await expect.poll(async () => (await blocks(eve))[1]!.text).toBe('We promote a balanced approach. Thank you.');
    expect(await eve.changeNote(1).count()).toBe(0);
    // the editor's "only blocks not yet checked" keeps the changed checked block in view
    await eve.showOnlyUnchecked(true);
    expect(await eve.speakerBlocks.nth(0).isVisible()).toBe(true);
    await eve.showOnlyUnchecked(false);

    // in review, every change by a note-taker is marked
    await setSessionStatus(s, 'review');
    await ben.clickIntoBody(1);
    await ben.type(' We agree.');
    await expect.poll(() => eve.changeNote(1).textContent()).toMatch(/^changed in review by Ben/);
    await expect.poll(() => ben.changeNote(1).textContent()).toMatch(/^changed in review by Ben/);

    // the editor has seen them: the marks go, for everyone, and stay gone after a reload
    await eve.markChangeSeen(1);
    await eve.setReview(0, 'final'); // reviewing the block again clears its mark too
    await expect.poll(() => ben.changeNote(1).count()).toBe(0);
    await expect.poll(() => ben.changeNote(0).count()).toBe(0);
    await eve.waitForSaved();
    await eve.reload();
    await eve.waitForBlocks(2);
    expect(await eve.changeNote(0).count()).toBe(0);
    expect(await eve.changeNote(1).count()).toBe(0);
  });
});
