/**
 * Minutes as plain text in the published record's own convention ("Peru. We give ...", bullets
 * as "  • item", headings on their own line), so `parseText(exportText(r))` gives back `r`. The
 * style itself is one of the importer's house styles (shared/src/record/styles/plain.ts).
 * Attendance and date are left out on purpose: they are not part of that convention and would
 * read back as statements.
 */
import { oneLine, type ParsedRecord, renderPlain } from '@rapporteur/shared/record';
import { hasSummary, SUMMARY_HEADING, type Summary } from './summary.ts';

/**
 * Render a parsed record (or a session read with `recordFromDoc`) as plain text. With a summary
 * that lists anything, it ends with that heading and its Action and Decision lines (which read
 * back as a section of plain paragraphs).
 */
export function exportText(record: ParsedRecord, summary?: Summary): string {
  // the summary heading in capitals, as published records write "MORNING SESSION": no Markdown
  // "##" in plain text (issue 13, item 13), and it reads back as a heading all the same
  const trailer =
    summary && hasSummary(summary)
      ? [SUMMARY_HEADING.toUpperCase(), ...[...summary.actions, ...summary.decisions].map((i) => oneLine(i.line))]
      : [];
  return renderPlain(record, trailer);
}
