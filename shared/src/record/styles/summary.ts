/**
 * The UN summary record: front matter (symbol, body, session, meeting, place and date, Chair,
 * contents), procedural notes, agenda-item headings, and numbered paragraphs in reported speech
 * ("3. Mr. Okafor (Nigeria), speaking on behalf of the African Group, said that …"; "The Chair
 * said …"; "The representative of Peru said …"). The statement keeps its reporting verb.
 */
import { oneLine } from '../format.ts';
import { takesArticle } from '../names.ts';
import { structureOf } from '../structure.ts';
import type { ParsedBlock, ParsedRecord } from '../types.ts';
import type { HouseStyle } from './types.ts';

/** The front matter every rendered summary record carries, and the title a reader makes of it. */
export const SUMMARY_FRONT = {
  symbol: 'E/CN.7/2031/SR.4',
  body: 'Commission on Narcotic Drugs',
  session: 'Seventy-fourth session',
  meeting: 'Summary record of the 4th meeting',
  held: 'Held at the Vienna International Centre, Vienna, on Thursday, 13 March 2031, at 10 a.m.',
  chair: 'Ms. Example (Chile)',
} as const;
const TITLE = `${SUMMARY_FRONT.body}, ${SUMMARY_FRONT.session}, ${SUMMARY_FRONT.meeting}, 13 March 2031`;
const OPENED = 'The meeting was called to order at 10.05 a.m.';
const ROSE = 'The meeting rose at 1 p.m.';

const isPerson = (b: ParsedBlock) => b.affiliation !== null;

/** "Mr. Okafor (Nigeria) (spoke in Spanish), speaking on behalf of the African Group," and so on. */
function who(b: ParsedBlock): string {
  const qualifiers = b.qualifiers ?? [];
  const bracketed = qualifiers.filter((q) => q !== 'right of reply');
  let head: string;
  if (b.speaker === 'Chair') head = 'The Chair';
  else if (isPerson(b)) head = `${b.speaker} (${b.affiliation})${bracketed.map((q) => ` (${q})`).join('')}`;
  else head = `The representative of ${takesArticle(b.speaker) ? 'the ' : ''}${b.speaker}`;
  const clauses: string[] = [];
  if (b.onBehalfOf) clauses.push(`speaking on behalf of ${takesArticle(b.onBehalfOf) ? 'the ' : ''}${b.onBehalfOf}`);
  if (qualifiers.includes('right of reply')) clauses.push('speaking in exercise of the right of reply');
  return clauses.length ? `${head}, ${clauses.join(', ')},` : head;
}

/** Render a record as a summary record; its title is the front matter's. */
export function renderSummary(record: ParsedRecord): string {
  const headings = record.sections.map((s) => s.heading).filter((h): h is string => h !== null);
  const out = [
    `United Nations                                  ${SUMMARY_FRONT.symbol}`,
    ['Economic and Social Council', SUMMARY_FRONT.body, SUMMARY_FRONT.session].join('\n'),
    SUMMARY_FRONT.meeting,
    SUMMARY_FRONT.held,
    `Chair: ${SUMMARY_FRONT.chair}`,
  ];
  if (headings.length) out.push('Contents', headings.join('\n'));
  out.push(OPENED);
  let n = 0;
  for (const section of record.sections) {
    if (section.heading !== null) out.push(section.heading);
    for (const block of section.blocks) {
      block.paragraphs.forEach((p, i) => {
        const text = i === 0 ? `${who(block)} ${oneLine(p)}` : oneLine(p);
        out.push(`${++n}. ${text}`);
      });
    }
  }
  out.push(ROSE);
  return `${out.join('\n\n')}\n`;
}

/** What a reader finds: the front matter's title, the procedural notes as text of nobody. */
function readsBackAs(record: ParsedRecord): ParsedRecord {
  const s = structureOf(record);
  const nobody = (line: string) => ({
    speaker: '',
    affiliation: null,
    onBehalfOf: null,
    paragraphs: [line],
    qualifiers: [],
  });
  const sections = [{ heading: null, blocks: [nobody(OPENED)] }, ...s.sections];
  // the opening note joins the leading section when the record has one without a heading
  if (s.sections[0]?.heading === null)
    sections.splice(0, 2, { heading: null, blocks: [nobody(OPENED), ...s.sections[0].blocks] });
  sections[sections.length - 1]!.blocks.push(nobody(ROSE));
  return { title: TITLE, sections };
}

/** The UN summary-record style. */
export const summaryStyle: HouseStyle = {
  name: 'UN summary record',
  shape: {
    speech: 'reported',
    persons: true,
    qualifiers: ['right of reply', 'spoke in Spanish'],
    lists: false,
    headings: 'agenda',
    leadingText: false,
  },
  render: renderSummary,
  readsBackAs,
};
