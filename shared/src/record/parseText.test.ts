import { describe, expect, it } from 'vitest';
import { parseText, UNTITLED } from './parseText.ts';
import { readFixture } from '../testing/fixture.ts';

// the fixture lives beside the repository; these tests are skipped where it is absent
const fixture = readFixture() ?? '';
const withFixture = fixture ? describe : describe.skip;

withFixture('parseText on the CND intersessional record of 24 January 2017', () => {
  const record = parseText(fixture);
  const blocks = record.sections.flatMap((s) => s.blocks);

  it('takes the title from the breadcrumb and drops the repeated page heading', () => {
    expect(record.title).toMatch(/^CND intersessional: 24 January 2017 – Operational recommendations/);
    expect(record.title).toMatch(/promoting judicial cooperation$/);
    expect(blocks.flatMap((b) => b.paragraphs).some((p) => p.startsWith('CND intersessional'))).toBe(false);
  });

  it('finds exactly the fifteen statements, in order', () => {
    expect(record.sections).toHaveLength(1);
    expect(record.sections[0]!.heading).toBeNull();
    expect(blocks.map((b) => b.speaker)).toEqual([
      'UNODC',
      'Alexis Fishincker',
      'Karyn Kramer',
      'Marco Teixeira',
      'Malta',
      'Argentina',
      'Russia',
      'Singapore',
      'Martin Diaz',
      'Colombia',
      'Peru',
      'China',
      'Indonesia',
      'United States',
      'Amaya Ordorika Imaz',
    ]);
  });

  it('separates speakers from affiliations and groups spoken for', () => {
    expect(blocks[0]).toMatchObject({ speaker: 'UNODC', affiliation: null, onBehalfOf: null });
    expect(blocks[1]).toMatchObject({ speaker: 'Alexis Fishincker', affiliation: 'UNODC', onBehalfOf: null });
    expect(blocks[4]).toMatchObject({ speaker: 'Malta', affiliation: null, onBehalfOf: 'European Union' });
    expect(blocks[8]).toMatchObject({ speaker: 'Martin Diaz', affiliation: 'IEPES' });
    expect(blocks[14]).toMatchObject({
      speaker: 'Amaya Ordorika Imaz',
      affiliation: 'Mexican Commission for the Defense and Promotion of Human Rights',
    });
  });

  it('keeps the text after an opener as the first paragraph, without the opener', () => {
    expect(blocks[0]!.paragraphs[0]).toMatch(/^Today we will focus on countering money laundering/);
    expect(blocks[1]!.paragraphs[0]).toMatch(/^Drug trafficking is an industry/);
  });

  it("continues a statement over paragraphs without an opener, even one starting with a country's name", () => {
    const kramer = blocks[2]!;
    expect(kramer.paragraphs).toHaveLength(4);
    expect(kramer.paragraphs[3]).toContain('Brazil is a good example');
    expect(blocks.some((b) => b.speaker.startsWith('Brazil'))).toBe(false);
    expect(blocks[3]!.paragraphs).toHaveLength(2);
  });

  it("holds Malta's bullet list as one paragraph and its closing thanks", () => {
    const malta = blocks[4]!;
    expect(malta.paragraphs[0]).toMatch(/^In regard to items 44 to 46 .* pertaining to:$/);
    const list = malta.paragraphs[1]!.split('\n');
    expect(list).toHaveLength(3);
    expect(list[0]).toMatch(/^action that could be taken by the CND/);
    expect(list[2]).toBe('to strengthen the use of the CND post UNGASS website.');
    expect(malta.paragraphs[malta.paragraphs.length - 1]).toBe('Thank you, Chair.');
    expect(malta.paragraphs).toHaveLength(8);
  });

  it('drops the comment form at the end of the page', () => {
    const last = blocks[14]!.paragraphs.at(-1)!;
    expect(last).toMatch(/are not compatible\.$/);
    const all = JSON.stringify(record);
    expect(all).not.toContain('Leave a Reply');
    expect(all).not.toContain('email address');
  });
});

