import { useState } from 'react';
import { useRequest } from '../api/useRequest.ts';
import { diffVersion, getVersion, type VersionMeta } from '../api/versions.ts';
import { RecordView } from '../record/RecordView.tsx';
import { DiffView } from './DiffView.tsx';

/** What the detail pane shows: one version read-only, or what changed from it. */
export type VersionSelection =
  | { mode: 'view'; version: VersionMeta }
  | { mode: 'compare'; version: VersionMeta; against: string | 'current' };

/** One version's text, or its comparison with another version or the current text. */
export function VersionDetail({
  sessionId,
  token,
  selection,
  versions,
  onCompare,
}: {
  sessionId: string;
  token: string | null;
  selection: VersionSelection;
  /** All versions, to pick one to compare with. */
  versions: readonly VersionMeta[];
  onCompare(against: string | 'current'): void;
}) {
  const { version } = selection;
  // the current text moves on while the panel is open: compare again on request
  const [round, setRound] = useState(0);
  return (
    <section className="version-detail" aria-labelledby="version-detail-heading">
      <h3 id="version-detail-heading">
        {selection.mode === 'view' ? `“${version.name}”, read-only` : `Changes since “${version.name}”`}
      </h3>
      {selection.mode === 'compare' && (
        <label className="field compare-with">
          <span>Compared with</span>
          <select value={selection.against} onChange={(e) => onCompare(e.target.value)}>
            <option value="current">the current text</option>
            {versions
              .filter((v) => v.id !== version.id)
              .map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
          </select>
        </label>
      )}
      {selection.mode === 'compare' && selection.against === 'current' && (
        <button type="button" className="compare-again" onClick={() => setRound((n) => n + 1)}>
          Compare again
        </button>
      )}
      {selection.mode === 'view' ? (
        <VersionText sessionId={sessionId} token={token} vid={version.id} />
      ) : (
        <VersionChanges
          sessionId={sessionId}
          token={token}
          vid={version.id}
          against={selection.against}
          round={round}
        />
      )}
    </section>
  );
}

function VersionText({ sessionId, token, vid }: { sessionId: string; token: string | null; vid: string }) {
  const state = useRequest((signal) => getVersion(sessionId, vid, token, signal), [sessionId, vid, token]);
  if (state.kind === 'loading') return <p className="muted">Loading the version…</p>;
  if (state.kind === 'error')
    return (
      <p className="form-error" role="alert">
        {state.message}
      </p>
    );
  return <RecordView record={state.value.record} showReview className="version-record" />;
}

function VersionChanges(props: {
  sessionId: string;
  token: string | null;
  vid: string;
  against: string;
  round: number;
}) {
  const { sessionId, token, vid, against, round } = props;
  const state = useRequest(
    (signal) => diffVersion(sessionId, vid, against, token, signal),
    [sessionId, vid, against, token, round],
  );
  if (state.kind === 'loading') return <p className="muted">Comparing…</p>;
  if (state.kind === 'error')
    return (
      <p className="form-error" role="alert">
        {state.message}
      </p>
    );
  return <DiffView diff={state.value.diff} />;
}
