import { describe, expect, it } from 'vitest';
import { parseText } from './parseText.ts';
import { readTopMatter } from './topMatter.ts';

describe('front matter at the top of a record that is no summary record', () => {
  it('takes the lines above a presiding person as the title, one item a line', () => {
    expect(readTopMatter('Committee on Drugs\nSecond session\nChair: Dr. Jane Roe\n\nPeru. Yes.')).toEqual({
      frontMatter: { body: 'Committee on Drugs', session: 'Second session', chair: 'Dr. Jane Roe' },
      title: 'Committee on Drugs, Second session',
      rest: '\nPeru. Yes.',
    });
  });

  it('joins a title wrapped over lines, and reads the chair across blank lines', () => {
    const top = readTopMatter(
      'Report of the\nWorking Group on Drugs, held\nin Vienna\n\nChairperson: Ana Lopez\n\nPeru. Yes.',
    );
    expect(top?.title).toBe('Report of the Working Group on Drugs, held in Vienna');
    expect(top?.frontMatter.chair).toBe('Ana Lopez');
  });

  it('is not "Chair:" saying something, a country or a label', () => {
    for (const line of [
      'Chair: Welcome, everyone.',
      'Chair: Thank You',
      'Chair: Ghana',
      'Chair:',
      'Chair: Next Speaker',
    ]) {
      expect(readTopMatter(`Meeting\n${line}\nPeru. Yes.`), line).toBeNull();
    }
  });

  it('stops at the first statement, sentence or procedural note, so nothing after it is taken', () => {
    expect(readTopMatter('T\n\nPeru. Yes.\n\nChair: Mr. Okonkwo (Ghana)')).toBeNull();
    expect(readTopMatter('T\n\nWe took notes all day.\nChair: Ms. Lopez (Spain)')).toBeNull();
    expect(readTopMatter('T\n\nThe meeting was called to order at 10 a.m.\n\nChair: Ms. Lopez (Spain)')).toBeNull();
  });

  it('leaves such a record to be read as before: the text kept, "Chair:" a statement', () => {
    const r = parseText('T\n\nWe took notes all day.\nChair: Ms. Lopez (Spain)\n\nPeru. Yes.');
    expect(r.frontMatter).toBeUndefined();
    expect(r.sections[0]!.blocks.map((b) => [b.speaker, b.paragraphs])).toEqual([
      ['', ['We took notes all day.']],
      ['Chair', ['Ms. Lopez (Spain)']],
      ['Peru', ['Yes.']],
    ]);
  });

  it('gives no title when the chair comes first; the record is then untitled, not titled by a statement', () => {
    const r = parseText('Chair: Ms. Ana Lopez (Spain)\nPeru. Yes.');
    expect(r.frontMatter).toEqual({ chair: 'Ms. Ana Lopez (Spain)' });
    expect(r.title).toBe('Untitled record');
    expect(r.sections[0]!.blocks.map((b) => b.speaker)).toEqual(['Peru']);
  });
});
