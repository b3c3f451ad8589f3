/**
 * Minutes as JSON: the parse format (`title`, `sections[].heading`, `blocks[]` with speaker,
 * affiliation, onBehalfOf, paragraphs) extended with what the document knows besides (ids,
 * kinds, review status, times, word counts, attendance), so it can be read by the same tools.
 * A list stays a list (issue 13, item 13): in `paragraphs` it is `{ list, items }`, never its
 * items joined into one string, which no reader could tell from a paragraph with line breaks.
 */
import type { BodyPart } from '@rapporteur/shared/blocks';
import type { Minutes } from './minutes.ts';

/** One entry of a block's `paragraphs`: a paragraph's text, or a list with its items. */
export type JsonParagraph = string | { list: 'bulleted' | 'numbered'; items: string[] };

/** The body of a block as JSON paragraphs, empty paragraphs and list items left out. */
export function jsonParagraphs(body: BodyPart[]): JsonParagraph[] {
  const out: JsonParagraph[] = [];
  for (const part of body) {
    if (part.type === 'paragraph') {
      if (part.text.trim()) out.push(part.text.trim());
      continue;
    }
    const items = part.items.map((i) => i.trim()).filter(Boolean);
    if (items.length) out.push({ list: part.ordered ? 'numbered' : 'bulleted', items });
  }
  return out;
}

/** Render minutes as a JSON document (pretty-printed, newline-terminated). */
export function exportJson(minutes: Minutes): string {
  const sections = minutes.sections.map((section) => ({
    heading: section.heading,
    blocks: section.entries.map((entry) => {
      if (entry.type === 'note') {
        return { speaker: '', affiliation: null, onBehalfOf: null, paragraphs: jsonParagraphs(entry.body) };
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
        paragraphs: jsonParagraphs(b.body),
      };
    }),
  }));
  const doc = {
    format: 'rapporteur-minutes',
    version: 2, // 2: lists are { list, items } rather than one string joined with "\n"
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
