/** Render a session's minutes in any export format, with the HTTP metadata each needs. */
import type { ExportFormat } from '@rapporteur/shared/record';
import { recordFromDoc } from '@rapporteur/shared/record';
import type * as Y from 'yjs';
import { exportHtml } from './html.ts';
import { exportJson } from './json.ts';
import { exportMarkdown } from './markdown.ts';
import { buildMinutes, fileStem, type Minutes, type MinutesSession } from './minutes.ts';
import { exportText } from './text.ts';

/** A rendered export. */
export interface RenderedExport {
  body: string | Uint8Array;
  contentType: string;
  filename: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json; charset=utf-8',
};

/** Renders one format from the minutes, and from the document for formats that read it directly. */
type Renderer = (minutes: Minutes, session: MinutesSession, doc: Y.Doc) => string | Uint8Array | Promise<Uint8Array>;

/** One renderer per format: a format added to ExportFormat does not compile until it is rendered here. */
const RENDERERS: Record<ExportFormat, Renderer> = {
  md: (minutes) => exportMarkdown(minutes),
  html: (minutes) => exportHtml(minutes),
  // txt follows the record convention, read straight from the same document
  txt: (minutes, session, doc) => exportText(recordFromDoc(doc, session.title), minutes.summary),
  json: (minutes) => exportJson(minutes),
  // the docx library is large: loaded on the first Word export, not at start-up
  docx: async (minutes) => (await import('./docx.ts')).exportDocx(minutes),
};

/** Render the session's document in `format`. Reads the doc synchronously (safe on a live room's doc). */
export async function renderExport(format: ExportFormat, session: MinutesSession, doc: Y.Doc): Promise<RenderedExport> {
  const minutes = buildMinutes(session, doc);
  const body = await RENDERERS[format](minutes, session, doc);
  return { body, contentType: CONTENT_TYPES[format], filename: `${fileStem(minutes)}.${format}` };
}

export { escapeHtml, exportHtml, HTML_EXPORT_CSP } from './html.ts';
export { exportJson } from './json.ts';
export { escapeMarkdown, exportMarkdown } from './markdown.ts';
export { buildMinutes, type Minutes, type MinutesSession } from './minutes.ts';
export { exportText } from './text.ts';
export { hasSummary, SUMMARY_HEADING, type Summary, type SummaryItem, summaryOf } from './summary.ts';
