import type * as Y from 'yjs';
import type { RoomRegistry } from '../collab/rooms.ts';
import type { UpdateLog } from '../persistence/updateLog.ts';
import { withStateDoc } from './capture.ts';

/**
 * Run `fn` over a session's current document: the live room's when it is loaded in this process
 * (it may hold edits not yet stored), otherwise the stored update log merged into a throwaway doc.
 */
export async function withCurrentDoc<T>(
  rooms: RoomRegistry,
  log: UpdateLog,
  sessionId: string,
  fn: (doc: Y.Doc) => T,
): Promise<T> {
  const room = rooms.loadedRoom(sessionId);
  if (room) return fn(room.doc);
  const { update } = await log.load(sessionId);
  // a room that loaded while we read the log is at least as new as what we read
  const loaded = rooms.loadedRoom(sessionId);
  if (loaded) return fn(loaded.doc);
  return withStateDoc(update, fn);
}
