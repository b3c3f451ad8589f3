import { useEffect } from 'react';
import type { Session } from '../api/sessions.ts';
import { useConnection } from '../editor/useConnection.ts';
import { useRoomState } from '../editor/useRoomState.ts';
import { formatDateTime } from '../format.ts';
import { RecordView } from '../record/RecordView.tsx';
import { useBlockAnchor } from '../session/useBlockAnchor.ts';
import { observerConnectionLabel } from './connectionWords.ts';
import type { ObserverConnection } from './observerConnection.ts';
import { useFollowLive } from './useFollowLive.ts';
import { useLiveRecord } from './useLiveRecord.ts';

/**
 * The live record as an observer reads it: a slim bar saying whether this is a live draft or
 * the final minutes and whether the page is connected, the record in large type, and a
 * "Jump to live" button whenever the reader has scrolled away from the newest text.
 */
export function ObserverRecord({
  session,
  conn,
  onLockChange,
}: {
  session: Session;
  conn: ObserverConnection;
  /** Called when the room's lock is known or changes, so the page can re-read the session. */
  onLockChange(locked: boolean): void;
}) {
  const live = useLiveRecord(conn.doc);
  const room = useRoomState(conn.provider.awareness);
  const { connection, closedReason } = useConnection(conn.provider);
  const anchored = useBlockAnchor();
  const { following, jumpToLive } = useFollowLive(live, anchored === null);
  const final = room.known ? room.locked : session.status === 'final';

  useEffect(() => {
    if (room.known) onLockChange(room.locked);
  }, [room.known, room.locked, onLockChange]);

  return (
    <>
      <div className="observer-bar">
        <span className={`badge ${final ? 'status-final' : 'status-live'}`} data-testid="record-state">
          {final ? 'Final' : 'Live draft'}
        </span>
        <span
          className={`status-pill conn-${connection}`}
          data-testid="connection"
          data-state={connection}
          role="status"
          title={closedReason ?? undefined}
        >
          <span className="dot" aria-hidden="true" />
          {observerConnectionLabel(connection)}
        </span>
      </div>
      <header className="observer-head">
        <h1 className="observer-title">{session.title}</h1>
        <p className="observer-meta">
          <time dateTime={session.startsAt}>{formatDateTime(session.startsAt)}</time>
          {final ? ' · Final minutes' : ' · Live draft, not yet checked'}
        </p>
      </header>
      <div aria-live="off">
        <RecordView record={live.record} sequence={live.sequence} className="observer-record" />
      </div>
      {!following && (
        <button type="button" className="jump-live primary" onClick={jumpToLive}>
          {final ? 'Jump to the end ↓' : 'Jump to live ↓'}
        </button>
      )}
    </>
  );
}
