import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { loadAdminToken, saveAdminToken } from '../api/credentials.ts';
import { ApiRequestError, errorMessage } from '../api/http.ts';
import { listSessions, type Session } from '../api/sessions.ts';
import { AdminTokenForm } from '../components/AdminTokenForm.tsx';
import { CreateSessionForm } from '../components/CreateSessionForm.tsx';
import { formatDateTime, statusLabel } from '../format.ts';

type ListState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  /** Not the administrator: no list and no "new session"; `rejected`: a kept secret stopped working. */
  | { kind: 'visitor'; rejected: boolean }
  | { kind: 'ready'; sessions: Session[] };

/**
 * `/`: for the server's administrator (the admin URL), the meetings on this server and a form to
 * start one; for anyone else, how to get in, and nothing they could not use.
 */
export function SessionListPage() {
  const [state, setState] = useState<ListState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the fetch on "Try again"
  useEffect(() => {
    document.title = 'Sessions · Rapporteur';
    const ctl = new AbortController();
    const hadSecret = loadAdminToken() !== null;
    listSessions(ctl.signal).then(
      (sessions) => setState({ kind: 'ready', sessions }),
      (err: unknown) => {
        if (ctl.signal.aborted) return;
        if (err instanceof ApiRequestError && (err.status === 401 || err.status === 403)) {
          if (hadSecret) saveAdminToken(null); // replaced on the server: do not keep sending it
          setState({ kind: 'visitor', rejected: hadSecret });
          return;
        }
        setState({ kind: 'error', message: errorMessage(err) });
      },
    );
    return () => ctl.abort();
  }, [attempt]);

  if (state.kind === 'visitor')
    return <VisitorWelcome rejected={state.rejected} onSecret={() => setAttempt((n) => n + 1)} />;

  return (
    <div className="page">
      <h1>Sessions</h1>
      {state.kind === 'ready' && <CreateSessionForm />}
      <section aria-labelledby="sessions-heading" className="session-list">
        <h2 id="sessions-heading">Meetings on this server</h2>
        {state.kind === 'loading' && <p className="muted">Loading…</p>}
        {state.kind === 'error' && (
          <div className="notice error" role="alert">
            <p>Could not load the sessions: {state.message}</p>
            <button type="button" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </button>
          </div>
        )}
        {state.kind === 'ready' && state.sessions.length === 0 && (
          <p className="muted">No sessions yet. Create the first one above.</p>
        )}
        {state.kind === 'ready' && state.sessions.length > 0 && (
          <ul className="sessions">
            {state.sessions.map((s) => (
              <li key={s.id}>
                <Link href={`/s/${s.id}`} className="session-link">
                  <span className="session-name">{s.title}</span>
                  <span className="session-meta">
                    <time dateTime={s.startsAt}>{formatDateTime(s.startsAt)}</time>
                    <span className={`badge status-${s.status}`}>{statusLabel(s.status)}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** What a visitor without the admin secret sees: how to join, and where the admin URL comes from. */
function VisitorWelcome({ rejected, onSecret }: { rejected: boolean; onSecret(): void }) {
  return (
    <div className="page narrow visitor-welcome">
      <h1>Rapporteur</h1>
      {rejected && (
        <p className="notice warn" role="status">
          The admin secret kept on this browser no longer works (it was replaced on the server).
        </p>
      )}
      <p>
        <strong>Joining a meeting?</strong> Open the link you were given: note-takers, editors and observers each have
        their own. Published minutes can be read on the <Link href="/search">Search</Link> page.
      </p>
      <p>
        <strong>Running this server?</strong> Open the admin URL it printed when it first started; with it you can
        create sessions and see all of them. Lost it? Stop the server and run{' '}
        <code>pnpm rapporteur admin-url --new</code>.
      </p>
      <details className="admin-secret">
        <summary>Enter the admin secret by hand</summary>
        <AdminTokenForm onSaved={onSecret} />
      </details>
    </div>
  );
}
