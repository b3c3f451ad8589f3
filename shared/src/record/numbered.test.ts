import { describe, expect, it } from 'vitest';
import { ParagraphNumbers } from './numbered.ts';

const readAll = (numbers: ParagraphNumbers, paragraphs: string[]) => paragraphs.map((p) => numbers.read(p).text);

describe('paragraph numbers', () => {
  it('are always the record’s in a summary record', () => {
    expect(readAll(new ParagraphNumbers(true), ['1. We agree.', '7. Yes.'])).toEqual(['We agree.', 'Yes.']);
  });

  it('start a run elsewhere only at unambiguous reported speech, which goes on while they follow one another', () => {
    const numbers = new ParagraphNumbers(false);
    expect(
      readAll(numbers, [
        '1. Member States welcomed the report.',
        '4. Mr. Okonkwo (Ghana) said that it agreed.',
        '5. It was late.',
        '7. It was later.',
        '8. The Chair said that it was time.',
        '9. So it was.',
      ]),
    ).toEqual([
      '1. Member States welcomed the report.',
      'Mr. Okonkwo (Ghana) said that it agreed.',
      'It was late.',
      '7. It was later.',
      'The Chair said that it was time.',
      'So it was.',
    ]);
  });

  it('start no run at a body a statement speaks of, whatever its article, but do at a delegation', () => {
    const numbers = new ParagraphNumbers(false);
    expect(
      readAll(numbers, [
        '1. The Secretariat reported that the survey was late.',
        '2. The Commission on Narcotic Drugs noted the draft.',
        '3. The European Union said that it agreed.',
      ]),
    ).toEqual([
      '1. The Secretariat reported that the survey was late.',
      '2. The Commission on Narcotic Drugs noted the draft.',
      'The European Union said that it agreed.',
    ]);
  });

  it('end their run when a statement opens without a number', () => {
    const numbers = new ParagraphNumbers(false);
    expect(numbers.read('1. Ms. Li (China) said that it agreed.')).toEqual({
      text: 'Ms. Li (China) said that it agreed.',
      numbered: true,
    });
    numbers.interrupt();
    expect(numbers.read('2. We support the text.')).toEqual({ text: '2. We support the text.', numbered: false });
  });
});
