import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { ApiRequestError, errorMessage } from '../api/http.ts';
import { listSessions, type Session } from '../api/sessions.ts';
import { AdminTokenForm } from '../components/AdminTokenForm.tsx';
import { CreateSessionForm } from '../components/CreateSessionForm.tsx';
import { formatDateTime, statusLabel } from '../format.ts';

type ListState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string; needsAdmin: boolean }
  | { kind: 'ready'; sessions: Session[] };

/** `/`: the meetings on this server, newest first, and a form to start a new one. */
export function SessionListPage() {
  const [state, setState] = useState<ListState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the fetch on "Try again"
  useEffect(() => {
    document.title = 'Sessions · Rapporteur';
    const ctl = new AbortController();
    listSessions(ctl.signal).then(
      (sessions) => setState({ kind: 'ready', sessions }),
      (err: unknown) => {
        if (ctl.signal.aborted) return;
        const needsAdmin = err instanceof ApiRequestError && (err.status === 401 || err.status === 403);
        setState({ kind: 'error', message: errorMessage(err), needsAdmin });
      },
    );
    return () => ctl.abort();
  }, [attempt]);

  return (
    <div className="page">
      <h1>Sessions</h1>
      <CreateSessionForm />
      <section aria-labelledby="sessions-heading" className="session-list">
        <h2 id="sessions-heading">Meetings on this server</h2>
        {state.kind === 'loading' && <p className="muted">Loading…</p>}
        {state.kind === 'error' && (
          <div className="notice error" role="alert">
            <p>Could not load the sessions: {state.message}</p>
            {state.needsAdmin ? (
              <AdminTokenForm onSaved={() => setAttempt((n) => n + 1)} />
            ) : (
              <button type="button" onClick={() => setAttempt((n) => n + 1)}>
                Try again
              </button>
            )}
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
