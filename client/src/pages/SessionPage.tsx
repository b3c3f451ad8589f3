import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { ApiRequestError, errorMessage } from '../api/http.ts';
import { getSession, type Session } from '../api/sessions.ts';
import { NameDialog } from '../components/NameDialog.tsx';
import { RecordEditor } from '../editor/RecordEditor.tsx';
import { StatusBar } from '../editor/StatusBar.tsx';
import { useCollabSession } from '../editor/useCollabSession.ts';
import { formatDateTime, statusLabel } from '../format.ts';
import { loadIdentity, saveIdentity, type UserIdentity } from '../user/identity.ts';

type Meta =
  | { kind: 'loading' }
  | { kind: 'ready'; session: Session }
  /** The server could not be reached: the offline copy still lets the note-taker write. */
  | { kind: 'unreachable'; message: string }
  | { kind: 'failed'; message: string };

/** `/s/:id`: one meeting's live record. */
export function SessionPage({ sessionId }: { sessionId: string }) {
  const [meta, setMeta] = useState<Meta>({ kind: 'loading' });
  const [user, setUser] = useState<UserIdentity | null>(() => loadIdentity());
  const [renaming, setRenaming] = useState(false);

  useEffect(() => {
    const ctl = new AbortController();
    getSession(sessionId, ctl.signal).then(
      (session) => setMeta({ kind: 'ready', session }),
      (err: unknown) => {
        if (ctl.signal.aborted) return;
        const message = errorMessage(err);
        setMeta(
          err instanceof ApiRequestError && err.status === 0
            ? { kind: 'unreachable', message }
            : { kind: 'failed', message },
        );
      },
    );
    return () => ctl.abort();
  }, [sessionId]);

  useEffect(() => {
    if (meta.kind === 'ready') document.title = `${meta.session.title} · Rapporteur`;
  }, [meta]);

  const chooseName = (u: UserIdentity) => {
    saveIdentity(u);
    setUser(u);
    setRenaming(false);
  };

  if (meta.kind === 'failed') {
    return (
      <section className="page narrow">
        <h1>Cannot open this session</h1>
        <p className="notice error" role="alert">
          {meta.message}
        </p>
        <p>
          <Link href="/">Back to the sessions</Link>
        </p>
      </section>
    );
  }

  return (
    <div className="session-page">
      <header className="session-head">
        <p className="crumbs">
          <Link href="/">Sessions</Link>
        </p>
        <h1 className="session-title">{meta.kind === 'ready' ? meta.session.title : 'Session'}</h1>
        {meta.kind === 'ready' && (
          <p className="session-meta">
            <time dateTime={meta.session.startsAt}>{formatDateTime(meta.session.startsAt)}</time>
            <span className={`badge status-${meta.session.status}`}>{statusLabel(meta.session.status)}</span>
          </p>
        )}
        {meta.kind === 'unreachable' && (
          <p className="notice warn" role="status">
            {meta.message} You can keep writing: your text is kept on this device and sent when the connection is back.
          </p>
        )}
      </header>
      {user === null ? (
        <NameDialog onDone={chooseName} />
      ) : (
        meta.kind !== 'loading' && <LiveRecord sessionId={sessionId} user={user} onRename={() => setRenaming(true)} />
      )}
      {renaming && user && (
        <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="name-heading">
          <NameDialog current={user} onDone={chooseName} onCancel={() => setRenaming(false)} />
        </div>
      )}
    </div>
  );
}

/** The editor and status bar over one session's collaboration state. */
function LiveRecord({ sessionId, user, onRename }: { sessionId: string; user: UserIdentity; onRename(): void }) {
  const session = useCollabSession(sessionId);
  if (!session) return <p className="muted">Opening the record…</p>;
  return (
    <>
      <RecordEditor session={session} user={user} />
      <StatusBar session={session} onRename={onRename} />
    </>
  );
}
