/**
 * Front matter at the top of a record that does not call itself a summary record (issue 15): the
 * body, the meeting, place and date, one a line, and "Chair: Ms. Ana Lopez (Spain)" or "Held at
 * …". Without this, "Chair: Ms. Ana Lopez (Spain)" reads as the Chair saying a name. Only a short
 * stack of title-like lines ending in such a line counts, so that "Chair: Welcome." and a
 * paragraph of introduction keep their meaning.
 */
import { heldOn, isHeldLine, noteBodyOrSession, PARAGRAPH_NUMBER, readChairLine } from './frontMatter.ts';
import { isFurniture, isProceduralNote, readBreadcrumbTitle, readExplicitHeading } from './furniture.ts';
import { isPersonName, isTitledPerson, words } from './nameShape.ts';
import { readOpener } from './opener.ts';
import { readBulletinOpener, readReportedOpener } from './reported.ts';
import type { FrontMatter } from './types.ts';

/** Front matter found at the top, its title, and the text after it. */
export interface TopMatter {
  frontMatter: FrontMatter;
  /** The lines above the front matter's fields, joined as a summary record's title is ("Body, Meeting, Place, date"). */
  title: string | null;
  rest: string;
}

/** How far down front matter may reach: a record's masthead, not its body. */
const MAX_LINES = 30;

/** Who presided, when the line names a person and nothing else ("Chair: Ms. Ana Lopez (Spain)"). */
function readPresidingPerson(line: string): string | null {
  const chair = readChairLine(line);
  if (!chair) return null;
  const bracket = chair.match(/^(.*?\S)\s*\(([^()]{1,120})\)$/);
  const name = bracket ? bracket[1]! : chair;
  if (bracket && !/^\p{Lu}/u.test(bracket[2]!.trim())) return null;
  return isTitledPerson(name) || isPersonName(name) ? chair : null;
}

/** A line of a masthead: short, not a sentence, not a statement, heading, note or list item. */
function isTitleLine(line: string, first: boolean): boolean {
  if (line.length > 160 || words(line).length > 16 || /[.;:!?]$/.test(line)) return false;
  if (PARAGRAPH_NUMBER.test(line) || /^[•◦▪·‣●○■□\-*–]\s/.test(line)) return false;
  if (isProceduralNote(line) || isFurniture(line) || readBreadcrumbTitle(line) !== null) return false;
  // the first line may be a heading-like title ("Plenary session"), as it may in any record
  if (!first && readExplicitHeading(line) !== null) return false;
  return readOpener(line) === null && readReportedOpener(line) === null && readBulletinOpener(line, false) === null;
}

/** Whether `next` goes on the line above rather than starting an item ("… Report of the" / "Working Group"). */
function isWrapped(above: string, next: string): boolean {
  return /^\p{Ll}/u.test(next) || /(?:\s(?:of|the|and|on|in|for|to|at|by|with)|[,–-])$/.test(above);
}

/** Front matter in the first lines of `text`, or null when they hold no presiding person nor "Held at". */
export function readTopMatter(text: string): TopMatter | null {
  const lines = text.split('\n');
  const fm: FrontMatter = {};
  const items: string[] = [];
  let end = -1;
  let titleItems = 0;
  let afterItem = false;
  for (let i = 0; i < lines.length && i < MAX_LINES; i++) {
    const t = lines[i]!.replace(/\s+/g, ' ').trim();
    const chair = t ? readPresidingPerson(t) : null;
    if (chair || isHeldLine(t)) {
      if (chair) fm.chair ??= chair;
      else fm.held ??= t;
      end = i;
      titleItems = items.length;
    } else if (t) {
      if (!isTitleLine(t, items.length === 0)) break;
      if (afterItem && isWrapped(items[items.length - 1]!, t)) items[items.length - 1] += ` ${t}`;
      else items.push(t);
    }
    afterItem = Boolean(t) && !chair && !isHeldLine(t);
  }
  if (end === -1) return null;
  const title = items.slice(0, titleItems);
  for (const item of title) noteBodyOrSession(fm, item);
  // the date makes the record's date (summary.ts reads it from the title), as in a summary record
  const date = heldOn(fm);
  if (title.length && date && !title.some((t) => t.includes(date))) title.push(date);
  return {
    frontMatter: fm,
    title: title.length ? title.join(', ') : null,
    rest: lines.slice(end + 1).join('\n'),
  };
}
