/**
 * Hand-written records in each house style the importer reads (issue 15), including what a
 * renderer cannot produce: irregular spacing, missing periods, mixed styles. All invented.
 */
import { describe, expect, it } from 'vitest';
import { parseText } from './parseText.ts';
import type { ReadRecord } from './types.ts';

type Row = [speaker: string, affiliation: string | null, onBehalfOf: string | null, qualifiers: string[]];
const rows = (r: ReadRecord): Row[] =>
  r.sections.flatMap((s) => s.blocks.map((b): Row => [b.speaker, b.affiliation, b.onBehalfOf, b.qualifiers]));
const blocks = (r: ReadRecord) => r.sections.flatMap((s) => s.blocks);

describe('openers with a period or a colon, honorifics, the statement on the same line or the next', () => {
  const record = parseText(
    [
      'Plenary of 3 March 2021',
      'H.E. Ambassador Ana Ruiz, Chile: We thank the Chair for her work.',
      'Mr. Okafor, Nigeria.\nOur delegation supports the text.',
      'Canada:',
      'We have two concerns.',
      'Ms. Li:   Thank you.',
      'Dr. Peter Gold, World Health Organization. We recommend the review.',
      'Norway. A brief point.',
      'Ambassador Kowalski:',
      'We align ourselves with the European Union.',
    ].join('\n\n'),
  );

  it('reads every speaker and affiliation, keeping honorifics as the record writes them', () => {
    expect(record.title).toBe('Plenary of 3 March 2021');
    expect(rows(record)).toEqual([
      ['H.E. Ambassador Ana Ruiz', 'Chile', null, []],
      ['Mr. Okafor', 'Nigeria', null, []],
      ['Canada', null, null, []],
      ['Ms. Li', null, null, []],
      ['Dr. Peter Gold', 'World Health Organization', null, []],
      ['Norway', null, null, []],
      ['Ambassador Kowalski', null, null, []],
    ]);
  });

  it('puts a statement written under its opener into that block', () => {
    expect(blocks(record).map((b) => b.paragraphs)).toEqual([
      ['We thank the Chair for her work.'],
      ['Our delegation supports the text.'],
      ['We have two concerns.'],
      ['Thank you.'],
      ['We recommend the review.'],
      ['A brief point.'],
      ['We align ourselves with the European Union.'],
    ]);
  });
});

describe('on behalf of', () => {
  it('reads every phrasing, with or without "the"', () => {
    const record = parseText(
      [
        'T',
        'Malta, also on behalf of Albania and Montenegro: We align.',
        'Egypt, speaking on behalf of the Group of 77 and China. We stress access.',
        'Pakistan, for the G-77/China: We call for balance.',
        'Cuba on behalf of Group of 77 and China: Yes.',
        'Ghana, on behalf of the African Group. We agree.',
        'Portugal, on behalf of the European Union and its Member States. We welcome it.',
      ].join('\n\n'),
    );
    expect(rows(record)).toEqual([
      ['Malta', null, 'Albania and Montenegro', []],
      ['Egypt', null, 'Group of 77 and China', []],
      ['Pakistan', null, 'G-77/China', []],
      ['Cuba', null, 'Group of 77 and China', []],
      ['Ghana', null, 'African Group', []],
      ['Portugal', null, 'European Union and its Member States', []],
    ]);
  });

  it('does not read "for" in an ordinary sentence as a group spoken for', () => {
    const record = parseText('T\n\nPeru. We spoke, for the record, twice.\n\nJane Roe, for the record: no.');
    expect(rows(record)).toEqual([['Peru', null, null, []]]);
  });
});

describe('qualifiers after the name', () => {
  it('keeps them beside the block, never in the name', () => {
    const record = parseText(
      [
        'T',
        'Brazil (right of reply): We reject that.',
        'Russian Federation, speaking in exercise of the right of reply: No.',
        'Mexico (spoke in Spanish): Gracias.',
        'UNODC (continued). As I was saying.',
        'Holy See (Observer): We pray.',
        'Jo Bloggs (Secretariat): A note on the budget.',
        'Jane Roe, Harm Reduction International (right of reply) (spoke in French): Non.',
      ].join('\n\n'),
    );
    expect(rows(record)).toEqual([
      ['Brazil', null, null, ['right of reply']],
      ['Russian Federation', null, null, ['right of reply']],
      ['Mexico', null, null, ['spoke in Spanish']],
      ['UNODC', null, null, ['continued']],
      ['Holy See', null, null, ['Observer']],
      ['Jo Bloggs', null, null, ['Secretariat']],
      ['Jane Roe', 'Harm Reduction International', null, ['right of reply', 'spoke in French']],
    ]);
  });
});

