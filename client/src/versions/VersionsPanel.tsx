import { useEffect, useRef, useState } from 'react';
import { useDialogFocus } from '../a11y/useDialogFocus.ts';
import { useRequest } from '../api/useRequest.ts';
import { listVersions, type RestoreVersionResponse } from '../api/versions.ts';
import { SaveVersionForm } from './SaveVersionForm.tsx';
import { type VersionSelection, VersionDetail } from './VersionDetail.tsx';
import { VersionItem } from './VersionItem.tsx';
import './versions.css';

/**
 * The versions of a session in a side panel: editors save the current text under a name; anyone
 * lists the versions (named and automatic), reads one, or compares it with another or with the
 * current text; editors restore one, which the server writes as a new change on top, so every
 * open page follows.
 */
export function VersionsPanel({
  sessionId,
  token,
  canEdit,
  locked,
  userName,
  onClose,
}: {
  sessionId: string;
  token: string | null;
  canEdit: boolean;
  /** Final minutes: nothing can be restored until an editor reopens them. */
  locked: boolean;
  userName: string;
  onClose(): void;
}) {
  const [round, setRound] = useState(0);
  const [selection, setSelection] = useState<VersionSelection | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useRequest((signal) => listVersions(sessionId, token, signal), [sessionId, token, round]);
  const panel = useRef<HTMLElement>(null);
  // a side panel, not modal: focus moves in when it opens and back to "Versions" when it closes
  useDialogFocus(panel);
  const versions = list.kind === 'ready' ? list.value : list.kind === 'loading' ? (list.previous ?? []) : [];

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const restored = (r: RestoreVersionResponse) => {
    setNotice(
      `Restored “${r.restored.name}”.${r.backup ? ` The text before it is kept as “${r.backup.name}”.` : ''}${
        r.stored ? '' : ' The server has not stored it yet; it keeps trying.'
      }`,
    );
    setSelection(null);
    setRound((n) => n + 1);
  };

  return (
    <aside ref={panel} className="versions-panel" role="dialog" aria-modal="false" aria-labelledby="versions-heading">
      <header className="versions-head">
        <h2 id="versions-heading">Versions</h2>
        <button type="button" onClick={onClose} aria-label="Close versions">
          Close
        </button>
      </header>
      {canEdit && (
        <SaveVersionForm
          sessionId={sessionId}
          token={token}
          userName={userName}
          onSaved={(meta) => {
            setNotice(`Saved “${meta.name}”.`);
            setRound((n) => n + 1);
          }}
        />
      )}
      {notice && (
        <p className="notice ok" role="status">
          {notice}
        </p>
      )}
      {list.kind === 'loading' && versions.length === 0 && <p className="muted">Loading the versions…</p>}
      {list.kind === 'error' && (
        <p className="form-error" role="alert">
          Could not load the versions: {list.message}
        </p>
      )}
      {list.kind === 'ready' && versions.length === 0 && (
        <p className="muted">No versions yet. The server also keeps one whenever the session goes quiet.</p>
      )}
      {versions.length > 0 && (
        <ol className="version-list" aria-label="Saved versions, newest first">
          {versions.map((v) => (
            <VersionItem
              key={v.id}
              sessionId={sessionId}
              token={token}
              version={v}
              selected={selection?.version.id === v.id}
              canRestore={canEdit}
              restoreBlocked={locked ? 'The minutes are final: reopen them to restore a version.' : null}
              userName={userName}
              onView={() => setSelection({ mode: 'view', version: v })}
              onCompare={() => setSelection({ mode: 'compare', version: v, against: 'current' })}
              onRestored={restored}
            />
          ))}
        </ol>
      )}
      {selection && (
        <VersionDetail
          sessionId={sessionId}
          token={token}
          selection={selection}
          versions={versions}
          onCompare={(against) => setSelection({ mode: 'compare', version: selection.version, against })}
        />
      )}
    </aside>
  );
}
