import type { ComponentType } from 'react';
import type { PresenceNoteProps } from './addons.ts';
import type { CollabSession } from './collabSession.ts';
import { ConnectionPill } from './ConnectionPill.tsx';
import { PresenceList } from './PresenceList.tsx';
import { SavePill } from './SavePill.tsx';
import { useConnection } from './useConnection.ts';

/**
 * Always on screen: whether we are connected, whether the server has stored everything typed
 * here (from its acknowledgements, never a guess), and who else is in the session.
 */
export function StatusBar({
  session,
  observers,
  onRename,
  presenceNote,
}: {
  session: CollabSession;
  observers: number;
  onRename(): void;
  /** The note beside each other person in the presence list (passed to PresenceList). */
  presenceNote: ComponentType<PresenceNoteProps>;
}) {
  const { connection, closedReason } = useConnection(session.provider);
  return (
    <section className="statusbar" aria-label="Status">
      <div className="status-items">
        <ConnectionPill connection={connection} detail={closedReason} />
        <SavePill tracker={session.save} />
      </div>
      <PresenceList
        awareness={session.provider.awareness}
        observers={observers}
        onRename={onRename}
        Note={presenceNote}
      />
    </section>
  );
}
