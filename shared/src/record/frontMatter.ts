/**
 * The front matter of a UN summary record: symbol, body, session, meeting, place and date,
 * "Chair: …" and the list of contents. It says what the document is; none of it is a
 * statement ("Chair: Ms. Bird (Australia)" names who presided, it is not the Chair speaking).
 */
import { isProceduralNote, readExplicitHeading } from './furniture.ts';
import type { Unit } from './lines.ts';
import { readReportedOpener } from './reported.ts';
import type { FrontMatter } from './types.ts';

const SYMBOL = /\b[A-Z]{1,8}(?:\/[A-Z0-9.]+)*\/SR\.\d+\b/;
const MEETING = /^summary record of\b/i;
/** "1. " at the start of a summary record's paragraph. */
export const PARAGRAPH_NUMBER = /^\d{1,4}\.\s+(?=\S)/;

/** Whether the text is a UN summary record (it names itself so, or carries an SR symbol, near its start). */
export function isSummaryText(text: string): boolean {
  return text.split('\n', 60).some((line) => MEETING.test(line.trim()) || SYMBOL.test(line));
}

/**
 * Front matter is set one item a line, without blank lines between ("Economic and Social
 * Council" / "Commission on Narcotic Drugs"): keep those lines apart, up to the first paragraph.
 */
export function separateFrontLines(text: string): string {
  const lines = text.split('\n');
  const end = lines.findIndex((l) => PARAGRAPH_NUMBER.test(l.trim()) || isProceduralNote(l.trim()));
  const front = end === -1 ? lines : lines.slice(0, end);
  return [front.join('\n\n'), ...(end === -1 ? [] : lines.slice(end))].join('\n');
}

/** What the front matter says, and how many units it takes up. */
export interface FrontMatterRead {
  frontMatter: FrontMatter;
  /** Units that belong to the front matter, from the start. */
  length: number;
  /** "Commission on Narcotic Drugs, Sixtieth session, Summary record of the 3rd meeting, 14 March 2017". */
  title: string | null;
}

const BODY =
  /^(?:Commission|Committee|Council|General Assembly|Conference|Board|Economic and Social Council|Human Rights Council|Security Council|Meeting of|Working Group|Subcommission)\b/;

/** Who presided, from "Chair: Ms. Bird (Australia)" (or Chairperson, President …), or null. */
export function readChairLine(line: string): string | null {
  return line.match(/^(?:Chair|Chairperson|Chairman|Chairwoman|President)\s*:\s*(.+)$/)?.[1]?.trim() ?? null;
}

/** "Held at Headquarters, New York, on Monday, 2 March 2020, at 10 a.m.": where and when. */
export function isHeldLine(line: string): boolean {
  return /^held at\b/i.test(line);
}

/** The date in the "Held at …" line ("14 April 2021"), if any. */
export function heldOn(fm: FrontMatter): string | undefined {
  return fm.held?.match(/\b\d{1,2} [A-Z][a-z]+ \d{4}\b/)?.[0];
}

/** Note a line that names the session or the body that met; any other line is left alone. */
export function noteBodyOrSession(fm: FrontMatter, t: string): void {
  const n = t.split(/\s+/).length;
  if (/\bsession\b/i.test(t) && n <= 6) fm.session ??= t.replace(/\.$/, '');
  else if (BODY.test(t) && n <= 12) fm.body = t; // the last named is the most specific
}

/** Read the front matter of a summary record: everything before its first paragraph or procedural note. */
export function readFrontMatter(units: readonly Unit[]): FrontMatterRead {
  const fm: FrontMatter = {};
  let inContents = false;
  let i = 0;
  for (; i < units.length; i++) {
    const unit = units[i]!;
    if (unit.type === 'list') {
      if (inContents) fm.contents = [...(fm.contents ?? []), ...unit.items];
      continue;
    }
    const t = unit.text.trim();
    if (isProceduralNote(t) || PARAGRAPH_NUMBER.test(t) || readReportedOpener(t)) break;
    const heading = readExplicitHeading(t);
    // an agenda item listed under "Contents" and then written again is where the meeting starts
    if (inContents && heading && fm.contents?.includes(heading)) break;
    if (/^contents:?$/i.test(t)) {
      inContents = true;
      continue;
    }
    if (inContents) {
      fm.contents = [...(fm.contents ?? []), heading ?? t];
      continue;
    }
    const symbol = t.match(SYMBOL);
    const chair = readChairLine(t);
    if (symbol) fm.symbol ??= symbol[0];
    else if (MEETING.test(t)) fm.meeting ??= t.replace(/\.$/, '');
    else if (isHeldLine(t)) fm.held ??= t;
    else if (chair) fm.chair ??= chair;
    else noteBodyOrSession(fm, t);
  }
  const date = heldOn(fm);
  const parts = [fm.body, fm.session, fm.meeting, date].filter((p): p is string => Boolean(p));
  return { frontMatter: fm, length: i, title: parts.length ? parts.join(', ') : null };
}
