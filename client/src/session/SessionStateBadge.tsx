import { statusLabel } from '../format.ts';
import type { SessionState } from './sessionState.ts';

/**
 * The session's state as a badge (In progress / In review / Final), the same on every page and
 * never worded like the connection indicator beside it.
 */
export function SessionStateBadge({ state }: { state: SessionState }) {
  return (
    <span className={`badge status-${state}`} data-testid="session-status" data-state={state} title="Session state">
      {statusLabel(state)}
    </span>
  );
}
