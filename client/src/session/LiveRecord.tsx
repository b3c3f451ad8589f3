import { useCallback, useEffect, useRef, useState } from 'react';
import type { Session } from '../api/sessions.ts';
import type { CollabSession } from '../editor/collabSession.ts';
import { NewerSchemaRecord } from './NewerSchemaRecord.tsx';
import { RecordEditor } from '../editor/RecordEditor.tsx';
import { cockpitAddons } from '../cockpit/editorAddons.tsx';
import { ClaimNote } from '../cockpit/ClaimNote.tsx';
import { StatusBar } from '../editor/StatusBar.tsx';
import { useCollabSession } from '../editor/useCollabSession.ts';
import { useNewerSchema } from '../editor/useNewerSchema.ts';
import { useRoomState } from '../editor/useRoomState.ts';
import type { UserIdentity } from '../user/identity.ts';
import { VersionsPanel } from '../versions/VersionsPanel.tsx';
import { PublishToggle } from './PublishToggle.tsx';
import { SessionStatusControl } from './SessionStatusControl.tsx';
import { sessionStateOf } from './sessionState.ts';
import { useBlockAnchor } from './useBlockAnchor.ts';
import { useKeptSession } from './useKeptSession.ts';

/** Props of the live record. */
export interface LiveRecordProps {
  sessionId: string;
  token: string | null;
  user: UserIdentity;
  /** Note-takers and editors (observers follow read-only). */
  canWrite: boolean;
  /** Editors review blocks, move the session through its statuses, publish, restore versions. */
  isEditor: boolean;
  /** The session as last heard from the server (null while unknown or offline). */
  session: Session | null;
  onSessionChange(session: Session): void;
  /** The room's lock changed: the session's status is worth reading again. */
  onLockChange(): void;
  onRename(): void;
}

/** The record of one session with everything around it, over its collaboration state. */
export function LiveRecord(props: LiveRecordProps) {
  const collab = useCollabSession(props.sessionId, props.token, props.user);
  if (!collab) return <p className="muted">Opening the record…</p>;
  return <LiveRecordView {...props} collab={collab} />;
}

function LiveRecordView({
  collab,
  token,
  user,
  canWrite,
  isEditor,
  session,
  onSessionChange,
  onLockChange,
  onRename,
}: LiveRecordProps & { collab: CollabSession }) {
  const room = useRoomState(collab.provider.awareness);
  useKeptSession(collab.offline, collab.sessionId, session, onSessionChange);
  // the room announces a new state at once; the page's copy of the session follows when it
  // changes (only then: an editor's own move is shown from its answer before the room repeats it)
  const announced = room.known ? sessionStateOf(room, null) : null;
  const sessionRef = useRef(session);
  sessionRef.current = session;
  useEffect(() => {
    const current = sessionRef.current;
    if (current && announced && announced !== current.status) onSessionChange({ ...current, status: announced });
  }, [announced, onSessionChange]);
  // a document written by a newer version is never handed to this client's editor
  const newerSchema = useNewerSchema(collab.schema);
  // the room's lock is the truth once the server's entry arrived; before, the session's status
  const final = room.known ? room.locked : session?.status === 'final';
  const readOnly = !canWrite || final;
  const [onlyUnchecked, setOnlyUnchecked] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const closeVersions = useCallback(() => setVersionsOpen(false), []);
  useBlockAnchor();
  // the newer schema's view shows the record once this effect runs (the editor releases the rest
  // of a long record itself, once it exists: RecordEditor.tsx)
  useEffect(() => (newerSchema ? collab.showing() : undefined), [collab, newerSchema]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a change of the lock is the trigger
  useEffect(() => {
    if (room.known) onLockChange();
    // status and publication changed by another editor arrive the same way
  }, [room.known, room.locked, room.status, room.isPublic, onLockChange]);

  return (
    <>
      {final ? (
        <p className="final-banner" role="status" data-testid="final-banner">
          <strong>Final — locked</strong>
          <span>These minutes are final; nobody can change them unless an editor reopens them.</span>
        </p>
      ) : (
        !canWrite && (
          <p className="notice warn" role="status">
            You are following this record read-only.
          </p>
        )
      )}
      {isEditor && session && (
        <section className="editor-bar" aria-label="Editor">
          <SessionStatusControl
            session={final && session.status !== 'final' ? { ...session, status: 'final' } : session}
            token={token}
            userName={user.name}
            save={collab.save}
            onChange={onSessionChange}
          />
          <PublishToggle session={session} token={token} onChange={onSessionChange} />
        </section>
      )}
      <div className="record-tools">
        <label className="check review-filter">
          <input type="checkbox" checked={onlyUnchecked} onChange={(e) => setOnlyUnchecked(e.target.checked)} />
          Show only blocks not yet checked
        </label>
        <button type="button" className="versions-button" onClick={() => setVersionsOpen(true)}>
          Versions
        </button>
      </div>
      {newerSchema ? (
        <NewerSchemaRecord session={collab} />
      ) : (
        <RecordEditor
          session={collab}
          user={user}
          readOnly={readOnly}
          canReview={isEditor}
          onlyUnchecked={onlyUnchecked}
          addons={cockpitAddons(collab, readOnly)}
        />
      )}
      <StatusBar session={collab} observers={room.observers} onRename={onRename} presenceNote={ClaimNote} />
      {versionsOpen && (
        <VersionsPanel
          sessionId={collab.sessionId}
          token={token}
          canEdit={isEditor}
          locked={final}
          userName={user.name}
          onClose={closeVersions}
        />
      )}
    </>
  );
}
