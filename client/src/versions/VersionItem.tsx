import { useState } from 'react';
import { actorHeaders } from '../api/actor.ts';
import { errorMessage } from '../api/http.ts';
import { type RestoreVersionResponse, restoreVersion, type VersionMeta } from '../api/versions.ts';
import { formatDateTime } from '../format.ts';

/** One version in the list: who saved it and when, and what can be done with it. */
export function VersionItem({
  sessionId,
  token,
  version,
  selected,
  canRestore,
  restoreBlocked,
  userName,
  onView,
  onCompare,
  onRestored,
}: {
  sessionId: string;
  token: string | null;
  version: VersionMeta;
  selected: boolean;
  /** Editors may restore. */
  canRestore: boolean;
  /** Why restoring is not possible now (final minutes), or null. */
  restoreBlocked: string | null;
  userName: string;
  onView(): void;
  onCompare(): void;
  onRestored(result: RestoreVersionResponse): void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      onRestored(await restoreVersion(sessionId, version.id, token, actorHeaders(userName)));
      setConfirming(false);
    } catch (err) {
      setError(`Could not restore: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={selected ? 'version selected' : 'version'} data-version-id={version.id}>
      <div className="version-title">
        <span className="version-name">{version.name}</span>
        <span className={`badge kind-${version.kind}`}>{version.kind === 'named' ? 'Named' : 'Automatic'}</span>
      </div>
      <p className="version-meta muted">
        {version.author} · <time dateTime={version.createdAt}>{formatDateTime(version.createdAt)}</time> ·{' '}
        {version.blockCount} {version.blockCount === 1 ? 'block' : 'blocks'}, {version.wordCount} words
      </p>
      <div className="version-actions">
        <button type="button" onClick={onView} aria-label={`View “${version.name}”`}>
          View
        </button>
        <button type="button" onClick={onCompare} aria-label={`Compare “${version.name}”`}>
          Compare
        </button>
        {canRestore && !confirming && (
          <button
            type="button"
            onClick={() => setConfirming(true)}
            disabled={restoreBlocked !== null}
            title={restoreBlocked ?? undefined}
            aria-label={`Restore “${version.name}”`}
          >
            Restore…
          </button>
        )}
      </div>
      {confirming && (
        <p className="confirm" role="alert">
          Replace the current text with this version for everyone? The current text is kept as a version first.{' '}
          <button type="button" className="primary" disabled={busy} onClick={restore}>
            {busy ? 'Restoring…' : 'Restore this version'}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
