/**
 * Shape tests for the parts of a speaker opener: does this look like a person's name, an
 * acronym, an organisation? They are deliberately strict about the first word, because the
 * false positive to avoid is an ordinary sentence ("Thank you, Chair.", "In Mexico, violence ...").
 */
import { isKnownName } from './names.ts';

/** Words that start sentences, never names: "In Mexico, ..." is not "In Mexico" speaking. */
const STOP_WORDS = new Set(
  `a an the in on at as for we our us this that these those there here however thank thanks dear with from by to of
and but or if when while since after before during under over yes no today yesterday tomorrow finally also
furthermore moreover it its they their he she his her i my you your let many some all each every one two three
first second third next last lastly then so please ladies madam mister distinguished excellencies good`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower-case words allowed inside names: particles and connectors. */
const PARTICLES = new Set(
  `de da do dos das del della di du la le van von der den ter ten al el bin ibn y e af zu of the and for on in to et des d' at`
    .split(/\s+/)
    .filter(Boolean),
);

/** Honorifics that may precede a person's name ("H.E. Ambassador ...", "Dr ..."). */
const HONORIFICS = new Set(
  `mr mr. mrs mrs. ms ms. dr dr. prof prof. professor h.e. he ambassador judge sir dame senator minister
deputy secretary-general director executive`.split(/\s+/),
);

/** Abbreviations whose period does not end a sentence. */
export const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof st h.e jr sr no nos amb gen col mt vs etc i.e e.g u.s u.k u.n p.m a.m`.split(/\s+/),
);

/** Short all-caps words that are not organisations. */
const NOT_ACRONYMS = new Set(['OK', 'NB', 'PS', 'AM', 'PM', 'TV', 'ID', 'NO', 'YES', 'II', 'III', 'IV', 'VI']);

const CAPITALISED = /^[\p{Lu}\p{Lt}][\p{L}\p{M}'’.-]*$/u;
const INITIAL = /^\p{Lu}\.$/u;

/** Split into words on spaces. */
export function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** An organisation's acronym: "UNODC", "IEPES", "G-77", "CND". */
export function isAcronym(text: string): boolean {
  if (NOT_ACRONYMS.has(text)) return false;
  return /^[\p{Lu}][\p{Lu}\d&-]{1,14}$/u.test(text) && (text.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

/** A person's name: two to six capitalised words (particles and initials allowed), maybe a title first. */
export function isPersonName(text: string): boolean {
  let ws = words(text);
  while (ws.length > 1 && HONORIFICS.has(ws[0]!.toLowerCase())) ws = ws.slice(1);
  if (ws.length < 2 || ws.length > 6) return false;
  if (STOP_WORDS.has(ws[0]!.toLowerCase()) || PARTICLES.has(ws[0]!)) return false;
  if (!CAPITALISED.test(ws[ws.length - 1]!)) return false;
  return ws.every((w) => CAPITALISED.test(w) || INITIAL.test(w) || PARTICLES.has(w));
}

/**
 * A person introduced by an honorific ("Dr Jane Smith", "H.E. Mr. Alvarez", "Mr. Okonkwo"): after
 * the honorific one surname is enough, as UN records write it.
 */
export function isTitledPerson(text: string): boolean {
  let ws = words(text);
  if (!HONORIFICS.has(ws[0]?.toLowerCase() ?? '')) return false;
  while (ws.length > 1 && HONORIFICS.has(ws[0]!.toLowerCase())) ws = ws.slice(1);
  if (ws.length < 1 || ws.length > 6 || PARTICLES.has(ws[0]!) || HONORIFICS.has(ws[0]!.toLowerCase())) return false;
  if (!CAPITALISED.test(ws[ws.length - 1]!)) return false;
  return ws.every((w) => CAPITALISED.test(w) || INITIAL.test(w) || PARTICLES.has(w));
}

/**
 * A proper-noun phrase such as an organisation: every significant word capitalised (or an
 * acronym or number), connectors allowed, not starting with a sentence word.
 */
export function isProperPhrase(text: string, maxWords = 14): boolean {
  const ws = words(text);
  if (ws.length === 0 || ws.length > maxWords) return false;
  const first = ws[0]!;
  if (STOP_WORDS.has(first.toLowerCase()) && !/^the$/i.test(first)) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(first)) return false;
  return ws.every(
    (w) =>
      CAPITALISED.test(w) ||
      isAcronym(w) ||
      /^[\p{N}(][\p{L}\p{N})-]*$/u.test(w) ||
      PARTICLES.has(w) ||
      w === '&' ||
      w === '–',
  );
}

/** Labels that end in a colon without being speakers ("Note:", "Key Points:", "Next Steps:"). */
const LABELS = new Set(
  `note notes summary question questions answer answers conclusion conclusions recommendation recommendations key
main next action actions update background topic subject agenda item date time venue location present attendance
participants source link website email comment comments reply posted tags category categories theme outcome
decision decisions keywords share related print download`.split(/\s+/),
);

/** Whether text can stand for a speaker: a known delegation, an acronym, or a person's name. */
export function isSpeakerName(text: string, opts: { lenient: boolean }): boolean {
  if (isKnownName(text) || isAcronym(text) || isTitledPerson(text)) return true;
  if (!opts.lenient || LABELS.has(words(text)[0]?.toLowerCase() ?? '')) return false;
  // after a colon the writer plainly meant a speaker, so a proper name of two words or more will do
  return isPersonName(text) || (words(text).length >= 2 && isProperPhrase(text, 8));
}
