import { MAX_IMPORT_CHARS, parseText, summarise } from '@rapporteur/shared/record';
import { type ChangeEvent, type FormEvent, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { saveAccess, tokenOfLink } from '../api/credentials.ts';
import { ApiRequestError, errorMessage } from '../api/http.ts';
import { importRecord, type ParsedRecord } from '../api/records.ts';
import { AdminTokenForm } from '../components/AdminTokenForm.tsx';

const PREVIEW_CHARS = 160;

/** The opening of a paragraph for the preview; a bullet list shows its first item. */
function excerpt(paragraph: string | undefined): string {
  if (!paragraph) return '';
  const first = paragraph.split('\n')[0]!;
  return first.length > PREVIEW_CHARS ? `${first.slice(0, PREVIEW_CHARS)}…` : first;
}

/** "Alexis Fishincker, UNODC" / "Malta, on behalf of the European Union". */
function who(block: ParsedRecord['sections'][number]['blocks'][number]): string {
  if (!block.speaker) return 'Text before the first speaker';
  const parts = [block.speaker];
  if (block.affiliation) parts.push(block.affiliation);
  if (block.onBehalfOf) parts.push(`on behalf of ${block.onBehalfOf}`);
  return parts.join(', ');
}

/** What the parser found, section by section: the check before anything is created. */
function Preview({ record }: { record: ParsedRecord }) {
  const summary = summarise(record);
  return (
    <section className="card import-preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      <p>
        <strong>{record.title}</strong>
        {summary.date && <span className="muted"> · meeting date {summary.date}</span>}
      </p>
      <p className="muted" aria-live="polite">
        {summary.blocks} speaker {summary.blocks === 1 ? 'block' : 'blocks'} from {summary.speakers.length}{' '}
        {summary.speakers.length === 1 ? 'speaker' : 'speakers'} in {summary.sections}{' '}
        {summary.sections === 1 ? 'section' : 'sections'}
      </p>
      {summary.blocks === 0 && (
        <p className="notice warn">
          No speakers were recognised. Statements should open with the speaker, as in “Peru. We …”, “Jane Roe, UNODC. …”
          or “Chair: …”.
        </p>
      )}
      {record.sections.map((section, s) => (
        // sections and blocks have no ids before import; their order is their identity here
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div key={s} className="preview-section">
          {section.heading !== null && <h3>{section.heading}</h3>}
          <ol className="preview-blocks">
            {section.blocks.map((block, b) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={b}>
                <strong>{who(block)}</strong>{' '}
                <small className="muted">
                  ({block.paragraphs.length} {block.paragraphs.length === 1 ? 'paragraph' : 'paragraphs'})
                </small>
                <div className="muted">{excerpt(block.paragraphs[0])}</div>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}

/**
 * `/import`: paste a plain-text record or pick a file, check the preview of what was recognised,
 * then create the session from it and open it. The preview runs the same parser in the browser
 * that the server runs on import, so what is shown is what will be created.
 */
export function ImportPage() {
  const [, navigate] = useLocation();
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; needsAdmin: boolean } | null>(null);
  const deferred = useDeferredValue(text);
  const record = useMemo(() => (deferred.trim() ? parseText(deferred) : null), [deferred]);
  const tooLong = text.length > MAX_IMPORT_CHARS;

  useEffect(() => {
    document.title = 'Import a record · Rapporteur';
  }, []);

  async function pickFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setError(null);
    try {
      setText(await file.text());
    } catch (err) {
      setError({ message: `Could not read ${file.name}: ${errorMessage(err)}`, needsAdmin: false });
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || !text.trim() || tooLong) return;
    setBusy(true);
    setError(null);
    try {
      const { session } = await importRecord({ text, title });
      // the links are shown only at creation: keep them, and open the session as its editor
      const token = tokenOfLink(session.links.editor);
      if (token) saveAccess(session.id, { token, links: session.links });
      navigate(`/s/${session.id}`, { state: { created: true } });
    } catch (err) {
      const needsAdmin = err instanceof ApiRequestError && (err.status === 401 || err.status === 403);
      setError({ message: errorMessage(err), needsAdmin });
      setBusy(false);
    }
  }

  return (
    <div className="page import-page">
      <h1>Import a record</h1>
      <form className="card" onSubmit={submit} aria-labelledby="import-heading">
        <h2 id="import-heading">Text of the record</h2>
        <p className="muted">
          Paste the record or choose a text file. Each statement opens with its speaker (“Malta, on behalf of the
          European Union.”, “Chair:”); headings such as “MORNING SESSION” or “Agenda item 3” start a new part.
        </p>
        <label className="field">
          <span>Text file</span>
          <input type="file" accept=".txt,.md,text/plain,text/markdown" onChange={pickFile} />
        </label>
        <label className="field">
          <span>Or paste it here</span>
          <textarea
            name="text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={14}
            spellCheck={false}
            aria-invalid={tooLong ? true : undefined}
            style={{ width: '100%', font: '0.85rem/1.45 ui-monospace, Menlo, Consolas, monospace', resize: 'vertical' }}
          />
        </label>
        {tooLong && (
          <p className="form-error" role="alert">
            The text is too long to import ({text.length.toLocaleString()} characters; at most{' '}
            {MAX_IMPORT_CHARS.toLocaleString()}).
          </p>
        )}
        <div className="form-row">
          <label className="field">
            <span>
              Title <small className="muted">(optional, defaults to the one found in the text)</small>
            </span>
            <input
              name="title"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              placeholder={record?.title}
              autoComplete="off"
            />
          </label>
          <button type="submit" className="primary" disabled={busy || !record || tooLong}>
            {busy ? 'Creating…' : 'Create session'}
          </button>
        </div>
        {error && (
          <div className="notice error" role="alert">
            <p>Could not import: {error.message}</p>
            {error.needsAdmin && <AdminTokenForm onSaved={() => setError(null)} />}
          </div>
        )}
      </form>
      {record && <Preview record={record} />}
    </div>
  );
}
