/**
 * Hand-written records that mix house styles (issue 15): a masthead with "Chair: …" in a record that
 * does not call itself a summary record, numbered reported speech between colon openers and
 * bulletin capitals, and numbered lists inside statements that must stay lists. All invented.
 */
import { describe, expect, it } from 'vitest';
import { parseText } from './parseText.ts';
import type { ReadRecord } from './types.ts';

type Row = [speaker: string, affiliation: string | null, onBehalfOf: string | null, qualifiers: string[]];
type Shape = [heading: string | null, blocks: [...Row, paragraphs: string[]][]];
const shape = (r: ReadRecord): Shape[] =>
  r.sections.map((s) => [
    s.heading,
    s.blocks.map((b) => [b.speaker, b.affiliation, b.onBehalfOf, b.qualifiers, b.paragraphs]),
  ]);
const nobody = (text: string): [...Row, string[]] => ['', null, null, [], [text]];

const MINUTES = `Commission on Narcotic Drugs
Intersessional meeting
Vienna, 3 March 2026
Chair: Ms. Ana Lopez (Spain)

The meeting was called to order at 10.05 a.m.

Agenda item 4: Implementation of the international drug control treaties (continued)

1. Mr. Okonkwo (Ghana), speaking on behalf of the Group of 77 and China, said that the Group welcomed the report.
2. He added that more resources were needed.
3. The Chair said that the list of speakers was closed.

Ms. Tanaka, Japan (right of reply):
Japan rejects the statement just made.

MEXICO, for GRULAC, called for a balanced approach.

Brazil:
Thank you, Chair.
- first point
- second point

The meeting rose at 1 p.m.
`;

describe('minutes with a masthead, numbered reported speech, colon openers and bulletin capitals', () => {
  const record = parseText(MINUTES);

  it('makes the title of the lines above "Chair:" and keeps the chair as front matter, not a block', () => {
    expect(record.title).toBe('Commission on Narcotic Drugs, Intersessional meeting, Vienna, 3 March 2026');
    expect(record.frontMatter).toEqual({ body: 'Commission on Narcotic Drugs', chair: 'Ms. Ana Lopez (Spain)' });
  });

  it('reads every statement, whatever its style, in order and in its section', () => {
    expect(shape(record)).toEqual([
      [null, [nobody('The meeting was called to order at 10.05 a.m.')]],
      [
        'Agenda item 4: Implementation of the international drug control treaties (continued)',
        [
          [
            'Mr. Okonkwo',
            'Ghana',
            'Group of 77 and China',
            [],
            ['said that the Group welcomed the report.', 'He added that more resources were needed.'],
          ],
          ['Chair', null, null, [], ['said that the list of speakers was closed.']],
          ['Ms. Tanaka', 'Japan', null, ['right of reply'], ['Japan rejects the statement just made.']],
          ['MEXICO', null, 'GRULAC', [], ['called for a balanced approach.']],
          ['Brazil', null, null, [], ['Thank you, Chair.', 'first point\nsecond point']],
          nobody('The meeting rose at 1 p.m.'),
        ],
      ],
    ]);
    expect(record.sections[1]!.blocks.map((b) => b.canonical)).toEqual([null, 'Chair', null, 'Mexico', 'Brazil', null]);
  });

  it('is sure of every block, and says that the styles are mixed', () => {
    expect(record.warnings).toEqual([
      'the record mixes styles (summary-record reported speech, speaker openers ("Peru." / "Chair:"), bulletin capitals): check where statements begin',
    ]);
  });
});

