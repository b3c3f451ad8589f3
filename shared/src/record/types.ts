import type { SpeakerKind } from '../schema/attributes.ts';

/** One speaker's statement as read from a plain-text record. */
export interface ParsedBlock {
  /** Who spoke, as the record names them ("Malta", "Mr. Okonkwo", "MEXICO"); '' for text that belongs to no speaker. */
  speaker: string;
  /** The organisation a named person speaks for ("UNODC", "Ghana"), or null. */
  affiliation: string | null;
  /** The group a delegation speaks for ("European Union"), or null. */
  onBehalfOf: string | null;
  /** Paragraphs in order; a bullet list counts as one paragraph, its items joined by "\n". */
  paragraphs: string[];
  /** What the record says after the name ("right of reply", "spoke in Spanish", "Observer"): never part of the name. */
  qualifiers?: string[];
  /** Speaker kind when known; otherwise it is worked out from the names on import. */
  kind?: SpeakerKind;
}

/** How sure the reader is of a block's speaker and extent: 0 (a guess) to 1 (certain). */
export type Confidence = number;

/** A block as `parseText` reads it: the structure, plus what the reader made of it. */
export interface ReadBlock extends ParsedBlock {
  qualifiers: string[];
  /** Speaker kind, from the registry when the name is in it, otherwise guessed from the name's shape. */
  kind: SpeakerKind;
  /** The registry's name for the speaker ("Russian Federation" for "RUSSIA"), or null when not in the registry. */
  canonical: string | null;
  confidence: Confidence;
  /** Why the confidence is what it is, in words a person checking the import understands. */
  reason: string;
}

/** A part of the meeting: an optional heading ("MORNING SESSION", "Agenda item 3") and its blocks. */
export interface ParsedSection {
  heading: string | null;
  blocks: ParsedBlock[];
}

/** A section as `parseText` reads it. */
export interface ReadSection extends ParsedSection {
  blocks: ReadBlock[];
}

/** Front matter (of a UN summary record, or the masthead of any record): what the document is, kept out of the statements. */
export interface FrontMatter {
  /** The document symbol ("E/CN.7/2017/SR.3"). */
  symbol?: string;
  /** The body that met ("Commission on Narcotic Drugs"). */
  body?: string;
  session?: string;
  /** "Summary record of the 3rd meeting". */
  meeting?: string;
  /** "Held at Headquarters, New York, on Monday, 2 March 2020, at 10 a.m." */
  held?: string;
  /** Who presided, as written after "Chair:" ("Ms. Bird (Australia)"). */
  chair?: string;
  /** The agenda items listed under "Contents". */
  contents?: string[];
}

/** A whole record: the structure `rapporteur parse` prints and the import creates a session from. */
export interface ParsedRecord {
  title: string;
  sections: ParsedSection[];
}

/** A record as `parseText` reads it: the structure plus the reader's notes about it. */
export interface ReadRecord extends ParsedRecord {
  sections: ReadSection[];
  /** Things a person should check before importing (uncertain blocks, unrecognised text). */
  warnings: string[];
  /** Present for UN summary records, and for other records whose first lines name who presided or where it was held. */
  frontMatter?: FrontMatter;
}
