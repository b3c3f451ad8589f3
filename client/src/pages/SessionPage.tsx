import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { Session } from '../api/sessions.ts';
import { NameDialog } from '../components/NameDialog.tsx';
import { SharePanel } from '../components/SharePanel.tsx';
import { RecordEditor } from '../editor/RecordEditor.tsx';
import { StatusBar } from '../editor/StatusBar.tsx';
import { useCollabSession } from '../editor/useCollabSession.ts';
import { useRoomState } from '../editor/useRoomState.ts';
import { formatDateTime, statusLabel } from '../format.ts';
import { useSessionAccess } from '../session/useSessionAccess.ts';
import { loadIdentity, saveIdentity, type UserIdentity } from '../user/identity.ts';

/** `/s/:id`: one meeting's live record. */
export function SessionPage({ sessionId }: { sessionId: string }) {
  const access = useSessionAccess(sessionId);
  const [user, setUser] = useState<UserIdentity | null>(() => loadIdentity());
  const [renaming, setRenaming] = useState(false);
  const session = access.kind === 'ready' ? access.session : null;

  useEffect(() => {
    if (session) document.title = `${session.title} · Rapporteur`;
  }, [session]);

  const chooseName = (u: UserIdentity) => {
    saveIdentity(u);
    setUser(u);
    setRenaming(false);
  };

  if (access.kind === 'denied' || access.kind === 'missing' || access.kind === 'failed') {
    return (
      <section className="page narrow">
        <h1>{access.kind === 'missing' ? 'Session not found' : 'Cannot open this session'}</h1>
        <p className="notice error" role="alert">
          {access.message}
        </p>
        <p>
          <Link href="/">Back to the sessions</Link>
        </p>
      </section>
    );
  }

  const token = access.kind === 'ready' || access.kind === 'unreachable' ? access.token : null;
  const canWrite =
    access.kind === 'unreachable' || (access.kind === 'ready' && access.role !== null && access.role !== 'observer');

  return (
    <div className="session-page">
      <SessionHeader session={session} />
      {access.kind === 'unreachable' && (
        <p className="notice warn" role="status">
          {access.message} You can keep writing: your text is kept on this device and sent when the connection is back.
        </p>
      )}
      {access.kind === 'ready' && (access.role === 'editor' || access.admin || access.links) && (
        <SharePanel
          sessionId={sessionId}
          token={access.token}
          links={access.links}
          canMint={access.role === 'editor' || access.admin}
        />
      )}
      {access.kind === 'loading' ? (
        <p className="muted">Opening the session…</p>
      ) : user === null ? (
        <NameDialog onDone={chooseName} />
      ) : (
        <LiveRecord
          sessionId={sessionId}
          token={token}
          user={user}
          canWrite={canWrite && session?.status !== 'final'}
          onRename={() => setRenaming(true)}
        />
      )}
      {renaming && user && (
        <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="name-heading">
          <NameDialog current={user} onDone={chooseName} onCancel={() => setRenaming(false)} />
        </div>
      )}
    </div>
  );
}

/** Title, start and status of the session (placeholder text while unknown). */
function SessionHeader({ session }: { session: Session | null }) {
  return (
    <header className="session-head">
      <p className="crumbs">
        <Link href="/">Sessions</Link>
      </p>
      <h1 className="session-title">{session?.title ?? 'Session'}</h1>
      {session && (
        <p className="session-meta">
          <time dateTime={session.startsAt}>{formatDateTime(session.startsAt)}</time>
          <span className={`badge status-${session.status}`}>{statusLabel(session.status)}</span>
        </p>
      )}
    </header>
  );
}

interface LiveRecordProps {
  sessionId: string;
  token: string | null;
  user: UserIdentity;
  canWrite: boolean;
  onRename(): void;
}

/** The editor and status bar over one session's collaboration state. */
function LiveRecord({ sessionId, token, user, canWrite, onRename }: LiveRecordProps) {
  const session = useCollabSession(sessionId, token, user);
  if (!session) return <p className="muted">Opening the record…</p>;
  return <LiveRecordView session={session} user={user} canWrite={canWrite} onRename={onRename} />;
}

function LiveRecordView({
  session,
  user,
  canWrite,
  onRename,
}: Omit<LiveRecordProps, 'sessionId' | 'token'> & { session: NonNullable<ReturnType<typeof useCollabSession>> }) {
  const room = useRoomState(session.provider.awareness);
  const readOnly = !canWrite || room.locked;
  return (
    <>
      {readOnly && (
        <p className="notice warn" role="status">
          {room.locked
            ? 'These minutes are final and locked; an editor can reopen them.'
            : 'You are following this record read-only.'}
        </p>
      )}
      <RecordEditor session={session} user={user} readOnly={readOnly} />
      <StatusBar session={session} observers={room.observers} onRename={onRename} />
    </>
  );
}
