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

  it('when the registry arrives, only the headers it flags are built again', async () => {
    // names the registry knows (read from it), and one it does not
    const probe = await suite.importSession('Probe\n\nAgenda item 1\n\nA B, C.\nText.\n', 'Probe');
    const listed = await fetch(`${suite.url}/api/registry?limit=200&offset=0`, {
      headers: { authorization: `Bearer ${probe.noteTaker}` },
    });
    const { entries } = (await listed.json()) as { entries: Array<{ name: string }> };
    const plain = entries.map((e) => e.name).filter((n) => /^[A-Za-z][A-Za-z ]+$/.test(n));
    expect(plain.length).toBeGreaterThan(1);
    const known = Array.from(
      { length: 30 },
      (_, i) => `${plain[0]}, ${plain[1]}.\nStatement ${i} on the draft resolution.\n`,
    );
    const record = `Registry arrival\n\nAgenda item 1\n\n${known.join('\n')}\nZed Quillfeather, Republic of Nowhere.\nA statement from someone no registry knows.\n`;
    const s = await suite.importSession(record, 'Registry arrival');
    const context = await suite.freshContext();
    // the registry answers once the record is on the page
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    await context.route('**/api/registry**', async (route) => {
      await answered;
      await route.continue();
    });
    const page = await SessionPage.open(context, suite.url, s.id, { token: s.noteTaker, name: 'Ana' });
    await page.waitForBlocks(31);
    await page.page.evaluate(() => {
      const w = window as unknown as { rebuilt: Map<Element, number> };
      w.rebuilt = new Map();
      new MutationObserver((records) => {
        for (const r of records)
          if (r.target instanceof Element && r.target.matches('.sb-header'))
            w.rebuilt.set(r.target, (w.rebuilt.get(r.target) ?? 0) + 1);
      }).observe(document.querySelector('.record')!, { childList: true, subtree: true });
    });
    // no name is flagged before the registry is read
    expect(await page.page.locator('.record .ac-flag').count()).toBe(0);
    answer();
    await page.speakerBlocks.nth(30).locator('.ac-flag').first().waitFor();
    await page.page.waitForTimeout(300);
    const { rebuiltUnflagged, headers } = await page.page.evaluate(() => {
      const w = window as unknown as { rebuilt: Map<Element, number> };
      const all = Array.from(document.querySelectorAll('.record .sb-header'));
      return {
        headers: all.length,
        rebuiltUnflagged: all.filter((h) => !h.querySelector('.ac-flag') && (w.rebuilt.get(h) ?? 0) > 0).length,
      };
    });
    expect(headers).toBe(31);
    expect(rebuiltUnflagged).toBe(0);
  });

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
