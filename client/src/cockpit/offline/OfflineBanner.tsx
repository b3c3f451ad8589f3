import type { CollabSession } from '../../editor/collabSession.ts';
import { type Connection, isCutOff, unsavedLabel } from '../../editor/status.ts';
import { useConnection } from '../../editor/useConnection.ts';
import { useSaveState } from '../../editor/useSaveState.ts';

/**
 * While the page has no connection (the browser is offline, or the server cannot be reached):
 * the one calm, unmissable line above the record saying that typing is safe. The status bar
 * beside it only names the state. It goes away when the connection is back; the status bar then
 * says "Saved" only once the server has acknowledged what was typed meanwhile.
 */
export function OfflineBanner({ collab }: { collab: CollabSession }) {
  const { connection } = useConnection(collab.provider);
  return isCutOff(connection) ? <CutOffBanner collab={collab} connection={connection} /> : null;
}

/**
 * The banner's words. Only this part follows the save state, and only while cut off: connected,
 * the page renders nothing on a keystroke (see editor/SavePill.tsx for why that matters).
 */
function CutOffBanner({ collab, connection }: { collab: CollabSession; connection: Connection }) {
  const save = useSaveState(collab.save);
  const unsaved = unsavedLabel(save);
  return (
    <p className="offline-banner" role="status" data-testid="offline-banner" data-state={connection}>
      <strong>{connection === 'offline' ? 'You are offline' : 'The server cannot be reached; reconnecting'}</strong> —
      keep typing: everything is kept on this device and sent when the connection is back
      {unsaved && <span className="muted"> ({unsaved})</span>}.
    </p>
  );
}
