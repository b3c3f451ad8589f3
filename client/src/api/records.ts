/**
 * Import and export of records: create a session from a plain-text record (with a preview
 * first), and the addresses of a session's exports. Uses its own fetch calls so the request
 * body can be the raw text when it is large.
 */
import type { Session, SessionLinks } from '@rapporteur/shared/api';
import { EXPORT_FORMATS, type ExportFormat, type ParsedRecord, type RecordSummary } from '@rapporteur/shared/record';
import { loadAdminToken } from './credentials.ts';
import { ApiRequestError } from './http.ts';

export { EXPORT_FORMATS, type ExportFormat, type ParsedRecord, type RecordSummary };

/** What the server made of a text. */
export interface ImportPreview {
  record: ParsedRecord;
  summary: RecordSummary;
}

/** A session created from a text, with its links (shown this once) and the parse it was made from. */
export interface ImportResult extends ImportPreview {
  session: Session & { links: SessionLinks };
}

/** What an import sends: the text to read, or the record corrected in the preview. */
export type ImportInput = ({ text: string; record?: undefined } | { record: ParsedRecord; text?: undefined }) & {
  title?: string;
};

async function postImport<T>(path: string, input: ImportInput, signal?: AbortSignal): Promise<T> {
  const token = loadAdminToken();
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      signal,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({
        ...(input.record ? { record: input.record } : { text: input.text }),
        ...(input.title?.trim() ? { title: input.title.trim() } : {}),
      }),
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiRequestError('Cannot reach the server. Check your connection and try again.', 0, 'network');
  }
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) {
    throw new ApiRequestError(
      body?.error?.message ?? `The server answered ${res.status} ${res.statusText}.`,
      res.status,
      body?.error?.code ?? 'http',
    );
  }
  if (body === null)
    throw new ApiRequestError('The server sent an answer that is not JSON.', res.status, 'bad_response');
  return body as T;
}

/** Parse a text on the server without creating anything (the same parser the import uses). */
export function previewImport(text: string, signal?: AbortSignal): Promise<ImportPreview> {
  return postImport('/api/sessions/import?dryRun=1', { text }, signal);
}

/** Create a session from a text or a corrected record; `title` overrides the one read from the text. */
export function importRecord(input: ImportInput): Promise<ImportResult> {
  return postImport('/api/sessions/import', input);
}

/** How each export is offered to people. */
export const EXPORT_LABELS: Record<ExportFormat, { label: string; description: string }> = {
  md: { label: 'Markdown', description: 'for wikis and repositories' },
  html: { label: 'HTML', description: 'a standalone page that prints well' },
  txt: { label: 'Plain text', description: 'in the published record convention' },
  docx: { label: 'Word', description: '.docx for editing and circulation' },
  json: { label: 'JSON', description: 'the structured record, for tools' },
};

/**
 * The address of a session's export. The token rides in the query because a download link
 * cannot carry a header; `inline` shows HTML in the browser (the print view) instead of saving it.
 */
export function exportUrl(
  sessionId: string,
  format: ExportFormat,
  opts: { token?: string | null; inline?: boolean } = {},
): string {
  const params = new URLSearchParams({ format });
  if (opts.inline) params.set('disposition', 'inline');
  const token = opts.token ?? loadAdminToken();
  if (token) params.set('token', token);
  return `/api/sessions/${encodeURIComponent(sessionId)}/export?${params.toString()}`;
}
