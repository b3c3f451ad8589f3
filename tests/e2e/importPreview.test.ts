/**
 * The Import page's preview in Chromium (issue 15): the blocks the reader was unsure of come
 * first, a person fixes speaker, affiliation, "on behalf of" and section, and the session is
 * created from exactly that corrected record; a visitor is refused until the admin secret is given.
 */
import { describe, expect, it } from 'vitest';
import { browserUnavailable } from './browser.ts';
import { browserSuite } from './harness.ts';
import { TEST_ADMIN_TOKEN } from '../helpers/server.ts';
import { ImportPage } from './pages/importPage.ts';

const unavailable = browserUnavailable();
if (unavailable) console.warn(unavailable);

const RECORD = [
  'Minutes of the working group, 2 June 2031',
  'Opening words by the host, who welcomed everyone.',
  'Peru. We agree with the draft.',
  'Agenda item 2: Other business',
  'Brazil. We have no objection.',
  'Zorblat Quux: A short question.',
].join('\n\n');

interface BlockRow {
  speaker: string;
  affiliation: string;
  onBehalfOf: string;
}

describe.skipIf(unavailable !== null)('import preview in Chromium', () => {
  const suite = browserSuite();

  it('shows uncertain blocks first, lets them be fixed, and imports the fixed record', async () => {
    const ctx = await suite.freshContext();
    const importPage = await ImportPage.open(ctx, suite.url);
    const consoleErrors: string[] = [];
    importPage.page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await importPage.paste(RECORD);

    // the loose opening text is what the reader is least sure of; the two named blocks follow
    await expect.poll(() => importPage.checkFirst().count()).toBe(1);
    expect((await importPage.warnings())[0]).toMatch(/^1 of 4 blocks are uncertain/);
    const first = importPage.checkFirst().first();
    expect(await first.locator('legend').textContent()).toContain('text before the first speaker');

    await importPage.fix(first, { speaker: 'Chair', affiliation: 'CND' });
    await importPage.fixListed('Zorblat Quux', {
      speaker: 'Zora Quux',
      affiliation: 'UNODC',
      section: '(before the first heading)',
    });
    await importPage.fixListed('Brazil', { onBehalfOf: 'GRULAC' });
    await expect
      .poll(() => importPage.listedBlocks())
      .toEqual(['Chair, CND', 'Peru', 'Zora Quux, UNODC', 'Brazil, on behalf of GRULAC']);

    // importing is the admin's: a visitor is refused, and the refusal offers the secret's form
    // (outside the import form: React reports a form nested in another as an error)
    expect(await importPage.createRefused()).toMatch(/Could not import/);
    await importPage.useAdminSecret(TEST_ADMIN_TOKEN);
    const id = await importPage.create();
    expect(consoleErrors.filter((e) => /descendant|nested/.test(e))).toEqual([]);
    const rows = async (): Promise<BlockRow[]> => {
      const res = await fetch(`${suite.url}/api/sessions/${id}/blocks`, {
        headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      });
      const body = (await res.json()) as { blocks: BlockRow[] };
      return body.blocks.map(({ speaker, affiliation, onBehalfOf }) => ({ speaker, affiliation, onBehalfOf }));
    };
    await expect.poll(rows).toEqual([
      { speaker: 'Chair', affiliation: 'CND', onBehalfOf: '' },
      { speaker: 'Peru', affiliation: '', onBehalfOf: '' },
      { speaker: 'Zora Quux', affiliation: 'UNODC', onBehalfOf: '' },
      { speaker: 'Brazil', affiliation: '', onBehalfOf: 'GRULAC' },
    ]);
  });
});