describe('parseText on the conventions records use', () => {
  const speakers = (text: string) =>
    parseText(text).sections.flatMap((s) => s.blocks.map((b) => [b.speaker, b.affiliation, b.onBehalfOf]));

  it('reads colon openers, one per line without blank lines between', () => {
    const r = parseText('Meeting\n\nChair: Welcome, everyone.\nBrazil: Thank you, Chair.\nWe support the draft.\n');
    expect(r.title).toBe('Meeting');
    expect(r.sections[0]!.blocks).toMatchObject([
      { speaker: 'Chair', affiliation: null, onBehalfOf: null, paragraphs: ['Welcome, everyone.'] },
      {
        speaker: 'Brazil',
        affiliation: null,
        onBehalfOf: null,
        paragraphs: ['Thank you, Chair. We support the draft.'],
      },
    ]);
  });

  it('reads "X on behalf of Y:" and "X, on behalf of Y."', () => {
    expect(
      speakers(
        'T\n\nMalta on behalf of the European Union: We align.\n\nEgypt, on behalf of the Group of 77 and China. We note.',
      ),
    ).toEqual([
      ['Malta', null, 'European Union'],
      ['Egypt', null, 'Group of 77 and China'],
    ]);
  });

  it('keeps a right of reply qualifier beside the speaker, not in the name (issue 15)', () => {
    const r = parseText(
      'T\n\nBrazil (right of reply): We reject that.\n\nRussian Federation, in exercise of the right of reply. No.',
    );
    expect(r.sections[0]!.blocks.map((b) => [b.speaker, b.affiliation, b.onBehalfOf, b.qualifiers])).toEqual([
      ['Brazil', null, null, ['right of reply']],
      ['Russian Federation', null, null, ['right of reply']],
    ]);
  });

  it('does not take sentences that merely start with a name or end with thanks for openers', () => {
    const r = parseText(
      'T\n\nPeru. We agree.\n\nBrazil is a good example, as we heard.\n\nIn Mexico, violence has increased.\n\nThank you, Chair.\n\nNote: this is important.',
    );
    expect(r.sections[0]!.blocks).toHaveLength(1);
    expect(r.sections[0]!.blocks[0]!.paragraphs).toHaveLength(5);
  });

  it('recognises headings and starts a section at each', () => {
    const r = parseText(
      'Title\n\nMORNING SESSION\n\nChair: Opening.\n\nAgenda item 3: Implementation\n\nPeru. Yes.\n\n## Closing\n\nChair: Bye.',
    );
    expect(r.sections.map((s) => [s.heading, s.blocks.map((b) => b.speaker)])).toEqual([
      ['MORNING SESSION', ['Chair']],
      ['Agenda item 3: Implementation', ['Peru']],
      ['Closing', ['Chair']],
    ]);
  });

  it('reads bullets marked with •, - and * as one list, continuing indented lines', () => {
    const r = parseText('T\n\nUNODC. We propose:\n- one\n* two\n  continued\n\n• three\n\nAfter the list.');
    expect(r.sections[0]!.blocks[0]!.paragraphs).toEqual([
      'We propose:',
      'one\ntwo continued\nthree',
      'After the list.',
    ]);
  });

  it('keeps text before the first speaker in a block without a speaker', () => {
    const r = parseText('Report\n\nThe meeting opened at ten.\n\nChair: Welcome.');
    expect(r.sections[0]!.blocks.map((b) => [b.speaker, b.paragraphs])).toEqual([
      ['', ['The meeting opened at ten.']],
      ['Chair', ['Welcome.']],
    ]);
  });

  it('drops page furniture and everything after the comment form starts', () => {
    const r = parseText(
      'Home » News » Minutes of the day\n\nMinutes of the day\n\nShare this:\n\nChina. Yes.\n\nLeave a Reply\n\nPeru. Spam.',
    );
    expect(r.title).toBe('Minutes of the day');
    expect(speakers('Home » X\n\nChina. Yes.\n\nLeave a Reply\n\nPeru. Spam.')).toEqual([['China', null, null]]);
  });

  it('handles initials and honorifics inside names and sentences', () => {
    expect(speakers('T\n\nJohn F. Smith, Harm Reduction International. We call for reform.')).toEqual([
      ['John F. Smith', 'Harm Reduction International', null],
    ]);
    expect(speakers('T\n\nDr. Jane Roe: Thanks.')).toEqual([['Dr. Jane Roe', null, null]]);
  });

  it('accepts CRLF line endings, no-break spaces and an empty text', () => {
    expect(speakers('T\r\n\r\nUNODC.\u00a0 Today.\r\n')).toEqual([['UNODC', null, null]]);
    expect(parseText('')).toEqual({ title: UNTITLED, sections: [], warnings: [] });
    expect(parseText('   \n\n ')).toEqual({ title: UNTITLED, sections: [], warnings: [] });
  });

  it('is not fooled by times and labels with colons', () => {
    const r = parseText('T\n\nChina. The meeting resumed at 10:30.\n\nKey points: more cooperation.');
    expect(r.sections[0]!.blocks).toHaveLength(1);
  });
});
