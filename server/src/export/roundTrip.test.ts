import { parseText, recordFromDoc, structureOf } from '@rapporteur/shared/record';
import { recordToDoc } from '@rapporteur/shared/record/toDoc';
import { seededRandom } from '@rapporteur/shared/testing/random';
import { describe, expect, it } from 'vitest';
import { exportText } from './text.ts';

/** Lines records are made of, including the ones that must not open statements. */
const PIECES = [
  'Peru.',
  'Peru. We agree.',
  'Chair:',
  'Chair: Welcome.',
  'Thank you, Chair.',
  'Brazil is a good example, really.',
  'Jane Roe, Harm Reduction International. We call.',
  'Malta, on behalf of the European Union.',
  'Egypt on behalf of the Group of 77 and China: Yes.',
  'Brazil (right of reply): No.',
  'Russian Federation, in exercise of the right of reply. No.',
  'Dr. Jane Roe: Hi.',
  'UNODC.\u00a0 Text',
  'MORNING SESSION',
  'Agenda item 3: Drugs',
  '## Closing',
  '  • item one',
  '- item two',
  '* item three',
  '   continued item',
  'Leave a Reply',
  'Your email address will not be published.',
  'Home » A title',
  'Plain sentence here.',
  'Another: with colon',
  'In Mexico, violence rose.',
  'Note: something',
  '1. numbered',
  '<script>alert(1)</script>',
  '',
  '',
  '',
];

/** The suites' seeded generator, so a failure names a text that can be replayed. */
const generator = seededRandom;

describe('round trips on generated records', () => {
  it('parse → document → parse structure, and parse → text export → parse, give back the same record', () => {
    const random = generator(42);
    for (let n = 0; n < 600; n++) {
      const lines = Array.from(
        { length: 1 + Math.floor(random() * 14) },
        () => PIECES[Math.floor(random() * PIECES.length)]!,
      );
      const text = lines.join('\n');
      const record = parseText(text);
      expect(recordFromDoc(recordToDoc(record), record.title), text).toEqual(structureOf(record));
      expect(parseText(exportText(record)), text).toEqual(record);
    }
  }, 60_000); // 600 records: seconds on a busy machine, and nothing here is a timing target
});