const SUMMARY_RECORD = `United Nations                                   E/CN.7/2021/SR.5

Economic and Social Council
Commission on Narcotic Drugs
Sixty-fourth session

Summary record of the 5th meeting

Held at the Vienna International Centre, Vienna, on Wednesday, 14 April 2021, at 3 p.m.

Chair: Ms. Varga (Hungary)

Contents

Agenda item 5: Implementation of the international drug control treaties
Agenda item 6: Other business

The meeting was called to order at 3.10 p.m.

Agenda item 5: Implementation of the international drug control treaties (continued)

1. The Chair said that the Commission would continue its consideration of the item.

2. Mr. Okonkwo (Ghana), speaking on behalf of the Group of 77 and China, said that the Group attached
great importance to access to controlled medicines.

3. He added that further technical assistance was needed.

4. Ms. Lindqvist (Sweden), also speaking on behalf of Denmark and Finland, said that the review should
be evidence-based.
5. Mr. Haddad (Observer for Lebanon) said that his country had adopted a new law.

6. Mr. Ivanov (Russian Federation), speaking in exercise of the right of reply, said that the figures cited
were out of date.

7. Ms. Ortiz (Colombia) (spoke in Spanish) said that alternative development worked.

8. Mr. Brandt (Secretariat) said that the report would be issued shortly.

9. The representative of Mexico asked when.

Agenda item 6: Other business

10. The Chair said that there was no other business.

The meeting rose at 5.55 p.m.
`;

describe('UN summary records', () => {
  const record = parseText(SUMMARY_RECORD);

  it('reads the front matter into a title and fields, not into statements', () => {
    expect(record.title).toBe(
      'Commission on Narcotic Drugs, Sixty-fourth session, Summary record of the 5th meeting, 14 April 2021',
    );
    expect(record.frontMatter).toEqual({
      symbol: 'E/CN.7/2021/SR.5',
      body: 'Commission on Narcotic Drugs',
      session: 'Sixty-fourth session',
      meeting: 'Summary record of the 5th meeting',
      held: 'Held at the Vienna International Centre, Vienna, on Wednesday, 14 April 2021, at 3 p.m.',
      chair: 'Ms. Varga (Hungary)',
      contents: [
        'Agenda item 5: Implementation of the international drug control treaties',
        'Agenda item 6: Other business',
      ],
    });
  });

  it('reads each numbered paragraph’s speaker, affiliation, group and qualifiers', () => {
    expect(record.sections.map((s) => s.heading)).toEqual([
      null,
      'Agenda item 5: Implementation of the international drug control treaties (continued)',
      'Agenda item 6: Other business',
    ]);
    expect(rows(record)).toEqual([
      ['', null, null, []],
      ['Chair', null, null, []],
      ['Mr. Okonkwo', 'Ghana', 'Group of 77 and China', []],
      ['Ms. Lindqvist', 'Sweden', 'Denmark and Finland', []],
      ['Mr. Haddad', 'Lebanon', null, ['Observer']],
      ['Mr. Ivanov', 'Russian Federation', null, ['right of reply']],
      ['Ms. Ortiz', 'Colombia', null, ['spoke in Spanish']],
      ['Mr. Brandt', null, null, ['Secretariat']],
      ['Mexico', null, null, []],
      ['Chair', null, null, []],
      ['', null, null, []],
    ]);
  });

  it('keeps reported speech as the statement, continues the speaker on "He added", drops the numbers', () => {
    const all = blocks(record);
    expect(all[1]!.paragraphs).toEqual(['said that the Commission would continue its consideration of the item.']);
    expect(all[2]!.paragraphs).toEqual([
      'said that the Group attached great importance to access to controlled medicines.',
      'He added that further technical assistance was needed.',
    ]);
    expect(all[8]!.paragraphs).toEqual(['asked when.']);
  });

  it('keeps procedural notes as text of nobody, sure that they are no statement', () => {
    const all = blocks(record);
    expect(all[0]).toMatchObject({ paragraphs: ['The meeting was called to order at 3.10 p.m.'], confidence: 0.9 });
    expect(all.at(-1)).toMatchObject({ paragraphs: ['The meeting rose at 5.55 p.m.'], confidence: 0.9 });
    expect(record.warnings).toEqual([]);
  });
});

describe('negotiation bulletins', () => {
  const record = parseText(
    [
      'Daily report of the intersessional (invented)',
      'MORNING PLENARY',
      'MEXICO, for GRULAC, called for a balanced approach to supply reduction.',
      'The EU opposed the reference to zero tolerance, and asked for time.',
      'JAPAN supported the draft.',
      'It also noted the workload of the secretariat.',
      'SAUDI ARABIA, for the Arab Group, said the text was premature.',
      'The RUSSIAN FEDERATION underscored national sovereignty.',
    ].join('\n\n'),
  );

  it('reads delegations in capitals, the groups they speak for, and keeps what the record says', () => {
    expect(record.sections[0]!.heading).toBe('MORNING PLENARY');
    expect(rows(record)).toEqual([
      ['MEXICO', null, 'GRULAC', []],
      ['EU', null, null, []],
      ['JAPAN', null, null, []],
      ['SAUDI ARABIA', null, 'Arab Group', []],
      ['RUSSIAN FEDERATION', null, null, []],
    ]);
    expect(blocks(record).map((b) => b.paragraphs[0])).toEqual([
      'called for a balanced approach to supply reduction.',
      'opposed the reference to zero tolerance, and asked for time.',
      'supported the draft.',
      'said the text was premature.',
      'underscored national sovereignty.',
    ]);
    expect(blocks(record)[2]!.paragraphs[1]).toBe('It also noted the workload of the secretariat.');
  });

  it('matches the names against the registry for kind and canonical name', () => {
    expect(blocks(record).map((b) => [b.canonical, b.kind])).toEqual([
      ['Mexico', 'member-state'],
      ['European Union', 'intergovernmental'],
      ['Japan', 'member-state'],
      ['Saudi Arabia', 'member-state'],
      ['Russian Federation', 'member-state'],
    ]);
  });
});

