/**
 * Minutes as JSON: the parse format (`title`, `sections[].heading`, `blocks[]` with speaker,
 * affiliation, onBehalfOf, paragraphs) extended with what the document knows besides (ids,
 * kinds, review status, times, word counts, attendance), so it can be read by the same tools.
 */
import { bodyToParagraphs } from '@rapporteur/shared/record';
import type { Minutes } from './minutes.ts';

/** Render minutes as a JSON document (pretty-printed, newline-terminated). */
export function exportJson(minutes: Minutes): string {
  const sections = minutes.sections.map((section) => ({
    heading: section.heading,
    blocks: section.entries.map((entry) => {
      if (entry.type === 'note') {
        return { speaker: '', affiliation: null, onBehalfOf: null, paragraphs: bodyToParagraphs(entry.body) };
      }
      const b = entry.block;
      return {
        id: b.id,
        speaker: b.speaker,
        affiliation: b.affiliation || null,
        onBehalfOf: b.onBehalfOf || null,
        kind: b.kind,
        status: b.status,
        startedAt: b.startedAt || null,
        wordCount: b.wordCount,
        paragraphs: bodyToParagraphs(b.body),
      };
    }),
  }));
  const doc = {
    format: 'rapporteur-minutes',
    version: 1,
    sessionId: minutes.sessionId,
    title: minutes.title,
    date: minutes.date || null,
    status: minutes.status,
    attendance: minutes.attendance,
    sections,
    // the closing summary, with the same fields as the document's action items and decisions
    actions: minutes.summary.actions.map(({ id, owner, due, text, context }) => ({ id, owner, due, text, context })),
    decisions: minutes.summary.decisions.map(({ id, text, context }) => ({ id, text, context })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
