/**
 * Minutes as Markdown. Every user string is escaped so that it renders as the text it is:
 * no raw HTML (`<script>`), no links or images (`[x](javascript:...)`), no emphasis or headings
 * smuggled in through a speaker's name.
 */
import type { BodyPart } from '@rapporteur/shared/blocks';
import { type Minutes, speakerLine } from './minutes.ts';
import { hasSummary, SUMMARY_HEADING, type SummaryItem } from './summary.ts';

/** Escape inline Markdown: backslash-escape every character CommonMark/GFM give a meaning to. */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\`*_[\]<>#!|~&]/g, (ch) => `\\${ch}`)
      // block syntax only counts at the start of a line: list markers, ordered lists, setext lines
      .replace(/^(\s*)([-+=])/gm, '$1\\$2')
      .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
  );
}

/** A single-line field (a name, a heading): newlines become spaces before escaping. */
const inline = (text: string) => escapeMarkdown(text.replace(/\s+/g, ' ').trim());

/** A paragraph: its own line breaks kept as hard breaks. */
function paragraph(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeMarkdown(line.trim()))
    .join('\\\n');
}

/** Body parts as Markdown blocks, each marked as a list or not. */
function bodyMarkdown(body: BodyPart[]): { md: string; list: boolean }[] {
  return body.flatMap((part): { md: string; list: boolean }[] => {
    if (part.type === 'paragraph') return part.text.trim() ? [{ md: paragraph(part.text), list: false }] : [];
    const items = part.items.filter((i) => i.trim());
    if (!items.length) return [];
    const md = items.map((item, n) => `${part.ordered ? `${n + 1}.` : '-'} ${paragraph(item)}`).join('\n');
    return [{ md, list: true }];
  });
}

/** Render minutes as a Markdown document. */
export function exportMarkdown(minutes: Minutes): string {
  const out: string[] = [`# ${inline(minutes.title)}`];
  if (minutes.dateLabel) out.push(`**Date:** ${inline(minutes.dateLabel)}`);
  if (minutes.attendance.length) {
    out.push('## Attendance');
    for (const group of minutes.attendance) {
      out.push(`**${inline(group.label)}:** ${group.names.map(inline).join('; ')}`);
    }
  }
  const headed = minutes.sections.some((s) => s.heading !== null);
  for (const section of minutes.sections) {
    if (section.heading !== null) out.push(`## ${inline(section.heading) || 'Untitled item'}`);
    else if (headed || minutes.attendance.length) out.push('## Statements');
    for (const entry of section.entries) {
      if (entry.type === 'note') {
        out.push(...bodyMarkdown(entry.body).map((b) => b.md));
        continue;
      }
      const parts = bodyMarkdown(entry.block.body);
      const who = `**${inline(speakerLine(entry.block).replace(/[.:]$/, ''))}.**`;
      // the record's own convention: the opener runs into the first paragraph (not into a list)
      if (parts[0] && !parts[0].list) parts[0] = { md: `${who} ${parts[0].md}`, list: false };
      else parts.unshift({ md: who, list: false });
      out.push(...parts.map((b) => b.md));
    }
  }
  if (hasSummary(minutes.summary)) out.push(...summaryMarkdown(minutes.summary.actions, minutes.summary.decisions));
  return `${out.join('\n\n')}\n`;
}

/** The closing summary: a heading, then one list of actions and one of decisions. */
function summaryMarkdown(actions: SummaryItem[], decisions: SummaryItem[]): string[] {
  const item = (i: SummaryItem) => `- ${inline(i.line)}${i.context ? ` (${inline(i.context)})` : ''}`;
  const out = [`## ${SUMMARY_HEADING}`];
  if (actions.length) out.push('### Actions', actions.map(item).join('\n'));
  if (decisions.length) out.push('### Decisions', decisions.map(item).join('\n'));
  return out;
}
