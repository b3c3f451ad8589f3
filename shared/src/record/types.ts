/** One speaker's statement as read from a plain-text record. */
export interface ParsedBlock {
  /** Who spoke ("Malta", "Alexis Fishincker", "Brazil (right of reply)"); '' for text before any speaker. */
  speaker: string;
  /** The organisation a named person speaks for ("UNODC"), or null. */
  affiliation: string | null;
  /** The group a delegation speaks for ("European Union"), or null. */
  onBehalfOf: string | null;
  /** Paragraphs in order; a bullet list counts as one paragraph, its items joined by "\n". */
  paragraphs: string[];
}

/** A part of the meeting: an optional heading ("MORNING SESSION", "Agenda item 3") and its blocks. */
export interface ParsedSection {
  heading: string | null;
  blocks: ParsedBlock[];
}

/** A whole record: the structure `rapporteur parse` prints and the import creates a session from. */
export interface ParsedRecord {
  title: string;
  sections: ParsedSection[];
}
