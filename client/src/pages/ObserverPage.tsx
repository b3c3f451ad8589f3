import { useCallback, useEffect, useState } from 'react';
import { getSession, type Session } from '../api/sessions.ts';
import { AccessProblem } from '../components/AccessProblem.tsx';
import { statusLabel } from '../format.ts';
import { ObserverRecord } from '../observer/ObserverRecord.tsx';
import { useObserverConnection } from '../observer/useObserverConnection.ts';
import { resolveObserverAccess } from '../session/resolveObserverAccess.ts';
import { useSessionAccess } from '../session/useSessionAccess.ts';
import '../observer/observer.css';

/**
 * `/observe/:id`: the read-only live page the observer link opens (or anyone, once the session
 * is public). No editor and no toolbars: the record is rendered from the document as it syncs.
 */
export function ObserverPage({ sessionId }: { sessionId: string }) {
  const access = useSessionAccess(sessionId, resolveObserverAccess);

  if (access.kind === 'loading') return <p className="muted page">Opening the record…</p>;
  if (access.kind !== 'ready') {
    return (
      <AccessProblem
        missing={access.kind === 'missing'}
        message={access.message}
        refused="Cannot follow this session"
        backLabel="Back to the start page"
      />
    );
  }
  return <ObserverLive sessionId={sessionId} token={access.token} initial={access.session} />;
}

function ObserverLive({ sessionId, token, initial }: { sessionId: string; token: string | null; initial: Session }) {
  const conn = useObserverConnection(sessionId, token);
  const [session, setSession] = useState(initial);

  useEffect(() => {
    document.title = `${session.title} · ${statusLabel(session.status)} · Rapporteur`;
  }, [session.title, session.status]);

  // the lock arrives over the socket; the session's status (final or not) is re-read with it
  const onLockChange = useCallback(() => {
    getSession(sessionId, token).then(setSession, () => {
      // keep what we have: the lock itself is already shown from the room's state
    });
  }, [sessionId, token]);

  return (
    <div className="observer-page">
      {conn ? (
        <ObserverRecord session={session} conn={conn} onLockChange={onLockChange} />
      ) : (
        <p className="muted">Connecting…</p>
      )}
    </div>
  );
}
