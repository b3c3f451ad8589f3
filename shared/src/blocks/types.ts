import type { SpeakerBlockAttrs } from '../schema/attributes.ts';

/** A unit of body text: a paragraph, or a list whose items are plain strings. */
export type BodyPart = { type: 'paragraph'; text: string } | { type: 'list'; ordered: boolean; items: string[] };

/** An agenda item heading as it stands in the document. */
export interface AgendaItemRecord {
  id: string;
  position: number;
  title: string;
}

/**
 * A speaker block extracted from the document, ready for projection, export and tests: its
 * header attributes (the id made unique, names trimmed) and where and what it says. The
 * coordination attributes (who opened it, changed since review) stay in the live document.
 */
export interface SpeakerBlockRecord extends Omit<SpeakerBlockAttrs, 'openedBy' | 'changedBy' | 'changedAt'> {
  /** Index among the speaker blocks of the document (0-based). */
  position: number;
  agendaItemId: string | null;
  body: BodyPart[];
  /** The body as plain text: paragraphs separated by blank lines, list items by newlines. */
  text: string;
  wordCount: number;
}

/** Where an action item or decision stands: its agenda item, and its speaker block if any. */
interface Placed {
  id: string;
  /** Index among the actions (or decisions) of the document (0-based). */
  position: number;
  agendaItemId: string | null;
  /** The speaker block it is part of, or null when it stands on its own under an agenda item. */
  blockId: string | null;
  text: string;
}

/** An action item (W3C "ACTION:"): who does what by when. */
export interface ActionRecord extends Placed {
  owner: string;
  /** ISO date (YYYY-MM-DD) or '' when none was given. */
  due: string;
}

/** A decision the meeting took (W3C "RESOLUTION:"). */
export type DecisionRecord = Placed;

/** Everything extracted from one session document, in document order. */
export interface RecordContent {
  agendaItems: AgendaItemRecord[];
  blocks: SpeakerBlockRecord[];
  /** Top-level paragraphs and lists that belong to no speaker, with the agenda item they follow. */
  loose: { agendaItemId: string | null; part: BodyPart }[];
  /** Action items anywhere in the document (also shown in their block's body as "Action:" lines). */
  actions: ActionRecord[];
  /** Decisions anywhere in the document (also shown in their block's body as "Decision:" lines). */
  decisions: DecisionRecord[];
}
