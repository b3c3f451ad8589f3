/**
 * Whether reported speech names its speaker beyond doubt (issue 15). A summary record writes every
 * paragraph as "X said that …", so there any subject will do. Elsewhere a statement's own
 * sentences take the same shape ("Member States welcomed the report.", "The Secretariat reported
 * that the survey was late."), so only a subject no statement would use of others opens a new one:
 * a person with an honorific, a bracketed affiliation or a clause only a speaker takes ("speaking
 * on behalf of …", "in exercise of the right of reply"), "The representative of X", whoever
 * presides, or a delegation or organisation the importer knows by name.
 */
import { isTitledPerson } from './nameShape.ts';
import { categoryOf, isKnownName } from './names.ts';
import type { Opener } from './opener.ts';
import { registryEntryFor } from './registryIndex.ts';
import { readReportedOpener } from './reported.ts';

/**
 * Registry entries for the bodies a meeting reports to or works with: any statement speaks of "the
 * Commission on Narcotic Drugs" or "the Secretariat", which take the floor in a record other than a
 * summary record under an opener of their own ("Secretariat:"), not in reported speech.
 */
const BODIES_SPOKEN_OF = new Set(['un:SECRETARIAT', 'un:CND', 'un:CCPCJ', 'un:ECOSOC', 'un:HRC', 'un:GA']);

const REPRESENTATIVE = /^the\s+(?:representative|delegate|delegation|observer)s?\s+(?:of|for)\s/i;

/** A name that, as the subject of reported speech, can only be a delegation or body taking the floor. */
export function isSpeakingName(name: string): boolean {
  if (categoryOf(name) === 'chair') return true;
  const entry = registryEntryFor(name);
  if (entry && BODIES_SPOKEN_OF.has(entry.key)) return false;
  return isKnownName(name);
}

/** Whether `opener`, read from the reported speech `text`, names its speaker beyond doubt. */
export function namesSpeakerClearly(opener: Opener, text: string): boolean {
  if (opener.affiliation !== null || opener.onBehalfOf !== null || opener.qualifiers.length > 0) return true;
  return isTitledPerson(opener.speaker) || REPRESENTATIVE.test(text) || isSpeakingName(opener.speaker);
}

/** A reported-speech opener whose subject is plainly a speaker, or null (see namesSpeakerClearly). */
export function readClearReportedOpener(text: string): Opener | null {
  const opener = readReportedOpener(text);
  return opener && namesSpeakerClearly(opener, text) ? opener : null;
}