describe('a working group’s notes: numbered lists inside statements beside numbered reported speech', () => {
  const record = parseText(
    [
      'Working Group on Alternative Development',
      'Fourth meeting',
      'Held at the Vienna International Centre on 12 May 2031',
      'Chair: H.E. Ambassador Kowalski',
      '',
      'Morning meeting',
      '',
      'Peru. We thank the Chair.',
      'Our priorities are:',
      '1. We support the text.',
      '2. Member States welcomed the report.',
      '3. Funding must be predictable.',
      '',
      '4. Ms. Haddad (Observer for Lebanon) said that her country had adopted a new law.',
      '',
      '5. She added that the law entered into force in May.',
      '',
      '6. The representative of the Netherlands asked how it was funded.',
      '',
      'JAPAN supported the draft.',
      '',
      'Mr. Okafor, Nigeria:',
      'Thank you.',
      '1. First, access to medicines.',
      '2. He added that data matter.',
      '',
      'The session was suspended at 12.30 p.m.',
    ].join('\n'),
  );

  it('reads "Held at" and the chair into the front matter, and the date into the title', () => {
    expect(record.title).toBe('Working Group on Alternative Development, Fourth meeting, 12 May 2031');
    expect(record.frontMatter).toEqual({
      body: 'Working Group on Alternative Development',
      held: 'Held at the Vienna International Centre on 12 May 2031',
      chair: 'H.E. Ambassador Kowalski',
    });
  });

  it('drops the numbers of reported speech but keeps those of a statement’s own list', () => {
    expect(shape(record)).toEqual([
      [
        'Morning meeting',
        [
          [
            'Peru',
            null,
            null,
            [],
            [
              'We thank the Chair. Our priorities are:',
              '1. We support the text.',
              '2. Member States welcomed the report.',
              '3. Funding must be predictable.',
            ],
          ],
          [
            'Ms. Haddad',
            'Lebanon',
            null,
            ['Observer'],
            ['said that her country had adopted a new law.', 'She added that the law entered into force in May.'],
          ],
          ['Netherlands', null, null, [], ['asked how it was funded.']],
          ['JAPAN', null, null, [], ['supported the draft.']],
          [
            'Mr. Okafor',
            'Nigeria',
            null,
            [],
            ['Thank you.', '1. First, access to medicines.', '2. He added that data matter.'],
          ],
          nobody('The session was suspended at 12.30 p.m.'),
        ],
      ],
    ]);
  });
});

describe('a plain record whose statements hold numbered lists', () => {
  const record = parseText(
    [
      'Informal consultations, 5 June 2031',
      'Chair: We begin with the first reading.',
      'Canada. We have three points:\n1. We support the text.\n2. Delegations noted the progress.\n3. Member States welcomed the report.',
      '1. He added that nothing here is new.',
      'Norway, on behalf of the European Union:\n1. The text needs work.\n2. The Secretariat should report back.\n\nThank you, Chair.',
    ].join('\n\n'),
  );

  it('keeps the numbers of a list that happens to follow on from numbered reported speech', () => {
    const r = parseText(
      'T\n\n1. Ms. Li (China) said that it agreed.\n\nPeru:\nWe propose:\n2. A review.\n3. A report.',
    );
    expect(shape(r)).toEqual([
      [
        null,
        [
          ['Ms. Li', 'China', null, [], ['said that it agreed.']],
          ['Peru', null, null, [], ['We propose:', '2. A review.', '3. A report.']],
        ],
      ],
    ]);
  });

  it('keeps every list item, with its number, in the statement it belongs to', () => {
    expect(record.title).toBe('Informal consultations, 5 June 2031');
    expect(record.frontMatter).toBeUndefined();
    expect(shape(record)).toEqual([
      [
        null,
        [
          ['Chair', null, null, [], ['We begin with the first reading.']],
          [
            'Canada',
            null,
            null,
            [],
            [
              'We have three points:',
              '1. We support the text.',
              '2. Delegations noted the progress.',
              '3. Member States welcomed the report.',
              '1. He added that nothing here is new.',
            ],
          ],
          [
            'Norway',
            null,
            'European Union',
            [],
            ['1. The text needs work.', '2. The Secretariat should report back.', 'Thank you, Chair.'],
          ],
        ],
      ],
    ]);
  });
});
