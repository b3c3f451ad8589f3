import type { Connection } from './status.ts';
import { connectionLabel } from './status.ts';

/**
 * The connection indicator (Connected / Reconnecting… / Offline …), the same on every page and
 * never worded like the session's state beside it.
 */
export function ConnectionPill({ connection, detail }: { connection: Connection; detail?: string | null }) {
  return (
    <span
      className={`status-pill conn-${connection}`}
      data-testid="connection"
      data-state={connection}
      role="status"
      title="Connection to the server"
    >
      <span className="dot" aria-hidden="true" />
      {connectionLabel(connection)}
      {detail && <span className="status-detail">: {detail}</span>}
    </span>
  );
}
