import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { getSession, type Session } from '../api/sessions.ts';
import { AccessProblem } from '../components/AccessProblem.tsx';
import { ExportMenu } from '../components/ExportMenu.tsx';
import { ModalOverlay } from '../components/ModalOverlay.tsx';
import { NameDialog } from '../components/NameDialog.tsx';
import { SharePanel } from '../components/SharePanel.tsx';
import { formatDateTime } from '../format.ts';
import { blockIdOfHash } from '../editor/blockAnchor.ts';
import { discardOpenedAhead } from '../editor/openedAhead.ts';
import { LiveRecord } from '../session/LiveRecord.tsx';
import { SessionStateBadge } from '../session/SessionStateBadge.tsx';
import { useAskNameOnInput } from '../session/useAskNameOnInput.ts';
import { useSessionAccess } from '../session/useSessionAccess.ts';
import { loadIdentity, saveIdentity, type UserIdentity } from '../user/identity.ts';
import '../session/session.css';

/** How a reader who has not given a name appears until they do (readers are not shown to others). */
const NOT_YET_NAMED: UserIdentity = { name: 'Reader', color: '#455a64' };

/** `/s/:id`: one meeting's live record. */
export function SessionPage({ sessionId }: { sessionId: string }) {
  const access = useSessionAccess(sessionId);
  const [user, setUser] = useState<UserIdentity | null>(() => loadIdentity());
  const [renaming, setRenaming] = useState(false);
  // opened at one statement (a search result): show it first, ask the name only on typing
  const [openedAtBlock] = useState(() => blockIdOfHash(window.location.hash) !== null);
  const [askingName, setAskingName] = useState(false);
  const recordArea = useRef<HTMLDivElement>(null);
  // opened by "Create session": the links are shown at once, to be handed out
  const [justCreated] = useState(() => (window.history.state as { created?: boolean } | null)?.created === true);
  // the session as last heard from the server: status and publication change while the page is open
  const [session, setSession] = useState<Session | null>(null);
  const token = access.kind === 'ready' || access.kind === 'unreachable' ? access.token : null;

  useEffect(() => {
    if (access.kind === 'ready') setSession(access.session);
  }, [access]);

  useEffect(() => {
    if (session) document.title = `${session.title} · Rapporteur`;
  }, [session]);

  const refreshSession = useCallback(() => {
    getSession(sessionId, token).then(setSession, () => {
      // keep what we have; the room's lock is shown from the socket anyway
    });
  }, [sessionId, token]);

  const chooseName = (u: UserIdentity) => {
    saveIdentity(u);
    setUser(u);
    setRenaming(false);
    setAskingName(false);
  };

  const canWrite =
    access.kind === 'unreachable' || (access.kind === 'ready' && access.role !== null && access.role !== 'observer');
  const isEditor = access.kind === 'ready' && access.role === 'editor';
  // a reader never needs a name; a note-taker who came to read one statement, only to type
  const nameLater = !canWrite || openedAtBlock;
  useAskNameOnInput(recordArea, user === null && canWrite && nameLater, () => setAskingName(true));

  const refused = access.kind === 'denied' || access.kind === 'missing' || access.kind === 'failed';
  // a record opened ahead with a token that does not open it is closed at once
  useEffect(() => {
    if (refused) discardOpenedAhead();
  }, [refused]);
  // and one the page never took, when the page goes
  useEffect(() => discardOpenedAhead, []);

  if (refused) {
    return (
      <AccessProblem
        missing={access.kind === 'missing'}
        message={access.message}
        refused="Cannot open this session"
        backLabel="Back to the sessions"
      />
    );
  }

  return (
    <div className="session-page">
      <SessionHeader
        session={session}
        actions={access.kind === 'ready' && <ExportMenu sessionId={sessionId} token={access.token} />}
      />
      {/* unreachable: the record's offline banner says so, once (issue 13) */}
      {access.kind === 'ready' && (isEditor || access.links) && (
        <SharePanel
          sessionId={sessionId}
          token={access.token}
          links={access.links}
          // minting follows the role of this page, never a note-taker's (issue 13, item 9)
          canMint={isEditor}
          open={justCreated}
        />
      )}
      {access.kind === 'loading' ? (
        <p className="muted">Opening the session…</p>
      ) : user === null && !nameLater ? (
        <NameDialog onDone={chooseName} />
      ) : (
        <div ref={recordArea} className="record-area">
          <LiveRecord
            sessionId={sessionId}
            token={token}
            user={user ?? NOT_YET_NAMED}
            canWrite={canWrite}
            isEditor={isEditor}
            session={session}
            onSessionChange={setSession}
            onLockChange={refreshSession}
            onRename={() => setRenaming(true)}
          />
        </div>
      )}
      {askingName && user === null && (
        <ModalOverlay labelledBy="name-heading">
          <NameDialog onDone={chooseName} onCancel={() => setAskingName(false)} />
        </ModalOverlay>
      )}
      {renaming && user && (
        <ModalOverlay labelledBy="name-heading">
          <NameDialog current={user} onDone={chooseName} onCancel={() => setRenaming(false)} />
        </ModalOverlay>
      )}
    </div>
  );
}

/** Title, start and status of the session (placeholder text while unknown), and its exports. */
function SessionHeader({ session, actions }: { session: Session | null; actions?: ReactNode }) {
  return (
    <header className="session-head">
      <p className="crumbs">
        <Link href="/">Sessions</Link>
      </p>
      <div className="session-head-row">
        <h1 className="session-title">{session?.title ?? 'Session'}</h1>
        {actions}
      </div>
      {session && (
        <p className="session-meta">
          <time dateTime={session.startsAt}>{formatDateTime(session.startsAt)}</time>
          <SessionStateBadge state={session.status} />
          {session.public && <span className="badge">Public</span>}
        </p>
      )}
    </header>
  );
}
