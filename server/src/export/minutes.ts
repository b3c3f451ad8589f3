/**
 * The minutes of a session as every exporter sees them: title, date, attendance (distinct
 * speakers grouped by kind), then agenda items in order with each speaker's statement.
 */
import { SPEAKER_KINDS, type SpeakerKind } from '@rapporteur/shared/schema/attributes';
import { baseSpeaker, type DocSection, readSections, takesArticle } from '@rapporteur/shared/record';
import { extractRecord } from '@rapporteur/shared/blocks';
import type * as Y from 'yjs';
import { type Summary, summaryOf } from './summary.ts';

/** What the exporters need to know about the session itself. */
export interface MinutesSession {
  id: string;
  title: string;
  status: string;
  /** ISO timestamp of the meeting's start. */
  startsAt: string;
}

/** One group of the attendance list. */
export interface AttendanceGroup {
  kind: SpeakerKind;
  label: string;
  names: string[];
}

/** Everything an exporter renders. */
export interface Minutes {
  sessionId: string;
  title: string;
  status: string;
  /** The meeting's date, YYYY-MM-DD (UTC). */
  date: string;
  /** The date for people: "24 January 2017". */
  dateLabel: string;
  attendance: AttendanceGroup[];
  sections: DocSection[];
  /** Actions and decisions, for the closing summary (rendered only when not empty). */
  summary: Summary;
}

/** Headings of the attendance groups, in the order SPEAKER_KINDS lists them. */
export const KIND_LABELS: Record<SpeakerKind, string> = {
  chair: 'Chair',
  'member-state': 'Member States',
  'un-entity': 'United Nations entities',
  intergovernmental: 'Intergovernmental organisations',
  'civil-society': 'Civil society',
  panellist: 'Panellists',
  other: 'Other speakers',
};

/** Attendance: each distinct speaker once (a right of reply is the same delegation), by kind. */
export function attendanceOf(sections: DocSection[]): AttendanceGroup[] {
  const byKind = new Map<SpeakerKind, Map<string, string>>();
  for (const section of sections) {
    for (const entry of section.entries) {
      if (entry.type !== 'statement') continue;
      const { speaker, affiliation, kind } = entry.block;
      const name = baseSpeaker(speaker);
      if (!name) continue;
      const shown = affiliation ? `${name}, ${affiliation}` : name;
      const names = byKind.get(kind) ?? new Map<string, string>();
      names.set(shown.toLowerCase(), names.get(shown.toLowerCase()) ?? shown);
      byKind.set(kind, names);
    }
  }
  return SPEAKER_KINDS.filter((k) => byKind.has(k)).map((kind) => ({
    kind,
    label: KIND_LABELS[kind],
    names: [...byKind.get(kind)!.values()].sort((a, b) => a.localeCompare(b, 'en')),
  }));
}

/** Build the minutes of a session from its document. */
export function buildMinutes(session: MinutesSession, doc: Y.Doc): Minutes {
  const sections = readSections(doc);
  const start = new Date(session.startsAt);
  const valid = !Number.isNaN(start.getTime());
  return {
    sessionId: session.id,
    title: session.title,
    status: session.status,
    date: valid ? start.toISOString().slice(0, 10) : '',
    dateLabel: valid
      ? start.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
      : '',
    attendance: attendanceOf(sections),
    sections,
    summary: summaryOf(extractRecord(doc)),
  };
}

/** "Malta, on behalf of the European Union": who spoke, as the minutes introduce a statement. */
export function speakerLine(block: { speaker: string; affiliation: string; onBehalfOf: string }): string {
  const parts = [block.speaker.trim() || 'Unnamed speaker'];
  if (block.affiliation.trim()) parts.push(block.affiliation.trim());
  const group = block.onBehalfOf.trim();
  if (group) parts.push(`on behalf of ${takesArticle(group) ? 'the ' : ''}${group}`);
  return parts.join(', ').replace(/\s+/g, ' ');
}

/** Filename-safe stem: the title's ASCII words and the date ("cnd-intersessional-24-january-2017"). */
export function fileStem(minutes: Pick<Minutes, 'title' | 'date'>): string {
  const words = minutes.title
    .normalize('NFKD')
    .replace(/[^\x20-\x7E]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // at most ~50 characters, cut between words
  const short = words.length <= 50 ? words : words.slice(0, 51).replace(/-[^-]*$/, '');
  return [short || 'minutes', minutes.date].filter(Boolean).join('-');
}
