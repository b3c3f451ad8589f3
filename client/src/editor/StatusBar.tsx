import type { CollabSession } from './collabSession.ts';
import { ConnectionPill } from './ConnectionPill.tsx';
import { PresenceList } from './PresenceList.tsx';
import { isSaved, saveLabel } from './status.ts';
import { useConnection } from './useConnection.ts';
import { useSaveState } from './useSaveState.ts';

/**
 * Always on screen: whether we are connected, whether the server has stored everything typed
 * here (from its acknowledgements, never a guess), and who else is in the session.
 */
export function StatusBar({
  session,
  observers,
  onRename,
}: {
  session: CollabSession;
  observers: number;
  onRename(): void;
}) {
  const { connection, closedReason } = useConnection(session.provider);
  const save = useSaveState(session.save);
  const saved = isSaved(save);
  return (
    <section className="statusbar" aria-label="Status">
      <div className="status-items">
        <ConnectionPill connection={connection} detail={closedReason} />
        <span
          className={`status-pill ${saved ? 'save-ok' : 'save-pending'}`}
          data-testid="save"
          data-state={saved ? 'saved' : 'unsaved'}
          data-unsaved={save.unsaved}
          role="status"
        >
          <span className="dot" aria-hidden="true" />
          {saveLabel(save)}
        </span>
      </div>
      <PresenceList awareness={session.provider.awareness} observers={observers} onRename={onRename} />
    </section>
  );
}
