/**
 * Speaker openers: the words at the start of a paragraph that say who is speaking.
 *   "UNODC. Today we will ..."                      period form, known name or acronym
 *   "Alexis Fishincker, UNODC. Drug trafficking ..." period form, person and affiliation
 *   "Malta, on behalf of the European Union."        period form, on behalf of
 *   "Chair: Welcome." / "Brazil (right of reply): ..." colon form
 * Anything else ("Thank you, Chair.", "Brazil is a good example, ...") is not an opener.
 */
import { ABBREVIATIONS, isAcronym, isPersonName, isProperPhrase, isSpeakerName, words } from './nameShape.ts';

/** Who speaks, and the text that follows the opener on the same line. */
export interface Opener {
  speaker: string;
  affiliation: string | null;
  onBehalfOf: string | null;
  rest: string;
}

type Head = Omit<Opener, 'rest'>;

const MAX_HEAD_CHARS = 200;
const RIGHT_OF_REPLY = /[,\s–-]*\(?\s*(?:in (?:the )?exercise of (?:its |the )?|in )?right of reply\s*\)?$/i;

/** Pull a trailing qualifier off a head: "(right of reply)", "(second intervention)". */
function splitQualifier(head: string): { head: string; qualifier: string | null } {
  if (RIGHT_OF_REPLY.test(head)) return { head: head.replace(RIGHT_OF_REPLY, '').trim(), qualifier: 'right of reply' };
  // a lower-case parenthesis is a qualifier; "(HRI)" or "(Mexico)" belongs to the name
  const m = head.match(/^(.*?)\s*\(([a-z][^()]{0,60})\)$/);
  return m ? { head: m[1]!.trim(), qualifier: m[2]!.trim() } : { head, qualifier: null };
}

/** Read the part before the period or colon as a speaker, or return null when it is not one. */
export function readHead(raw: string, lenient: boolean): Head | null {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text || text.length > MAX_HEAD_CHARS || words(text).length > 22) return null;
  const { head, qualifier } = splitQualifier(text);
  const withQualifier = (s: string) => (qualifier ? `${s} (${qualifier})` : s);

  const behalf = head.match(/^(.+?),?\s+(?:speaking\s+)?on behalf of\s+(?:the\s+)?(.+)$/i);
  if (behalf) {
    const [who, group] = [behalf[1]!.trim(), behalf[2]!.trim()];
    const person = readPersonAndAffiliation(who, true);
    if (!isProperPhrase(group, 16) && !isAcronym(group)) return null;
    if (person) return { ...person, speaker: withQualifier(person.speaker), onBehalfOf: group };
    if (!isSpeakerName(who, { lenient: true })) return null;
    return { speaker: withQualifier(who), affiliation: null, onBehalfOf: group };
  }
  if (isSpeakerName(head, { lenient })) return { speaker: withQualifier(head), affiliation: null, onBehalfOf: null };
  const person = readPersonAndAffiliation(head, lenient);
  return person ? { ...person, speaker: withQualifier(person.speaker) } : null;
}

/** "Name, Organisation[, Unit]": the first part names who speaks, the rest their affiliation. */
function readPersonAndAffiliation(head: string, lenient: boolean): Head | null {
  const parts = head.split(/\s*,\s*/);
  if (parts.length < 2 || parts.some((p) => p === '')) return null;
  const [who, ...org] = parts as [string, ...string[]];
  if (!isPersonName(who) && !isSpeakerName(who, { lenient })) return null;
  if (!org.every((p) => isProperPhrase(p) || isAcronym(p))) return null;
  return { speaker: who, affiliation: org.join(', '), onBehalfOf: null };
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
    if (head) return { ...head, rest: line.slice(colon + 1).trim() };
  }
  if (firstEnd > 0) {
    const head = readHead(line.slice(0, firstEnd), false);
    if (head) return { ...head, rest: line.slice(firstEnd + 1).trim() };
  }
  return null;
}
