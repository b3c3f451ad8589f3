/**
 * Long meeting records for the browser benchmark, in the fixture's own house style ("Speaker,
 * Affiliation." opener, then the statement), so they go through the import API as a real record
 * would. Deterministic: the same size always gives the same text.
 */
import { randomInt, seededRandom } from '../../helpers/random.ts';

const SPEAKERS: [string, string][] = [
  ['Ahmed Salem', 'Egypt'],
  ['Ana Ruiz', 'Mexico'],
  ['Jan Novak', 'Czechia'],
  ['Li Wei', 'China'],
  ['Tomás Silva', 'Brazil'],
  ['Amina Bello', 'Nigeria'],
  ['Pierre Martin', 'France'],
  ['Sara Berg', 'Sweden'],
];

const WORDS = (
  'the commission took note of the report and welcomed the progress made by member states in ' +
  'implementing the joint commitment to address and counter the world drug problem including ' +
  'access to controlled medicines for medical purposes while preventing their diversion and abuse ' +
  'and called for further cooperation on data collection and analysis'
).split(' ');

/**
 * A statement of about `words` words, different per block: words drawn from a generator seeded
 * with the block's number (a pattern stepping through the word list repeated itself every 50
 * blocks, which no real record does, and equal statements cost the editor work real ones do not:
 * editor/blockIdentity.ts).
 */
function statement(block: number, words: number): string {
  const rand = seededRandom(block + 1);
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[randomInt(rand, WORDS.length)]!);
  const text = out.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** One statement of the record: its opener line and its text. */
export interface RecordBlock {
  header: string;
  statement: string;
}

/** The statements of a record of `blocks` blocks of about `words` words each. */
export function recordBlocks(blocks: number, words: number): RecordBlock[] {
  return Array.from({ length: blocks }, (_, b) => {
    const [name, affiliation] = SPEAKERS[b % SPEAKERS.length]!;
    return { header: `${name}, ${affiliation}.`, statement: statement(b, words) };
  });
}

/** The record as plain text, with an agenda heading every 50 blocks. */
export function longRecord(blocks: number, words: number): string {
  const lines = [`Benchmark record of ${blocks} statements`, ''];
  recordBlocks(blocks, words).forEach((b, i) => {
    if (i % 50 === 0) lines.push(`Agenda item ${i / 50 + 1}`, '');
    lines.push(b.header, b.statement, '');
  });
  return lines.join('\n');
}
