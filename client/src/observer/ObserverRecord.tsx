import { useEffect } from 'react';
import type { Session } from '../api/sessions.ts';
import { ConnectionPill } from '../editor/ConnectionPill.tsx';
import { useConnection } from '../editor/useConnection.ts';
import { useRoomState } from '../editor/useRoomState.ts';
import { formatDateTime } from '../format.ts';
import { RecordView } from '../record/RecordView.tsx';
import { SessionStateBadge } from '../session/SessionStateBadge.tsx';
import { sessionStateMeaning, sessionStateOf } from '../session/sessionState.ts';
import { useBlockAnchor } from '../session/useBlockAnchor.ts';
import type { ObserverConnection } from './observerConnection.ts';
import { useFollowLive } from './useFollowLive.ts';
import { useLiveRecord } from '../record/useLiveRecord.ts';

/**
 * The record as an observer reads it: a slim bar with the session's state (in progress, in
 * review, final) and, apart from it, the page's connection; the record in large type; and a
 * "Jump to the newest text" button whenever the reader has scrolled away from it.
 */
export function ObserverRecord({
  session,
  conn,
  onLockChange,
}: {
  session: Session;
  conn: ObserverConnection;
  /** Called when the room's lock or status is known or changes, so the page can re-read the session. */
  onLockChange(locked: boolean): void;
}) {
  const live = useLiveRecord(conn.doc);
  const room = useRoomState(conn.provider.awareness);
  const { connection, closedReason } = useConnection(conn.provider);
  const anchored = useBlockAnchor();
  const { following, jumpToLive } = useFollowLive(live, anchored === null);
  const state = sessionStateOf(room, session.status) ?? session.status;
  const final = state === 'final';

  // biome-ignore lint/correctness/useExhaustiveDependencies: a change of the status is a trigger too
  useEffect(() => {
    if (room.known) onLockChange(room.locked);
  }, [room.known, room.locked, room.status, onLockChange]);

  return (
    <>
      <div className="observer-bar">
        <SessionStateBadge state={state} />
        <ConnectionPill connection={connection} detail={closedReason} />
      </div>
      <header className="observer-head">
        <h1 className="observer-title">{session.title}</h1>
        <p className="observer-meta">
          <time dateTime={session.startsAt}>{formatDateTime(session.startsAt)}</time>
          {' · '}
          <span data-testid="session-meaning">{sessionStateMeaning(state)}</span>
        </p>
      </header>
      <div aria-live="off">
        <RecordView record={live.record} sequence={live.sequence} className="observer-record" />
      </div>
      {!following && (
        <button type="button" className="jump-live primary" onClick={jumpToLive}>
          {final ? 'Jump to the end ↓' : 'Jump to the newest text ↓'}
        </button>
      )}
    </>
  );
}