describe('paragraph ownership, section headings and web-page chrome', () => {
  const record = parseText(
    [
      'Home » Blog » Side event on alternative development',
      'Side event on alternative development',
      'Share this:',
      'Morning meeting',
      'Chair: Welcome to all.',
      'We have a full programme.',
      'Item 2 of the agenda',
      'Peru. We support:',
      '  • the first proposal;\n  • the second proposal.',
      'In Peru, coca growers need markets.',
      'Thank you, Chair.',
      'Leave a Reply',
      'Peru. Great post!',
    ].join('\n\n'),
  );

  it('starts sections at headings and gives every later paragraph, list and thanks to the speaker', () => {
    expect(record.title).toBe('Side event on alternative development');
    expect(record.sections.map((s) => [s.heading, s.blocks.map((b) => [b.speaker, b.paragraphs])])).toEqual([
      ['Morning meeting', [['Chair', ['Welcome to all.', 'We have a full programme.']]]],
      [
        'Item 2 of the agenda',
        [
          [
            'Peru',
            [
              'We support:',
              'the first proposal;\nthe second proposal.',
              'In Peru, coca growers need markets.',
              'Thank you, Chair.',
            ],
          ],
        ],
      ],
    ]);
  });
});

describe('records a renderer would not write', () => {
  it('reads irregular spacing and openers without their period', () => {
    const record = parseText(
      'Notes\n\n   Peru .   We agree.  \n\n\n\nMalta, on behalf of the European Union\n\nWe align with the statement.\n\nChair   :   Next speaker.\n\nSingapore\n\nNo objection.',
    );
    expect(rows(record)).toEqual([
      ['Peru', null, null, []],
      ['Malta', null, 'European Union', []],
      ['Chair', null, null, []],
      ['Singapore', null, null, []],
    ]);
    expect(blocks(record).map((b) => b.paragraphs)).toEqual([
      ['We agree.'],
      ['We align with the statement.'],
      ['Next speaker.'],
      ['No objection.'],
    ]);
    // an opener without its period is read, but flagged for a person to check
    expect(blocks(record)[1]!.confidence).toBeLessThan(0.7);
    expect(blocks(record)[1]!.reason).toContain('no period or colon');
  });

  it('reads a record that mixes styles, and says so', () => {
    const record = parseText(
      'Notes\n\nChair: Welcome.\n\nMr. Okonkwo (Ghana) said that the Group agreed.\n\nJAPAN supported the proposal.\n\nPeru. Yes.',
    );
    expect(rows(record)).toEqual([
      ['Chair', null, null, []],
      ['Mr. Okonkwo', 'Ghana', null, []],
      ['JAPAN', null, null, []],
      ['Peru', null, null, []],
    ]);
    expect(record.warnings.some((w) => w.startsWith('the record mixes styles'))).toBe(true);
  });

  it('flags a block with a paragraph that reads like another delegation’s opening', () => {
    const record = parseText('T\n\nChair: Welcome.\n\nBrazil said that it agreed.');
    expect(blocks(record)[0]).toMatchObject({ speaker: 'Chair', confidence: 0.5 });
    expect(record.warnings[0]).toMatch(/^1 of 1 blocks are uncertain \("Chair"\)/);
  });

  it('is sure of known names and less sure of names only their shape gives away', () => {
    const record = parseText('T\n\nRussia. Yes.\n\nZorblat Quux: Hello.\n\nCoalition 2030: Hi.');
    expect(blocks(record).map((b) => [b.speaker, b.canonical, b.confidence])).toEqual([
      ['Russia', 'Russian Federation', 0.95],
      ['Zorblat Quux', null, 0.75],
      ['Coalition 2030', null, 0.55],
    ]);
    expect(blocks(record)[0]!.reason).toBe('known speaker (registry name: Russian Federation)');
  });
});

describe('a title that looks like a shouted name', () => {
  it('keeps "CND plenary: 24 January …" as the title of a record full of capitalised speakers', () => {
    const speakers = ['Malta', 'Brazil', 'Egypt', 'Mexico', 'Russian Federation', 'Japan', 'Canada', 'UNODC'];
    const statements = Array.from(
      { length: 40 },
      (_, i) => `${speakers[i % 8]}. the commission took note of the report.`,
    );
    const record = parseText(['CND plenary: 24 January 2017 – A long record', '', ...statements].join('\n\n'));
    expect(record.title).toBe('CND plenary: 24 January 2017 – A long record');
    expect(blocks(record)).toHaveLength(40);
    expect(blocks(record).some((b) => b.speaker === 'CND')).toBe(false);
  });
});
