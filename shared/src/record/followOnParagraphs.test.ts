/**
 * A statement's follow-on paragraphs stay with its speaker (issue 15): in a record that is not a
 * UN summary record, "Member States welcomed the report." or "The Secretariat reported that …"
 * inside a statement is the statement's own sentence, not reported speech by a new speaker. Only a
 * subject that plainly names one opens a new statement. All records invented.
 */
import { describe, expect, it } from 'vitest';
import { parseText } from './parseText.ts';
import type { ReadRecord } from './types.ts';

type Row = [speaker: string, affiliation: string | null, onBehalfOf: string | null, qualifiers: string[]];
type Shaped = [...Row, paragraphs: string[]];
const shape = (r: ReadRecord): Shaped[] =>
  r.sections.flatMap((s) =>
    s.blocks.map((b): Shaped => [b.speaker, b.affiliation, b.onBehalfOf, b.qualifiers, b.paragraphs]),
  );

const PLAIN = `Expert group on drug data, 9 October 2030

Brazil:

We thank the Chair for convening this meeting.

Member States welcomed the report at the last session.

The Secretariat reported that the survey was late.

Several delegations said that the questionnaire was too long.

Jane Roe, UNODC.

The Commission noted the draft work plan last year.

The Working Group agreed to continue its work.

Working Group members stressed that the data must be comparable.

Technical Experts recommended a shorter form.

The Secretariat said that it would circulate the figures.

Thank you.

Chair:

We will now hear the Russian Federation.
`;

describe('a plain record whose statements speak of others in reported speech', () => {
  it('keeps every follow-on paragraph in the statement it belongs to', () => {
    const record = parseText(PLAIN);
    expect(record.title).toBe('Expert group on drug data, 9 October 2030');
    expect(shape(record)).toEqual([
      [
        'Brazil',
        null,
        null,
        [],
        [
          'We thank the Chair for convening this meeting.',
          'Member States welcomed the report at the last session.',
          'The Secretariat reported that the survey was late.',
          'Several delegations said that the questionnaire was too long.',
        ],
      ],
      [
        'Jane Roe',
        'UNODC',
        null,
        [],
        [
          'The Commission noted the draft work plan last year.',
          'The Working Group agreed to continue its work.',
          'Working Group members stressed that the data must be comparable.',
          'Technical Experts recommended a shorter form.',
          'The Secretariat said that it would circulate the figures.',
          'Thank you.',
        ],
      ],
      ['Chair', null, null, [], ['We will now hear the Russian Federation.']],
    ]);
    expect(record.warnings).toEqual([]);
  });

  it('joins such a line to the paragraph above when no blank line separates them, as wrapped text', () => {
    const record = parseText(
      'Informal consultations\n\nPeru:\nWe support the text.\nMember States welcomed it.\nThe Secretariat reported delays.\n\nCanada. Agreed.\n',
    );
    expect(shape(record)).toEqual([
      ['Peru', null, null, [], ['We support the text. Member States welcomed it. The Secretariat reported delays.']],
      ['Canada', null, null, [], ['Agreed.']],
    ]);
  });

  it('does not take the Secretariat, named in a statement, for another delegation taking the floor', () => {
    const record = parseText('Consultations\n\nPeru:\n\nWe agree.\n\nThe Secretariat noted the delay.\n');
    expect(shape(record)).toEqual([['Peru', null, null, [], ['We agree.', 'The Secretariat noted the delay.']]]);
    expect(record.sections[0]!.blocks[0]!.confidence).toBeGreaterThan(0.5);
  });
});

describe('reported speech that plainly names a speaker, in a plain record', () => {
  const record = parseText(
    [
      'Plenary, 10 October 2030',
      'Brazil:',
      'We support the draft.',
      'Mr. Okonkwo (Ghana) said that his delegation agreed.',
      'Ms. Haddad said that the text was balanced.',
      'Ana Lima (Observer for Lebanon) asked for more time.',
      'Karl Berg, speaking in exercise of the right of reply, said that the figures were old.',
      'The representative of Mexico asked when the survey would close.',
      'The Chair said that the list of speakers was closed.',
      'The European Union supported the proposal.',
      'Russian Federation noted the progress made.',
      'He added that more was needed.',
    ].join('\n\n'),
  );

  it('opens a statement for each such speaker, and the paragraph after it continues theirs', () => {
    expect(shape(record)).toEqual([
      ['Brazil', null, null, [], ['We support the draft.']],
      ['Mr. Okonkwo', 'Ghana', null, [], ['said that his delegation agreed.']],
      ['Ms. Haddad', null, null, [], ['said that the text was balanced.']],
      ['Ana Lima', 'Lebanon', null, ['Observer'], ['asked for more time.']],
      ['Karl Berg', null, null, ['right of reply'], ['said that the figures were old.']],
      ['Mexico', null, null, [], ['asked when the survey would close.']],
      ['Chair', null, null, [], ['said that the list of speakers was closed.']],
      ['European Union', null, null, [], ['supported the proposal.']],
      ['Russian Federation', null, null, [], ['noted the progress made.', 'He added that more was needed.']],
    ]);
  });
});

describe('a negotiation bulletin whose paragraphs speak of others', () => {
  it('still reads delegations in capitals, and keeps the other paragraphs with them', () => {
    const record = parseText(
      [
        'Daily report, 11 October 2030 (invented)',
        'MEXICO, for GRULAC, called for a balanced approach.',
        'Member States welcomed the draft.',
        'The EU opposed the reference to quotas.',
        'The Secretariat reported that the survey was late.',
        'JAPAN supported the draft.',
      ].join('\n\n'),
    );
    expect(shape(record)).toEqual([
      ['MEXICO', null, 'GRULAC', [], ['called for a balanced approach.', 'Member States welcomed the draft.']],
      [
        'EU',
        null,
        null,
        [],
        ['opposed the reference to quotas.', 'The Secretariat reported that the survey was late.'],
      ],
      ['JAPAN', null, null, [], ['supported the draft.']],
    ]);
  });
});

describe('a summary record, where the Secretariat does take the floor in reported speech', () => {
  it('still opens a statement for "The Secretariat said"', () => {
    const record = parseText(
      [
        'E/CN.7/2030/SR.4',
        'Summary record of the 4th meeting',
        '1. Mr. Okonkwo (Ghana) said that the Group welcomed the report.',
        '2. The Secretariat said that the survey would close in May.',
      ].join('\n\n'),
    );
    expect(shape(record)).toEqual([
      ['Mr. Okonkwo', 'Ghana', null, [], ['said that the Group welcomed the report.']],
      ['Secretariat', null, null, [], ['said that the survey would close in May.']],
    ]);
  });
});
