import { parseText } from '@rapporteur/shared/record';
import { describe, expect, it } from 'vitest';
import { draftOf, fixBlock, recordOfDraft, uncertainBlocks } from './corrections.ts';

const TEXT = 'Minutes\n\nSome opening words.\n\nPeru. Yes.\n\nAgenda item 2\n\nZorblat Quux: Hello.\n\nBrazil. No.';

describe('corrections in the import preview', () => {
  it('lists the blocks the reader was unsure of, least sure first', () => {
    const draft = draftOf(parseText(TEXT));
    expect(uncertainBlocks(draft).map((d) => [d.block.speaker, d.block.confidence])).toEqual([['', 0.5]]);
  });

  it('imports exactly the parse when nothing is fixed', () => {
    const record = parseText(TEXT);
    expect(recordOfDraft(draftOf(record))).toEqual({
      title: 'Minutes',
      sections: [
        {
          heading: null,
          blocks: [
            { speaker: '', affiliation: null, onBehalfOf: null, qualifiers: [], paragraphs: ['Some opening words.'] },
            { speaker: 'Peru', affiliation: null, onBehalfOf: null, qualifiers: [], paragraphs: ['Yes.'] },
          ],
        },
        {
          heading: 'Agenda item 2',
          blocks: [
            { speaker: 'Zorblat Quux', affiliation: null, onBehalfOf: null, qualifiers: [], paragraphs: ['Hello.'] },
            { speaker: 'Brazil', affiliation: null, onBehalfOf: null, qualifiers: [], paragraphs: ['No.'] },
          ],
        },
      ],
    });
  });

  it('imports the fixed speaker, affiliation, group and section, and keeps an uncertain block listed while edited', () => {
    let draft = draftOf(parseText(TEXT));
    draft = fixBlock(draft, 0, { speaker: 'Chair ', affiliation: ' ', onBehalfOf: '' });
    draft = fixBlock(draft, 2, {
      speaker: 'Zora Quux',
      affiliation: 'UNODC',
      onBehalfOf: 'European Union',
      section: 0,
    });
    expect(uncertainBlocks(draft).map((d) => d.id)).toEqual([0]);
    const record = recordOfDraft(draft);
    expect(
      record.sections.map((s) => [s.heading, s.blocks.map((b) => [b.speaker, b.affiliation, b.onBehalfOf])]),
    ).toEqual([
      [
        null,
        [
          ['Chair', null, null],
          ['Peru', null, null],
          ['Zora Quux', 'UNODC', 'European Union'],
        ],
      ],
      ['Agenda item 2', [['Brazil', null, null]]],
    ]);
  });

  it('ignores a section that does not exist', () => {
    const draft = fixBlock(draftOf(parseText(TEXT)), 1, { section: 9 });
    expect(draft.blocks[1]!.section).toBe(0);
  });
});
