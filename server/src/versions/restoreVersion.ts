import type { VersionMeta } from '@rapporteur/shared/api';
import type { RoomRegistry } from '../collab/rooms.ts';
import type { Logger } from '../logger.ts';
import { captureDoc, contentHash, withStateDoc } from './capture.ts';
import { restoreRecord } from './restore.ts';
import type { VersionStore } from './versionStore.ts';

/** Why a restore was refused. */
export class RestoreLockedError extends Error {
  constructor() {
    super('the session is final: reopen it before restoring a version');
    this.name = 'RestoreLockedError';
  }
}

/** What restoring did. */
export interface RestoreResult {
  /** Automatic version (by the restoring editor) of the text just before the restore; null when nothing was replaced or it equals the latest version. */
  backup: VersionMeta | null;
  /** Whether the change is stored in the update log (false: held in memory and retried). */
  stored: boolean;
}

/**
 * Restore a version into the session's live room (loaded for the purpose when no one is
 * connected): one new change on top, then stored. The text it replaces is kept as an automatic
 * version first, so a restore can itself be undone from the version list.
 */
export async function restoreVersion(
  deps: { rooms: RoomRegistry; store: VersionStore; logger: Logger },
  sessionId: string,
  version: { meta: VersionMeta; state: Uint8Array; contentHash: string },
  author: string,
): Promise<RestoreResult> {
  // held while we work: the room cannot be unloaded under us
  const room = await deps.rooms.acquire(sessionId);
  try {
    if (room.isLocked) throw new RestoreLockedError();
    if (contentHash(room.doc) === version.contentHash)
      return { backup: null, stored: await room.flush(Date.now() + 10_000) };
    // capture and restore in one synchronous stretch: the backup is exactly the text replaced
    const before = captureDoc(room.doc);
    withStateDoc(version.state, (versionDoc) => restoreRecord(room.doc, versionDoc));
    const backup = await deps.store
      .insertIfChanged({ sessionId, name: `Before restoring “${version.meta.name}”`, author, kind: 'auto' }, before)
      .catch((err: unknown) => {
        deps.logger.error('could not keep the text replaced by a restore as a version', { sessionId, err });
        return null;
      });
    return { backup, stored: await room.flush(Date.now() + 10_000) };
  } finally {
    // a room loaded only for this request is unloaded again once stored (a no-op if sockets are in it)
    deps.rooms.unpin(room);
    void deps.rooms.release(room).catch((err) => deps.logger.error('room release failed', { sessionId, err }));
  }
}
