/**
 * Parse a plain-text meeting record into title, sections and speaker blocks, in any of the house
 * styles records come in: openers with a period or colon ("Peru.", "Jane Roe, UNODC:", the
 * convention of shared/fixtures/cnd-intersessional-2017-01-24.txt and of our text export), UN
 * summary records (numbered paragraphs in reported speech, front matter, procedural notes) and
 * negotiation bulletins ("MEXICO, for GRULAC, called for …"), and records that mix them: front
 * matter at the top of any record (topMatter.ts), numbered reported speech wherever it reads
 * unambiguously as such (numbered.ts), and unnumbered reported speech only where its subject
 * plainly names a speaker (clearSpeaker.ts). A paragraph without an opener continues the statement
 * before it, even one that speaks of others ("Member States welcomed the report."); text that belongs to no speaker is kept in a block whose
 * speaker is '' rather than dropped. Each block says how sure the reading is, and why.
 * Pure: the import route may run it in a worker.
 */
import { isSpeakingName, readClearReportedOpener } from './clearSpeaker.ts';
import { isSummaryText, PARAGRAPH_NUMBER, readFrontMatter, separateFrontLines } from './frontMatter.ts';
import {
  isCommentFormStart,
  isFurniture,
  isProceduralNote,
  readBreadcrumbTitle,
  readCapsHeading,
  readExplicitHeading,
} from './furniture.ts';
import { identify } from './identity.ts';
import { normaliseText, toUnits, type Unit } from './lines.ts';
import { ParagraphNumbers } from './numbered.ts';
import { type Opener, readBareOpener, readOpener } from './opener.ts';
import { continuesSpeaker, readBulletinOpener, readReportedOpener } from './reported.ts';
import type { ReadBlock, ReadRecord, ReadSection } from './types.ts';
import { readTopMatter } from './topMatter.ts';
import { recordWarnings } from './warnings.ts';

/** The title used when a text has no title line. */
export const UNTITLED = 'Untitled record';

const comparable = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Whether a line must start its own paragraph even without a blank line before it. Reported speech
 * does so in a summary record; elsewhere only where it plainly names a speaker, as it must to open
 * a statement there (clearSpeaker.ts).
 */
const unitStarter =
  (summary: boolean) =>
  (line: string): boolean =>
    readOpener(line) !== null ||
    readExplicitHeading(line) !== null ||
    readCapsHeading(line) !== null ||
    readBreadcrumbTitle(line) !== null ||
    isFurniture(line) ||
    isCommentFormStart(line) ||
    isProceduralNote(line) ||
    (summary ? readReportedOpener : readClearReportedOpener)(line.replace(PARAGRAPH_NUMBER, '')) !== null ||
    readBulletinOpener(line, false) !== null ||
    // a summary record's numbered paragraph, even where the PDF lost the blank line before it
    /^\d{1,3}\.\s+\p{Lu}/u.test(line);

/** A bulletin names delegations in capitals at the start of paragraphs, more than once. */
function isBulletin(units: readonly Unit[]): boolean {
  let n = 0;
  for (const u of units) if (u.type === 'text' && readBulletinOpener(u.text, false) && ++n >= 2) return true;
  return false;
}

/** A paragraph inside a statement that reads like another delegation taking the floor. */
function looksLikeMissedOpener(paragraph: string): boolean {
  const m = paragraph.match(
    /^(?:The\s+)?([\p{Lu}][\p{L}'’-]*(?:\s+(?:[\p{Lu}][\p{L}'’-]*|of|and|the)){0,5})(?:,|:|\s+(?:said|stated|noted|welcomed|supported|opposed)\b)/u,
  );
  return m !== null && isSpeakingName(m[1]!);
}

const NO_SPEAKER = { speaker: '', affiliation: null, onBehalfOf: null, qualifiers: [], kind: 'other' } as const;

