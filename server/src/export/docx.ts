/**
 * Minutes as a Word document through the `docx` library, which writes the XML itself (so text
 * is escaped there). Characters XML 1.0 forbids are removed first: they would make Word refuse
 * the whole file.
 */
import type { BodyPart } from '@rapporteur/shared/blocks';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { type Minutes, speakerLine } from './minutes.ts';
import { hasSummary, SUMMARY_HEADING, type SummaryItem } from './summary.ts';

/** Whether a code point is a Char of XML 1.0 (§2.2): tab, newlines, and the ranges below. */
const isXmlChar = (c: number) =>
  c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;

/** Drop characters that may not appear in XML 1.0 (controls, non-characters, lone surrogates). */
export function xmlSafe(text: string): string {
  let out = '';
  // iterating a string yields code points; a lone surrogate comes out on its own and is dropped
  for (const ch of text) if (isXmlChar(ch.codePointAt(0)!)) out += ch;
  return out;
}

/** Text runs for a paragraph, its line breaks kept. */
function runs(text: string, opts: { bold?: boolean } = {}): TextRun[] {
  return xmlSafe(text)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, bold: opts.bold, break: i > 0 ? 1 : undefined }));
}

function bodyParagraphs(body: BodyPart[], opener?: string): Paragraph[] {
  const out: Paragraph[] = [];
  let pending = opener;
  const spacing = { after: 120 };
  for (const part of body) {
    if (part.type === 'paragraph') {
      if (!part.text.trim()) continue;
      const lead = pending ? [new TextRun({ text: `${xmlSafe(pending)} `, bold: true })] : [];
      out.push(new Paragraph({ children: [...lead, ...runs(part.text.trim())], spacing }));
      pending = undefined;
      continue;
    }
    if (pending) out.push(new Paragraph({ children: runs(pending, { bold: true }), spacing, keepNext: true }));
    pending = undefined;
    part.items
      .filter((i) => i.trim())
      .forEach((item, n) => {
        // numbered items keep their number in the text: docx numbering needs a document-wide definition
        const text = part.ordered ? `${n + 1}. ${item.trim()}` : item.trim();
        out.push(new Paragraph({ children: runs(text), bullet: part.ordered ? undefined : { level: 0 }, spacing }));
      });
  }
  if (pending) out.push(new Paragraph({ children: runs(pending, { bold: true }), spacing }));
  return out;
}

/** Render minutes as a .docx file. */
export async function exportDocx(minutes: Minutes): Promise<Uint8Array> {
  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: runs(minutes.title) })];
  if (minutes.dateLabel) children.push(new Paragraph({ children: runs(minutes.dateLabel) }));
  if (minutes.attendance.length) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Attendance' }));
    for (const group of minutes.attendance) {
      children.push(
        new Paragraph({
          children: [new TextRun({ text: `${group.label}: `, bold: true }), ...runs(group.names.join('; '))],
          spacing: { after: 80 },
        }),
      );
    }
  }
  // statements get a heading of their own when anything (attendance, agenda items) stands beside them
  const headed = minutes.attendance.length > 0 || minutes.sections.some((s) => s.heading !== null);
  for (const section of minutes.sections) {
    const title = section.heading !== null ? section.heading.trim() || 'Untitled item' : headed ? 'Statements' : null;
    if (title !== null) children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs(title) }));
    for (const entry of section.entries) {
      if (entry.type === 'note') children.push(...bodyParagraphs(entry.body));
      else children.push(...bodyParagraphs(entry.block.body, `${speakerLine(entry.block).replace(/[.:]$/, '')}.`));
    }
  }
  if (hasSummary(minutes.summary)) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs(SUMMARY_HEADING) }));
    const item = (i: SummaryItem) =>
      new Paragraph({
        children: [
          ...runs(i.line),
          ...(i.context ? [new TextRun({ text: ` (${xmlSafe(i.context)})`, italics: true })] : []),
        ],
        bullet: { level: 0 },
        spacing: { after: 80 },
      });
    for (const [label, items] of [
      ['Actions', minutes.summary.actions],
      ['Decisions', minutes.summary.decisions],
    ] as const) {
      if (!items.length) continue;
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: runs(label) }), ...items.map(item));
    }
  }
  const doc = new Document({
    creator: 'Rapporteur',
    title: xmlSafe(minutes.title),
    description: `Minutes (${minutes.status})`,
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
