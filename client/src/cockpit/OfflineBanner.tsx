import type { CollabSession } from '../editor/collabSession.ts';
import { useConnection } from '../editor/useConnection.ts';
import { useSaveState } from '../editor/useSaveState.ts';

/**
 * While the connection is lost: a calm, unmissable line above the record saying that typing is
 * safe. It goes away when the connection is back; the status bar then says "Saved" only once the
 * server has acknowledged what was typed meanwhile.
 */
export function OfflineBanner({ collab }: { collab: CollabSession }) {
  const { connection } = useConnection(collab.provider);
  const save = useSaveState(collab.save);
  if (connection !== 'offline') return null;
  return (
    <p className="offline-banner" role="status" data-testid="offline-banner">
      <strong>You are offline</strong> — keep typing, everything is kept on this device
      {save.unsaved > 0 && (
        <span className="muted">
          {' '}
          ({save.unsaved === 1 ? '1 change' : `${save.unsaved} changes`} to send when the connection is back)
        </span>
      )}
      .
    </p>
  );
}
