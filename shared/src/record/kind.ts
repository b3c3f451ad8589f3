import type { SpeakerKind } from '../schema/attributes.ts';
import { categoryOf } from './names.ts';

/** A speaker name without its qualifier: "Brazil (right of reply)" → "Brazil". */
export function baseSpeaker(speaker: string): string {
  return speaker.replace(/\s*\([^()]*\)\s*$/, '').trim();
}

/**
 * Guess a speaker's kind from the built-in lists: the chair, a member state, a UN entity
 * (also for a person whose affiliation is one), intergovernmental bodies, and otherwise a
 * person speaking for an organisation is taken to be civil society. Editors can correct it.
 */
export function guessKind(who: { speaker: string; affiliation: string | null }): SpeakerKind {
  const own = categoryOf(baseSpeaker(who.speaker));
  if (own === 'chair' || own === 'member-state' || own === 'un-entity') return own;
  const affiliation = who.affiliation?.trim() ?? '';
  // "UNODC Regional Office for ..." is still UNODC: look at the whole name, then its first word
  const org = affiliation ? (categoryOf(affiliation) ?? categoryOf(affiliation.split(/[\s,]+/)[0]!)) : null;
  if (org && org !== 'chair') return org;
  if (own) return own;
  return affiliation ? 'civil-society' : 'other';
}
