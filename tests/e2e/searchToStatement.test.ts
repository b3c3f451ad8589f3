/**
 * A search result opens the statement itself (issue 13, item 14): in a fresh browser, clicking a
 * result scrolls to and highlights the block, with no "Who is taking notes?" form in the way; a
 * note-taker who arrives at one statement is asked the name only when starting to type.
 */
import { describe, expect, it } from 'vitest';
import { connectClient } from '../helpers/clients.ts';
import { appendSpeakerBlock } from '../helpers/record.ts';
import type { SessionTokens } from '../helpers/sessions.ts';
import { browserUnavailable } from './browser.ts';
import { browserSuite } from './harness.ts';
import { SessionPage } from './pages/sessionPage.ts';

const unavailable = browserUnavailable();
if (unavailable) console.warn(unavailable);

const WORD = 'zanzibarian';

describe.skipIf(unavailable !== null)('from a search result to the statement in Chromium', () => {
  const suite = browserSuite();

  /** A published session whose fourth block holds WORD, once search finds it; its block id. */
  async function publishedSessionWithStatement(): Promise<{ s: SessionTokens; blockId: string }> {
    const s = await suite.newSession('Searchable meeting');
    const writer = connectClient(suite.url, s.id, { token: s.noteTaker, name: 'Writer' });
    try {
      await writer.synced();
      for (const speaker of ['Chair', 'Malta', 'Peru']) {
        appendSpeakerBlock(writer.doc, { speaker }, `${speaker} speaks at length. `.repeat(30));
      }
      appendSpeakerBlock(writer.doc, { speaker: 'Mexico' }, `We oppose the ${WORD} proposal.`);
      await writer.save.whenSaved();
    } finally {
      writer.destroy();
    }
    const published = await fetch(`${suite.url}/api/sessions/${s.id}/public`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.editor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ public: true }),
    });
    expect(published.status).toBe(200);
    let blockId = '';
    await expect
      .poll(async () => {
        const res = (await (await fetch(`${suite.url}/api/search?q=${WORD}`)).json()) as {
          hits: { blockId: string; sessionId: string }[];
        };
        blockId = res.hits.find((h) => h.sessionId === s.id)?.blockId ?? '';
        return blockId;
      })
      .not.toBe('');
    return { s, blockId };
  }

  it('clicking a result in a fresh browser shows the highlighted statement, not a name form', async () => {
    const { s, blockId } = await publishedSessionWithStatement();
    const page = await (await suite.freshContext({ viewport: { width: 1000, height: 600 } })).newPage();
    await page.goto(`${suite.url}/search?q=${WORD}`);
    await page.locator('.search-hit-link').first().click();
    await page.waitForURL(`${suite.url}/s/${s.id}#block-${blockId}`);
    const block = page.locator(`[id="block-${blockId}"]`);
    await expect.poll(() => block.getAttribute('class')).toContain('block-target');
    await expect.poll(() => block.isVisible()).toBe(true);
    await expect.poll(() => block.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).toBe(true);
    expect(await page.getByLabel('Your name').count()).toBe(0);
  });

  it('a note-taker arriving at a statement is asked the name only on typing, and nothing is typed before', async () => {
    const { s, blockId } = await publishedSessionWithStatement();
    const page = await (await suite.freshContext()).newPage();
    await page.goto(`${suite.url}/s/${s.id}?token=${encodeURIComponent(s.noteTaker)}#block-${blockId}`);
    const session = new SessionPage(page, suite.url);
    await session.waitForLive();
    const block = page.locator(`[id="block-${blockId}"]`);
    await expect.poll(() => block.getAttribute('class')).toContain('block-target');
    expect(await page.getByLabel('Your name').count()).toBe(0);

    await block.locator('.sb-body p').last().click();
    await page.keyboard.press('End');
    await page.keyboard.type('X');
    const nameField = page.getByLabel('Your name');
    await nameField.waitFor();
    expect((await session.record()).some((n) => n.text.includes('proposal.X'))).toBe(false);
    await nameField.fill('Ana');
    await page.getByRole('button', { name: 'Start taking notes' }).click();
    await nameField.waitFor({ state: 'detached' });

    await block.locator('.sb-body p').last().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Thank you.');
    await expect
      .poll(async () => (await session.record()).find((n) => n.attrs.id === blockId)?.text)
      .toContain(`We oppose the ${WORD} proposal. Thank you.`);
    await expect.poll(() => session.presenceNames()).toContain('Ana (you)');
  });
});
