import { describe, expect, it } from 'vitest';
import { headingLine, openerLine } from './format.ts';
import { parseText } from './parseText.ts';

const who = (speaker: string, affiliation: string | null = null, onBehalfOf: string | null = null) => ({
  speaker,
  affiliation,
  onBehalfOf,
});

describe('lines in the record convention', () => {
  it('writes the natural period form when it reads back', () => {
    expect(openerLine(who('Peru'), 'We agree.')).toBe('Peru. We agree.');
    expect(openerLine(who('Alexis Fishincker', 'UNODC'), 'Text.')).toBe('Alexis Fishincker, UNODC. Text.');
    expect(openerLine(who('Malta', null, 'European Union'), '')).toBe('Malta, on behalf of the European Union.');
    expect(openerLine(who('Brazil (right of reply)'), 'No.')).toBe('Brazil (right of reply). No.');
  });

  it('falls back to a colon when a bare name would not read as a speaker', () => {
    expect(openerLine(who('Jane Roe'), 'We agree.')).toBe('Jane Roe: We agree.');
  });

  it('puts a qualifier after the affiliation, where the parser looks for it', () => {
    const line = openerLine(who('Jane Roe (right of reply)', 'Harm Reduction International'), 'No.');
    expect(line).toBe('Jane Roe, Harm Reduction International (right of reply). No.');
    expect(parseText(`T\n\n${line}`).sections[0]!.blocks[0]).toMatchObject({
      ...who('Jane Roe', 'Harm Reduction International'),
      qualifiers: ['right of reply'],
    });
  });

  it('marks headings that would not otherwise read as headings', () => {
    expect(headingLine('MORNING SESSION')).toBe('MORNING SESSION');
    expect(headingLine('Agenda item 3: Implementation')).toBe('Agenda item 3: Implementation');
    expect(headingLine('Opening of the meeting')).toBe('## Opening of the meeting');
  });
});
