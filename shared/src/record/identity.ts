/**
 * Who a block's speaker is, and how sure the reader is: the speaker matched against the built-in
 * registry (short forms, a leading "the", case and accents folded) for its kind and canonical
 * name, and a confidence with its reason. The record's own words are never changed here.
 */
import { speakerKindOf } from '../registry/types.ts';
import type { SpeakerKind } from '../schema/attributes.ts';
import { guessKind } from './kind.ts';
import { isAcronym, isPersonName, isTitledPerson } from './nameShape.ts';
import { isKnownName } from './names.ts';
import type { OpenerForm } from './opener.ts';
import { registryEntryFor } from './registryIndex.ts';

/** Blocks below this confidence are shown first in the import preview for a person to check. */
export const UNCERTAIN_BELOW = 0.7;

/** What the reader makes of a speaker. */
export interface Identity {
  kind: SpeakerKind;
  canonical: string | null;
  confidence: number;
  reason: string;
}

const registryEntry = registryEntryFor;

/** The registry's entry for a speaker name, if it holds one. */
export function registryNameOf(name: string): string | null {
  return registryEntry(name)?.name ?? null;
}

/** Identify a speaker and say how sure the reading is; `form` is how the opener was written. */
export function identify(
  who: { speaker: string; affiliation: string | null; onBehalfOf: string | null },
  form: OpenerForm | null,
): Identity {
  const entry = registryEntry(who.speaker);
  const guessed = guessKind(who);
  const org = registryEntry(who.affiliation);
  const kind: SpeakerKind = entry
    ? speakerKindOf(entry.kind)
    : org && (guessed === 'civil-society' || guessed === 'other')
      ? speakerKindOf(org.kind)
      : guessed;
  const canonical = entry?.name ?? null;
  let confidence: number;
  let reason: string;
  if (entry || isKnownName(who.speaker)) {
    confidence = 0.95;
    reason = canonical && canonical !== who.speaker ? `known speaker (registry name: ${canonical})` : 'known speaker';
  } else if (who.affiliation) {
    const known = org || isKnownName(who.affiliation);
    confidence = known ? 0.9 : 0.8;
    reason = known ? 'a person with a known affiliation' : 'a name and affiliation read by their shape';
  } else if (isTitledPerson(who.speaker) || isPersonName(who.speaker)) {
    confidence = 0.75;
    reason = "a person's name, without an affiliation";
  } else if (isAcronym(who.speaker)) {
    confidence = 0.7;
    reason = 'an acronym the registry does not hold';
  } else {
    confidence = 0.55;
    reason = 'a name the registry does not hold';
  }
  if (form === 'bare') {
    confidence = Math.min(confidence, 0.6);
    reason += '; the opener has no period or colon';
  }
  return { kind, canonical, confidence, reason };
}
