/**
 * The editor's path from live draft to final minutes in Chromium (issue 4): checking blocks,
 * saving, comparing and restoring versions, and finalising (which locks every page) and
 * reopening. Each step that is stored is checked again after a reload.
 */
import { describe, expect, it } from 'vitest';
import { browserUnavailable } from './browser.ts';
import { browserSuite } from './harness.ts';
import { appendBlocksScript } from './pages/recordScript.ts';
import { SessionPage } from './pages/sessionPage.ts';
import { VersionsPanel } from './pages/versionsPanel.ts';

const unavailable = browserUnavailable();
if (unavailable) console.warn(unavailable);

/** Type a speaker and a statement into the block that has the focus, as a note-taker does. */
async function writeStatement(page: SessionPage, speaker: string, statement: string): Promise<void> {
  await page.type(speaker);
  await page.page.keyboard.press('Enter');
  await page.type(statement);
}

describe.skipIf(unavailable !== null)('editor workflow in Chromium', () => {
  const suite = browserSuite();

  it('an editor checks a block: note-takers see who checked it, and can hide checked blocks', async () => {
    const s = await suite.newSession('Review');
    const ana = await SessionPage.open(await suite.freshContext(), suite.url, s.id, {
      token: s.noteTaker,
      name: 'Ana',
    });
    await ana.waitForBlocks(1);
    await writeStatement(ana, 'Malta', 'The EU supports the three recommendations.');
    await ana.nextSpeaker();
    await writeStatement(ana, 'Peru', 'We promote a balanced approach.');
    await ana.waitForSaved();

    const ed = await SessionPage.open(await suite.freshContext(), suite.url, s.id, { token: s.editor, name: 'Edith' });
    await ed.waitForBlocks(2);
    expect(await ana.reviewControl(0).count()).toBe(0); // note-takers cannot review
    await ed.setReview(0, 'checked');
    await expect.poll(() => ed.reviewNote(0).textContent()).toMatch(/^checked by Edith at \d\d:\d\d$/);
    await ed.waitForSaved();

    await expect.poll(() => ana.reviewNote(0).textContent()).toMatch(/^checked by Edith at \d\d:\d\d$/);
    const block = (await ana.record()).find((n) => n.attrs.speaker === 'Malta');
    expect(block?.attrs).toMatchObject({ status: 'checked', statusBy: 'Edith' });
    expect(Number.isNaN(Date.parse(block?.attrs.statusAt ?? ''))).toBe(false);
    expect(await ana.reviewNote(1).count()).toBe(0); // Peru is still a draft

    await ana.showOnlyUnchecked(true);
    await expect.poll(() => ana.speakerBlocks.nth(0).isVisible()).toBe(false);
    expect(await ana.speakerBlocks.nth(1).isVisible()).toBe(true);
    // hidden, not removed: the document still holds both statements
    expect((await ana.record()).filter((n) => n.type === 'speakerBlock')).toHaveLength(2);
    await ana.showOnlyUnchecked(false);
    await expect.poll(() => ana.speakerBlocks.nth(0).isVisible()).toBe(true);

    // stored: after a reload the note-taker still sees who checked it
    await ana.reload();
    await expect.poll(() => ana.reviewNote(0).textContent()).toMatch(/^checked by Edith at \d\d:\d\d$/);

    // and back to draft clears who and when
    await ed.setReview(0, 'draft');
    await expect.poll(() => ana.reviewNote(0).count()).toBe(0);
  });

  it('saves a version, shows the changed words against the current text, and restores it for everyone', async () => {
    const s = await suite.newSession('Versions');
    const ed = await SessionPage.open(await suite.freshContext(), suite.url, s.id, { token: s.editor, name: 'Edith' });
    await ed.waitForBlocks(1);
    await writeStatement(ed, 'Malta', 'We fully support the three recommendations.');
    await ed.waitForSaved();

    const versions = new VersionsPanel(ed.page);
    await versions.open();
    await versions.save('As presented to the Chair');
    await expect(versions.item('As presented to the Chair').textContent()).resolves.toContain('Edith');
    await versions.root.getByRole('button', { name: 'Close versions' }).click();

    // change words: "recommendations." becomes "proposals, with reservations."
    await ed.clickIntoBody(0);
    for (let i = 0; i < 'recommendations.'.length; i++) await ed.page.keyboard.press('Backspace');
    await ed.type('proposals, with reservations.');
    await ed.waitForSaved();

    const ana = await SessionPage.open(await suite.freshContext(), suite.url, s.id, {
      token: s.noteTaker,
      name: 'Ana',
    });
    await expect.poll(() => ana.recordText()).toContain('the three proposals, with reservations.');

    await versions.open();
    await versions.compare('As presented to the Chair');
    await expect.poll(() => versions.deletions()).toEqual(['recommendations']);
    expect((await versions.insertions()).join('')).toBe('proposals, with reservations');
    await expect(versions.diff.locator('.diff-summary').textContent()).resolves.toBe('Speaker blocks: 1 changed');

    // read the version itself
    await versions.view('As presented to the Chair');
    await expect
      .poll(() => versions.root.locator('.version-record').textContent())
      .toContain('We fully support the three recommendations.');

    await versions.restore('As presented to the Chair');
    for (const page of [ed, ana]) {
      await expect.poll(() => page.recordText()).toContain('We fully support the three recommendations.');
      expect(await page.recordText()).not.toContain('proposals');
    }
    // the text before the restore is kept as a version of its own
    await expect.poll(() => versions.names().then((n) => n.length)).toBe(2);
    expect(await versions.root.locator('li.version .kind-auto').count()).toBe(1);

    // stored: the restored text survives a reload on the second page
    await ana.waitForSaved();
    await ana.reload();
    await expect.poll(() => ana.recordText()).toContain('We fully support the three recommendations.');
    expect(await ana.recordText()).not.toContain('proposals');
    const again = new VersionsPanel(ana.page);
    await again.open();
    await again.item('As presented to the Chair').waitFor();
    expect(await again.root.getByRole('button', { name: /Restore/ }).count()).toBe(0); // note-takers do not restore
  });

  it('finalising keeps the last words, locks every page, survives a reload, and reopening unlocks', async () => {
    const s = await suite.newSession('Finalise');
    const ana = await SessionPage.open(await suite.freshContext(), suite.url, s.id, {
      token: s.noteTaker,
      name: 'Ana',
    });
    await ana.waitForBlocks(1);
    await writeStatement(ana, 'Chair', 'The meeting is adjourned.');
    const ed = await SessionPage.open(await suite.freshContext(), suite.url, s.id, { token: s.editor, name: 'Edith' });
    await ed.waitForBlocks(1);
    expect(await ana.isEditable()).toBe(true);

    // the note-taker's last words, typed just before the editor presses the button
    await ana.type(' Thank you.');
    await ed.finalise();
    await ana.finalBanner.waitFor();
    await expect(ana.finalBanner.textContent()).resolves.toContain('Final — locked');
    expect(await ana.isEditable()).toBe(false);
    expect(await ed.isEditable()).toBe(false);
    expect(await ana.field(0, 'speaker').isDisabled()).toBe(true);
    await expect.poll(() => ed.page.getByTestId('session-status').textContent()).toBe('Final');
    const minutes = await fetch(`${suite.url}/api/sessions/${s.id}/export?format=txt&token=${s.editor}`);
    expect(await minutes.text()).toContain('The meeting is adjourned. Thank you.');

    // stored: a reload still shows the minutes final and locked
    await ana.reload();
    await ana.finalBanner.waitFor();
    expect(await ana.isEditable()).toBe(false);

    await ed.reopen();
    await ana.finalBanner.waitFor({ state: 'detached' });
    await expect.poll(() => ana.isEditable()).toBe(true);
    await ana.clickIntoBody(0);
    await ana.type(' The meeting resumes.');
    await ana.waitForSaved();
    await expect.poll(() => ed.recordText()).toContain('Thank you. The meeting resumes.');
    await ed.reload();
    expect(await ed.finalBanner.count()).toBe(0);
    expect(await ed.isEditable()).toBe(true);
  });

  it('a block’s address (#block-<id>, where search results link) scrolls to that block and highlights it', async () => {
    const s = await suite.newSession('Anchors');
    const ana = await SessionPage.open(await suite.freshContext(), suite.url, s.id, {
      token: s.noteTaker,
      name: 'Ana',
    });
    await ana.waitForBlocks(1);
    await ana.page.evaluate(appendBlocksScript(30, 'Delegate'));
    await ana.waitForSaved();
    const target = (await ana.record()).find((n) => n.attrs.speaker === 'Delegate 24')!;

    const page = await (await suite.freshContext()).newPage();
    await page.goto(`${suite.url}/s/${s.id}?token=${encodeURIComponent(s.noteTaker)}#block-${target.attrs.id}`);
    const reader = new SessionPage(page, suite.url);
    await reader.giveNameIfAsked('Ben');
    const block = page.locator(`section[data-speaker-block][data-id="${target.attrs.id}"]`);
    await expect.poll(() => block.getAttribute('class')).toContain('block-target');
    await expect
      .poll(() =>
        block.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= window.innerHeight;
        }),
      )
      .toBe(true);
    expect(page.url()).toBe(`${suite.url}/s/${s.id}#block-${target.attrs.id}`); // token gone, anchor kept
  });
});
