import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import { saveAccess, tokenOfLink } from '../api/credentials.ts';
import { errorMessage } from '../api/http.ts';
import { createSession } from '../api/sessions.ts';

/** Title and optional start time of a new meeting; opens the new session when created. */
export function CreateSessionForm() {
  const [, navigate] = useLocation();
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [busy, setBusy] = useState(false);
  // said beside the field it is about, in plain words (issue 13, item 11)
  const [titleError, setTitleError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setError(null);
    if (!title.trim()) {
      setTitleError('Give the session a title.');
      return;
    }
    setBusy(true);
    try {
      // datetime-local has no zone: read it as the user's local time and send an absolute instant
      const start = startsAt ? new Date(startsAt) : null;
      if (start && Number.isNaN(start.getTime())) throw new Error('The start time is not a valid date and time.');
      const session = await createSession({ title, ...(start ? { startsAt: start.toISOString() } : {}) });
      // the links are shown only now: keep them, and open the session as its editor
      const token = tokenOfLink(session.links.editor);
      if (token) saveAccess(session.id, { token, links: session.links });
      navigate(`/s/${session.id}`, { state: { created: true } });
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form className="card create-form" onSubmit={submit} aria-labelledby="create-heading" noValidate>
      <h2 id="create-heading">New session</h2>
      <label className="field">
        <span>Title</span>
        <input
          name="title"
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            if (e.target.value.trim()) setTitleError(null);
          }}
          placeholder="CND intersessional: 24 January 2017 – Operational recommendations on …"
          autoComplete="off"
          aria-invalid={titleError ? true : undefined}
          aria-describedby={titleError ? 'create-title-error' : undefined}
        />
      </label>
      {/* outside the label, so the field's name stays "Title"; tied to it by aria-describedby */}
      {titleError && (
        <p id="create-title-error" className="field-error" role="alert">
          {titleError}
        </p>
      )}
      <div className="form-row">
        <label className="field">
          <span>
            Starts <small className="muted">(optional, defaults to now)</small>
          </span>
          <input name="startsAt" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create session'}
        </button>
      </div>
      {error && (
        <p id="create-error" className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
