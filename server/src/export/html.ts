/**
 * Minutes as a standalone HTML page that prints well. Every user string goes through
 * `escapeHtml`; the page carries no script and a Content-Security-Policy that forbids any, so
 * even a missed escape could not run code. No user string ever lands in a URL attribute.
 */
import type { BodyPart } from '@rapporteur/shared/blocks';
import { type Minutes, speakerLine } from './minutes.ts';
import { hasSummary, SUMMARY_HEADING, type Summary, type SummaryItem } from './summary.ts';

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The policy both the page's meta tag and the route's header carry. */
export const HTML_EXPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE = `
  :root { color-scheme: light; }
  body { font: 16px/1.55 Georgia, 'Times New Roman', serif; color: #111; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
  header { border-bottom: 2px solid #111; margin-bottom: 1.5rem; }
  h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .4rem; }
  .date { margin: 0 0 .8rem; color: #333; }
  h2 { font-size: 1.2rem; margin: 2rem 0 .8rem; border-bottom: 1px solid #999; padding-bottom: .2rem; }
  dl.attendance { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
  dl.attendance dt { font-weight: bold; }
  dl.attendance dd { margin: 0; }
  .statement { margin: 0 0 1.1rem; }
  .statement p, .note p { margin: 0 0 .6rem; }
  .speaker { font-weight: bold; }
  .context { color: #555; }
  ul, ol { margin: 0 0 .6rem; padding-left: 1.5rem; }
  footer { margin-top: 2.5rem; font-size: .8rem; color: #555; }
  @page { size: A4; margin: 2cm 2cm 2.2cm; }
  @media print {
    body { font-size: 11pt; max-width: none; margin: 0; padding: 0; }
    h2 { break-after: avoid; page-break-after: avoid; }
    .statement > p:first-child { break-after: avoid; }
    p, li { orphans: 3; widows: 3; }
    dl.attendance { break-inside: avoid; }
  }
`;

/** A paragraph's line breaks as <br>. */
const lines = (text: string) => text.split('\n').map(escapeHtml).join('<br>');

function bodyHtml(body: BodyPart[], opener?: string): string {
  const out: string[] = [];
  let pendingOpener = opener;
  for (const part of body) {
    if (part.type === 'paragraph') {
      if (!part.text.trim()) continue;
      out.push(`<p>${pendingOpener ?? ''}${pendingOpener ? ' ' : ''}${lines(part.text.trim())}</p>`);
      pendingOpener = undefined;
      continue;
    }
    const items = part.items.filter((i) => i.trim());
    if (!items.length) continue;
    if (pendingOpener) out.push(`<p>${pendingOpener}</p>`);
    pendingOpener = undefined;
    const tag = part.ordered ? 'ol' : 'ul';
    out.push(`<${tag}>${items.map((i) => `<li>${lines(i.trim())}</li>`).join('')}</${tag}>`);
  }
  if (pendingOpener) out.push(`<p>${pendingOpener}</p>`);
  return out.join('\n');
}

/** Block ids come from the document (any client can write them): keep only safe characters. */
const safeId = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 80);

/** The closing summary: actions and decisions as lists, each with where it was recorded. */
function summaryHtml(summary: Summary): string {
  const list = (items: SummaryItem[]) =>
    `<ul>${items
      .map(
        (i) =>
          `<li>${escapeHtml(i.line)}${i.context ? ` <span class="context">(${escapeHtml(i.context)})</span>` : ''}</li>`,
      )
      .join('')}</ul>`;
  const parts = [`<section class="summary"><h2>${escapeHtml(SUMMARY_HEADING)}</h2>`];
  if (summary.actions.length) parts.push(`<h3>Actions</h3>${list(summary.actions)}`);
  if (summary.decisions.length) parts.push(`<h3>Decisions</h3>${list(summary.decisions)}`);
  return `${parts.join('\n')}\n</section>`;
}

/** Render minutes as a standalone HTML document. */
export function exportHtml(minutes: Minutes): string {
  const parts: string[] = [];
  if (minutes.attendance.length) {
    const rows = minutes.attendance
      .map((g) => `<dt>${escapeHtml(g.label)}</dt><dd>${g.names.map(escapeHtml).join('; ')}</dd>`)
      .join('\n');
    parts.push(`<section class="attendance-list"><h2>Attendance</h2><dl class="attendance">\n${rows}\n</dl></section>`);
  }
  // statements get a heading of their own when anything (attendance, agenda items) stands beside them
  const headed = minutes.attendance.length > 0 || minutes.sections.some((s) => s.heading !== null);
  for (const section of minutes.sections) {
    const title = section.heading !== null ? section.heading.trim() || 'Untitled item' : headed ? 'Statements' : null;
    const entries = section.entries.map((entry) => {
      if (entry.type === 'note') return `<div class="note">${bodyHtml(entry.body)}</div>`;
      const b = entry.block;
      const opener = `<span class="speaker">${escapeHtml(speakerLine(b).replace(/[.:]$/, ''))}.</span>`;
      return `<article class="statement" id="block-${safeId(b.id)}" data-kind="${escapeHtml(b.kind)}">\n${bodyHtml(b.body, opener)}\n</article>`;
    });
    parts.push(`<section>${title !== null ? `<h2>${escapeHtml(title)}</h2>` : ''}\n${entries.join('\n')}\n</section>`);
  }
  if (hasSummary(minutes.summary)) parts.push(summaryHtml(minutes.summary));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(HTML_EXPORT_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(minutes.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(minutes.title)}</h1>
${minutes.dateLabel ? `<p class="date"><time datetime="${escapeHtml(minutes.date)}">${escapeHtml(minutes.dateLabel)}</time></p>` : ''}
</header>
<main>
${parts.join('\n')}
</main>
<footer>Minutes exported from Rapporteur (${escapeHtml(minutes.status)}).</footer>
</body>
</html>
`;
}
