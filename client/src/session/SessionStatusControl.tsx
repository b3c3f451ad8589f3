import { useState } from 'react';
import { actorHeaders } from '../api/actor.ts';
import { errorMessage } from '../api/http.ts';
import { type Session, setSessionStatus } from '../api/sessions.ts';
import type { SaveSource } from './waitUntilSaved.ts';
import { waitUntilSaved } from './waitUntilSaved.ts';

/** How long finalising waits for this page's own edits to be stored before giving up. */
const SAVE_WAIT_MS = 15_000;

type Phase =
  | { kind: 'idle' }
  | { kind: 'confirm' }
  | { kind: 'saving'; unsaved: number }
  | { kind: 'sending'; to: Session['status'] };

/**
 * The session's lifecycle for editors: live → in review → final, and reopen. Finalising asks
 * first, then waits until everything typed on this page is stored (showing how much is left),
 * and only then asks the server, which itself waits for every other writer's last edits before
 * it locks. Errors are shown, never swallowed.
 */
export function SessionStatusControl({
  session,
  token,
  userName,
  save,
  onChange,
}: {
  session: Session;
  token: string | null;
  userName: string;
  save: SaveSource;
  onChange(session: Session): void;
}) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const busy = phase.kind === 'saving' || phase.kind === 'sending';

  const move = async (to: Session['status']) => {
    setError(null);
    if (to === 'final') {
      const stored = await waitUntilSaved(save, SAVE_WAIT_MS, (s) => setPhase({ kind: 'saving', unsaved: s.unsaved }));
      if (!stored) {
        setPhase({ kind: 'idle' });
        setError(
          'Your last edits are not yet stored on the server, so the minutes were not finalised. Check the connection and try again.',
        );
        return;
      }
    }
    setPhase({ kind: 'sending', to });
    try {
      onChange(await setSessionStatus(session.id, to, token, actorHeaders(userName)));
    } catch (err) {
      setError(`Could not change the status: ${errorMessage(err)}`);
    } finally {
      setPhase({ kind: 'idle' });
    }
  };

  return (
    <fieldset className="status-control">
      <legend className="visually-hidden">Session status</legend>
      {session.status === 'final' ? (
        <button type="button" disabled={busy} onClick={() => move('review')}>
          Reopen
        </button>
      ) : phase.kind === 'confirm' ? (
        <span className="confirm" role="alert">
          Finalising locks the minutes for everyone until an editor reopens them.{' '}
          <button type="button" className="primary" onClick={() => move('final')}>
            Finalise now
          </button>{' '}
          <button type="button" onClick={() => setPhase({ kind: 'idle' })}>
            Cancel
          </button>
        </span>
      ) : (
        <>
          {session.status === 'live' ? (
            <button type="button" disabled={busy} onClick={() => move('review')}>
              Move to review
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => move('live')}>
              Back to in progress
            </button>
          )}
          <button type="button" disabled={busy} onClick={() => setPhase({ kind: 'confirm' })}>
            Finalise…
          </button>
        </>
      )}
      {phase.kind === 'saving' && (
        <span className="muted" role="status">
          Saving your last edits ({phase.unsaved === 1 ? '1 change' : `${phase.unsaved} changes`} left)…
        </span>
      )}
      {phase.kind === 'sending' && (
        <span className="muted" role="status">
          {phase.to === 'final' ? 'Finalising: waiting for every writer’s last edits…' : 'Changing the status…'}
        </span>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
