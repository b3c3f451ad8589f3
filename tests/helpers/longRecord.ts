/**
 * Long plain-text records in the fixture's convention ("Malta. Statement…" blocks, an agenda
 * heading every hundred), for tests and benchmarks of large imports and exports. Words come from
 * a fixed list in turn, so a record of a given size is always the same text.
 */
import * as Y from 'yjs';
import { appendSpeakerBlock } from './record.ts';

const SPEAKERS = ['Malta', 'Brazil', 'Egypt', 'Mexico', 'Russian Federation', 'Japan', 'Canada', 'UNODC'];
const WORDS =
  'the commission took note of the report and delegations supported operational recommendations on supply reduction law enforcement cooperation money laundering and judicial authorities'.split(
    ' ',
  );

/** The statement of block `b`: `wordsPerBlock` words, continuing the list where block b-1 stopped. */
function statement(b: number, wordsPerBlock: number): string {
  const words: string[] = [];
  for (let i = 0; i < wordsPerBlock; i++) words.push(WORDS[(b * wordsPerBlock + i) % WORDS.length]!);
  return `${words.join(' ')}.`;
}

/** A record of `blocks` speaker blocks of `wordsPerBlock` words each (~6.5 characters a word). */
export function longRecordText(blocks: number, wordsPerBlock = 200): string {
  const parts = ['CND plenary: 24 January 2017 – A long record', ''];
  for (let b = 0; b < blocks; b++) {
    if (b % 100 === 0) parts.push(`Agenda item ${b / 100 + 1}`, '');
    parts.push(`${SPEAKERS[b % SPEAKERS.length]}. ${statement(b, wordsPerBlock)}`, '');
  }
  return parts.join('\n');
}

/** The same statements as a session document, built directly (no import, so no import limits). */
export function longRecordDoc(blocks: number, wordsPerBlock = 200): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (let b = 0; b < blocks; b++) {
      appendSpeakerBlock(doc, { speaker: SPEAKERS[b % SPEAKERS.length]! }, statement(b, wordsPerBlock));
    }
  });
  return doc;
}

/** A record of `blocks` one-line statements: the shape of the 55,000-block import of issue 12. */
export function manyOpenersText(blocks: number): string {
  const parts = ['A record of many openers', ''];
  for (let b = 0; b < blocks; b++) parts.push(`Malta. Yes ${b}.`, '');
  return parts.join('\n');
}