/** Parse a plain-text record. Never throws; unrecognised text ends up as paragraphs. */
export function parseText(raw: string): ReadRecord {
  const text = normaliseText(raw);
  const summary = isSummaryText(text);
  const top = summary ? null : readTopMatter(text);
  const allUnits = toUnits(summary ? separateFrontLines(text) : (top?.rest ?? text), unitStarter(summary));
  const front = summary ? readFrontMatter(allUnits) : null;
  const units = front ? allUnits.slice(front.length) : allUnits;
  const bulletin = !summary && isBulletin(units);
  const numbers = new ParagraphNumbers(summary);
  let title: string | null = front?.title ?? top?.title ?? null;
  const sections: ReadSection[] = [];
  let section: ReadSection | null = null;
  let block: ReadBlock | null = null;
  let sawContent = false;
  const forms = new Set<string>();

  const currentSection = (): ReadSection => {
    if (!section) {
      section = { heading: null, blocks: [] };
      sections.push(section);
    }
    return section;
  };
  const push = (b: ReadBlock): ReadBlock => {
    block = b;
    currentSection().blocks.push(b);
    sawContent = true;
    return b;
  };
  const startStatement = (opener: Opener): ReadBlock => {
    const { rest, form, ...who } = opener;
    forms.add(form === 'bare' || form === 'colon' ? 'period' : form);
    const b = push({ ...who, paragraphs: [], ...identify(who, form) });
    if (rest) b.paragraphs.push(rest);
    return b;
  };
  const startNobody = (confidence: number, reason: string) =>
    push({ ...NO_SPEAKER, qualifiers: [], paragraphs: [], canonical: null, confidence, reason });
  const addParagraph = (text: string) => {
    const b =
      block ??
      startNobody(0.5, sawContent ? 'text that belongs to no recognised speaker' : 'text before the first speaker');
    if (b.speaker !== '' && b.paragraphs.length > 0 && looksLikeMissedOpener(text) && b.confidence > 0.5) {
      b.confidence = 0.5;
      b.reason += '; a later paragraph starts with a delegation’s name: it may be a statement of its own';
    }
    b.paragraphs.push(text);
    sawContent = true;
  };

  for (const unit of units) {
    if (unit.type === 'list') {
      addParagraph(unit.items.join('\n'));
      continue;
    }
    const { text: line, numbered } = numbers.read(unit.text);
    if (isCommentFormStart(line)) break;
    if (isFurniture(line)) continue;
    const crumb = readBreadcrumbTitle(line);
    if (crumb) {
      title ??= crumb;
      continue;
    }
    // web pages repeat the breadcrumb's title as the page heading
    if (!sawContent && title !== null && comparable(line) === comparable(title)) continue;
    if (isProceduralNote(line)) {
      startNobody(0.9, 'a procedural note, not a statement').paragraphs.push(line);
      block = null;
      continue;
    }

    const explicit = readExplicitHeading(line);
    // numbered reported speech outside a summary record has already shown itself to be such (numbered.ts)
    const reported = summary || numbered ? readReportedOpener : readClearReportedOpener;
    const opener = explicit ? null : (readOpener(line) ?? reported(line) ?? readBulletinOpener(line, bulletin));
    if (title === null && !sawContent && !opener) {
      title = explicit ?? line;
      continue;
    }
    const heading = explicit ?? (opener ? null : readCapsHeading(line));
    if (heading) {
      section = { heading, blocks: [] };
      sections.push(section);
      block = null;
      sawContent = true;
      continue;
    }
    if (opener) {
      if (!numbered) numbers.interrupt();
      startStatement(opener);
      continue;
    }
    // assigned inside push(), which the compiler's narrowing does not follow
    const open = block as ReadBlock | null;
    if (continuesSpeaker(line) && open?.speaker) {
      open.paragraphs.push(line);
      continue;
    }
    const bare = readBareOpener(line);
    if (bare) {
      numbers.interrupt();
      startStatement(bare);
      continue;
    }
    addParagraph(line);
  }
  const record: ReadRecord = { title: title ?? UNTITLED, sections, warnings: [] };
  record.warnings = recordWarnings(record, forms);
  const frontMatter = front?.frontMatter ?? top?.frontMatter;
  if (frontMatter) record.frontMatter = frontMatter;
  return record;
}
