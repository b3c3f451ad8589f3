/**
 * Minutes as plain text in the published record's own convention ("Peru. We give ...", bullets
 * as "  • item", headings on their own line), so `parseText(exportText(r))` gives back `r`.
 * Attendance and date are left out on purpose: they are not part of that convention and would
 * read back as statements.
 */
import { bulletLines, headingLine, openerLine, type ParsedRecord, parseText } from '@rapporteur/shared/record';
import { hasSummary, SUMMARY_HEADING, type Summary } from './summary.ts';

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The title line: the title itself, or the breadcrumb form when it would not read as a title. */
function titleLine(title: string): string {
  const t = oneLine(title);
  return parseText(t).title === t ? t : `Home » ${t}`;
}

/**
 * Render a parsed record (or a session read with `recordFromDoc`) as plain text. With a summary
 * that lists anything, it ends with that heading and its Action and Decision lines (which read
 * back as a section of plain paragraphs).
 */
export function exportText(record: ParsedRecord, summary?: Summary): string {
  const out: string[] = [titleLine(record.title)];
  for (const section of record.sections) {
    if (section.heading !== null) out.push(headingLine(section.heading));
    for (const block of section.blocks) {
      const paragraphs = block.paragraphs.map((p) => (p.includes('\n') ? bulletLines(p) : oneLine(p))).filter(Boolean);
      if (block.speaker === '') {
        out.push(...paragraphs);
        continue;
      }
      const firstIsText = block.paragraphs[0] !== undefined && !block.paragraphs[0].includes('\n');
      if (firstIsText) out.push(openerLine(block, paragraphs[0]!), ...paragraphs.slice(1));
      else out.push(openerLine(block, ''), ...paragraphs);
    }
  }
  if (summary && hasSummary(summary)) {
    // a heading in capitals, as the published records write "MORNING SESSION": no Markdown "##"
    // in plain text (issue 13, item 13), and it reads back as a heading all the same
    out.push(SUMMARY_HEADING.toUpperCase(), ...[...summary.actions, ...summary.decisions].map((i) => oneLine(i.line)));
  }
  return `${out.join('\n\n')}\n`;
}
