import type { SpeakerKind } from '../schema/attributes.ts';

/**
 * What kind of speaker a registry entry is. Finer than the block's SpeakerKind: observer States
 * and groups ("on behalf of") are told apart, and named people are their own kind.
 */
export const REGISTRY_KINDS = [
  'member-state',
  'observer-state',
  'un-entity',
  'intergovernmental',
  'group',
  'civil-society',
  'person',
  'chair',
  'other',
] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

/** One entry of the built-in directory, typed in by hand in ./data. */
export interface SeedEntry {
  /** Stable key across releases ("state:RUS", "un:UNODC"): seeding upserts by it. */
  key: string;
  /** The official short name ("Russian Federation", "Iran (Islamic Republic of)"). */
  name: string;
  kind: RegistryKind;
  /** Short forms and common names people type ("Russia", "US", "EU"). */
  aliases: readonly string[];
}

/** Anything the matcher can rank: a name, its aliases and a kind. */
export interface Matchable {
  name: string;
  aliases: readonly string[];
  kind: RegistryKind;
}

/**
 * The speaker-block kind a registry kind stands for. Observer States are listed with the States
 * (as the importer's guessKind does); a group only speaks through a delegation, so it counts as
 * intergovernmental if ever used as a speaker; a named person is 'other' until the editor says.
 */
export function speakerKindOf(kind: RegistryKind): SpeakerKind {
  switch (kind) {
    case 'member-state':
    case 'observer-state':
      return 'member-state';
    case 'group':
      return 'intergovernmental';
    case 'person':
      return 'other';
    default:
      return kind;
  }
}
