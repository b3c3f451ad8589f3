import { useLiveRecord } from '../record/useLiveRecord.ts';
import { RecordView } from '../record/RecordView.tsx';
import type { CollabSession } from '../editor/collabSession.ts';

/** The words shown when the record was written by a newer version of the application. */
export const NEWER_SCHEMA_MESSAGE = 'This record was written by a newer version — reload to update';

/**
 * The record of a document newer than this client, read-only and without the editor: the editor
 * would delete whatever its schema cannot hold, for everyone (issue 12, item 7).
 */
export function NewerSchemaRecord({ session }: { session: CollabSession }) {
  const live = useLiveRecord(session.doc);
  return (
    <>
      <div className="notice warn" role="alert" data-testid="newer-schema">
        <p>
          <strong>{NEWER_SCHEMA_MESSAGE}.</strong> It is shown read-only until then, so that nothing in it is lost.
        </p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
      <RecordView record={live.record} sequence={live.sequence} showReview />
    </>
  );
}
