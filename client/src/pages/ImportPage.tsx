import { MAX_IMPORT_CHARS, parseText } from '@rapporteur/shared/record';
import { type ChangeEvent, type FormEvent, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { saveAccess, tokenOfLink } from '../api/credentials.ts';
import { ApiRequestError, errorMessage } from '../api/http.ts';
import { importRecord } from '../api/records.ts';
import { AdminTokenForm } from '../components/AdminTokenForm.tsx';
import { type Draft, draftOf, fixBlock, recordOfDraft } from './import/corrections.ts';
import { ImportPreview } from './import/ImportPreview.tsx';

/**
 * `/import`: paste a plain-text record or pick a file, check the preview of what was recognised
 * (uncertain blocks first) and fix what the reader got wrong, then create the session from the
 * corrected record and open it. What the preview shows is what is imported.
 */
export function ImportPage() {
  const [, navigate] = useLocation();
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; needsAdmin: boolean } | null>(null);
  const deferred = useDeferredValue(text);
  const record = useMemo(() => (deferred.trim() ? parseText(deferred) : null), [deferred]);
  // corrections belong to one reading of the text: a new text starts them afresh
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => setDraft(record ? draftOf(record) : null), [record]);
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
      // the corrected structure is what is imported; the text alone while the preview catches up
      const corrected = draft && record && deferred === text ? recordOfDraft(draft) : null;
      const { session } = await importRecord(corrected ? { record: corrected, title } : { text, title });
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
      </form>
      {/* outside the import form: the admin secret has a form of its own, and forms do not nest */}
      {error && (
        <div className="notice error" role="alert">
          <p>Could not import: {error.message}</p>
          {error.needsAdmin && <AdminTokenForm onSaved={() => setError(null)} />}
        </div>
      )}
      {record && draft && (
        <ImportPreview
          draft={draft}
          warnings={record.warnings}
          onFix={(id, fix) => setDraft((d) => (d ? fixBlock(d, id, fix) : d))}
        />
      )}
    </div>
  );
}
