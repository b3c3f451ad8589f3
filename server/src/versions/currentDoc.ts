/** Where a session's current document is read from: the live room, or the stored update log. */
import * as Y from 'yjs';
import type { RoomRegistry } from '../collab/rooms.ts';
import type { UpdateLog } from '../persistence/updateLog.ts';
import { withStateDoc } from './capture.ts';

/** A session's current document: the live room's, or the stored log's rows (unmerged). */
export type CurrentDoc = { live: Y.Doc; rows?: never } | { live?: never; rows: Uint8Array[] };

/**
 * The current document of a session: the live room's when it is loaded in this process (it may
 * hold edits not yet stored), otherwise the rows of its stored update log.
 */
export async function currentDoc(rooms: RoomRegistry, log: UpdateLog, sessionId: string): Promise<CurrentDoc> {
  const room = rooms.loadedRoom(sessionId);
  if (room) return { live: room.doc };
  const rows = await log.rows(sessionId);
  // a room that loaded while we read the log is at least as new as what we read
  const loaded = rooms.loadedRoom(sessionId);
  if (loaded) return { live: loaded.doc };
  return { rows };
}

/** Run `fn` over a session's current document (currentDoc), stored rows merged into a throwaway doc. */
export async function withCurrentDoc<T>(
  rooms: RoomRegistry,
  log: UpdateLog,
  sessionId: string,
  fn: (doc: Y.Doc) => T,
): Promise<T> {
  const current = await currentDoc(rooms, log, sessionId);
  if (current.live) return fn(current.live);
  const { rows } = current;
  return withStateDoc(rows.length > 1 ? Y.mergeUpdates(rows) : (rows[0] ?? null), fn);
}
