/**
 * Block headers in Chromium (issue 17): only the block being edited has form controls in its
 * header; every other block shows the same facts as plain text, and a click on one of them opens
 * that block's fields with the cursor in the field clicked.
 */
import { describe, expect, it } from 'vitest';
import { longRecord } from '../bench/browser/recordText.ts';
import { browserUnavailable } from './browser.ts';
import { browserSuite } from './harness.ts';
import { SessionPage } from './pages/sessionPage.ts';

const unavailable = browserUnavailable();
if (unavailable) console.warn(unavailable);

/** Ids of the speaker blocks holding form controls inside the editable. */
const BLOCKS_WITH_CONTROLS = `(() => [...new Set(
  [...document.querySelectorAll('[contenteditable] input, [contenteditable] select, [contenteditable] textarea')]
    .map((el) => el.closest('section[data-speaker-block]')?.getAttribute('data-id') ?? 'outside'),
)])()`;

/** Speaker blocks that are not direct children of the editable (a React node view wraps its own). */
const SPEAKER_BLOCKS_WRAPPED = `[...document.querySelectorAll('section[data-speaker-block]')]
  .filter((el) => el.parentElement?.classList.contains('ProseMirror') !== true).length`;

describe.skipIf(unavailable !== null)('block headers away from the selection', () => {
  const suite = browserSuite();

  it('are plain text; the block being edited, or a header clicked, has the fields', async () => {
    const s = await suite.importSession(longRecord(40, 20), 'Plain headers');
    const page = await SessionPage.open(await suite.freshContext(), suite.url, s.id, {
      token: s.noteTaker,
      name: 'Ana',
    });
    await page.waitForBlocks(40);
    const speakers = async () => (await page.record()).filter((n) => n.type === 'speakerBlock');
    const blocks = await speakers();
    const withControls = () => page.page.evaluate(BLOCKS_WITH_CONTROLS) as Promise<string[]>;

    // each block is a plain DOM node view, right under the editable: no React root wrapped around it
    expect(await page.page.evaluate(SPEAKER_BLOCKS_WRAPPED)).toBe(0);

    await page.clickIntoBody(10);
    await expect.poll(withControls).toEqual([blocks[10]!.attrs.id]);
    // another block says the same as its fields would
    const plain = page.speakerBlocks.nth(20);
    expect(await plain.locator('[data-shows="speaker"]').textContent()).toBe(blocks[20]!.attrs.speaker);
    expect(await plain.locator('[data-shows="affiliation"]').textContent()).toBe(blocks[20]!.attrs.affiliation);

    // a click on its affiliation opens its fields there; Escape goes on to its statement
    await plain.locator('[data-shows="affiliation"]').click();
    expect(await page.focused()).toEqual({ field: 'affiliation', blockId: blocks[20]!.attrs.id, inBody: false });
    await page.page.keyboard.press('End');
    await page.type(' (Geneva)');
    await page.page.keyboard.press('Escape');
    expect(await page.focused()).toMatchObject({ blockId: null, inBody: true });
    await expect.poll(withControls).toEqual([blocks[20]!.attrs.id]);
    await page.type(' Thank you.');
    await expect
      .poll(async () => {
        const b = (await speakers())[20]!;
        return [b.attrs.affiliation, b.text.endsWith(' Thank you.')];
      })
      .toEqual([`${blocks[20]!.attrs.affiliation} (Geneva)`, true]);
    expect(await plain.locator('[data-field="affiliation"]').inputValue()).toBe(
      `${blocks[20]!.attrs.affiliation} (Geneva)`,
    );
  });
});
