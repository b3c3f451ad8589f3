/**
 * Speaker openers: the words at the start of a paragraph that say who is speaking.
 *   "UNODC. Today we will ..."                      period form, known name or acronym
 *   "Alexis Fishincker, UNODC. Drug trafficking ..." period form, person and affiliation
 *   "Malta, on behalf of the European Union."        period form, on behalf of
 *   "Chair: Welcome." / "Brazil (right of reply): ..." colon form
 *   "Egypt, for the G-77/China:" / "Malta, also on behalf of Albania and Montenegro."
 *   "Mr. Okonkwo: ..." / "H.E. Ambassador Smith, Canada. ..." honorifics stay in the name
 * Anything else ("Thank you, Chair.", "Brazil is a good example, ...") is not an opener.
 */
import { ABBREVIATIONS, isAcronym, isPersonName, isProperPhrase, isSpeakerName, words } from './nameShape.ts';
import { isKnownName } from './names.ts';
import { splitQualifiers } from './qualifiers.ts';

/**
 * How an opener was written: "Peru." / "Chair:" / "Peru" alone on its line / "Mr. Okonkwo (Ghana)
 * said" (reported speech, reported.ts) / "MEXICO called for" (bulletin, reported.ts).
 */
export type OpenerForm = 'period' | 'colon' | 'bare' | 'reported' | 'bulletin';

/** Who speaks, and the text that follows the opener on the same line. */
export interface Opener {
  speaker: string;
  affiliation: string | null;
  onBehalfOf: string | null;
  qualifiers: string[];
  rest: string;
  form: OpenerForm;
}

type Head = Omit<Opener, 'rest' | 'form'>;

const MAX_HEAD_CHARS = 200;

/** "X, on behalf of Y" / "X also on behalf of Y and Z" / "X, speaking on behalf of the Y". */
const ON_BEHALF = /^(.+?),?\s+(?:also\s+)?(?:speaking\s+)?(?:also\s+)?on behalf of\s+(?:the\s+)?(.+)$/i;
/** "Egypt, for the G-77/China": only after a comma, and only for a group that reads as one. */
const FOR_GROUP = /^(.+?),\s+(?:speaking\s+)?for\s+(?:the\s+)?(.+)$/i;

/** A group spoken for: "European Union and its Member States", "G-77/China", "Albania and Montenegro". */
export function isGroupName(group: string, strict = false): boolean {
  const parts = group.split(/\s*\/\s*/);
  if (parts.length > 1) return parts.every((p) => isAcronym(p) || isKnownName(p) || isProperPhrase(p, 8));
  if (isKnownName(group) || isAcronym(group)) return true;
  return !strict && isProperPhrase(group.replace(/\bits\b/g, 'Its'), 16);
}

/** Read the part before the period or colon as a speaker, or return null when it is not one. */
export function readHead(raw: string, lenient: boolean): Head | null {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text || text.length > MAX_HEAD_CHARS || words(text).length > 22) return null;
  const { head, qualifiers } = splitQualifiers(text);
  if (!head) return null;

  const behalf = head.match(ON_BEHALF);
  const forGroup = behalf ? null : head.match(FOR_GROUP);
  const spokenFor = behalf ?? forGroup;
  if (spokenFor && isGroupName(spokenFor[2]!.trim(), forGroup !== null)) {
    const [who, group] = [spokenFor[1]!.trim(), spokenFor[2]!.trim()];
    const person = readPersonAndAffiliation(who, true);
    if (person) return { ...person, qualifiers, onBehalfOf: group };
    if (!isSpeakerName(who, { lenient: true })) return null;
    return { speaker: who, affiliation: null, onBehalfOf: group, qualifiers };
  }
  if (behalf) return null;
  if (isSpeakerName(head, { lenient })) return { speaker: head, affiliation: null, onBehalfOf: null, qualifiers };
  const person = readPersonAndAffiliation(head, lenient);
  return person ? { ...person, qualifiers } : null;
}

/** "Name, Organisation[, Unit]": the first part names who speaks, the rest their affiliation. */
function readPersonAndAffiliation(head: string, lenient: boolean): Head | null {
  const parts = head.split(/\s*,\s*/);
  if (parts.length < 2 || parts.some((p) => p === '')) return null;
  const [who, ...org] = parts as [string, ...string[]];
  if (!isPersonName(who) && !isSpeakerName(who, { lenient })) return null;
  if (!org.every((p) => isProperPhrase(p) || isAcronym(p))) return null;
  return { speaker: who, affiliation: org.join(', '), onBehalfOf: null, qualifiers: [] };
}

/** Positions of periods that may end the opener: followed by space or the end, not an abbreviation. */
function sentenceEnds(line: string): number[] {
  const ends: number[] = [];
  for (let i = line.indexOf('.'); i !== -1 && i <= MAX_HEAD_CHARS; i = line.indexOf('.', i + 1)) {
    if (i + 1 < line.length && !/\s/.test(line[i + 1]!)) continue;
    const token = line.slice(0, i).split(/\s+/).pop() ?? '';
    if (/^\p{Lu}$/u.test(token) || ABBREVIATIONS.has(token.toLowerCase())) continue;
    ends.push(i);
  }
  return ends;
}

/** Recognise a speaker opener at the start of a (trimmed) line. */
export function readOpener(line: string): Opener | null {
  const colon = line.indexOf(':');
  const ends = sentenceEnds(line);
  const firstEnd = ends[0] ?? -1;
  // the colon form wins when the colon comes before the first sentence end ("Chair: Thank you.")
  const colonEndsHead =
    colon > 0 && colon <= MAX_HEAD_CHARS && (colon + 1 === line.length || /\s/.test(line[colon + 1]!));
  if (colonEndsHead && (firstEnd === -1 || colon < firstEnd)) {
    const head = readHead(line.slice(0, colon), true);
    if (head) return { ...head, rest: line.slice(colon + 1).trim(), form: 'colon' };
  }
  if (firstEnd > 0) {
    const head = readHead(line.slice(0, firstEnd), false);
    if (head) return { ...head, rest: line.slice(firstEnd + 1).trim(), form: 'period' };
  }
  return null;
}

/**
 * A whole paragraph that is only a speaker, without its period or colon ("Malta, on behalf of
 * the European Union" on a line of its own, the statement below). Strict names only.
 */
export function readBareOpener(paragraph: string): Opener | null {
  const t = paragraph.trim();
  if (!t || /[.:;!?,]$/.test(t) || t.length > MAX_HEAD_CHARS) return null;
  const head = readHead(t, false);
  return head ? { ...head, rest: '', form: 'bare' } : null;
}
