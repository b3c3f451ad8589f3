import { useState } from 'react';
import { errorMessage } from '../api/http.ts';
import { type Session, setSessionPublic } from '../api/sessions.ts';

/** The address of a session's observer view (works without a token once the session is public). */
export function observerUrl(sessionId: string): string {
  return new URL(`/observe/${encodeURIComponent(sessionId)}`, window.location.origin).toString();
}

/**
 * Publish a session (editors): anyone with the observer address can then follow it without a
 * link of their own. The address is shown once public; before that only observer links work.
 */
export function PublishToggle({
  session,
  token,
  onChange,
}: {
  session: Session;
  token: string | null;
  onChange(session: Session): void;
}) {
  // the box follows the click at once; the server's answer then confirms it (or it flips back)
  const [pending, setPending] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = pending !== null;
  const url = observerUrl(session.id);

  const toggle = async (next: boolean) => {
    setPending(next);
    setError(null);
    try {
      onChange(await setSessionPublic(session.id, next, token));
    } catch (err) {
      setError(`Could not change the publication: ${errorMessage(err)}`);
    } finally {
      setPending(null);
    }
  };

  return (
    <div className="publish">
      <label className="check">
        <input
          type="checkbox"
          checked={pending ?? session.public}
          disabled={busy}
          onChange={(e) => toggle(e.target.checked)}
        />
        Public: anyone with the observer address can follow
      </label>
      {session.public ? (
        <p className="publish-link">
          Observer view:{' '}
          <a href={url} target="_blank" rel="noopener noreferrer" data-testid="observer-link">
            {url}
          </a>
        </p>
      ) : (
        <p className="muted publish-link">Not public: only people with an observer link can follow.</p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
