/**
 * Wire protocol of the collaboration socket (`/collab/:sessionId`).
 *
 * Every binary frame starts with a varUint message type, followed by a type-specific body:
 *   Sync (0)           y-protocols sync message: SyncStep1 (state vector), SyncStep2 / Update (update)
 *   Awareness (1)      varUint8Array of a y-protocols awareness update
 *   Auth (2)           y-protocols auth message (server to client: permission denied + reason)
 *   QueryAwareness (3) no body; the server answers with the full awareness state
 *   Persisted (100)    server to client only, and only to sockets opened with `?persisted=1`:
 *                      varUint8Array of an encoded Yjs state vector, the part of the document
 *                      that is committed to the database.
 * Types 0-3 are those of the stock y-websocket provider; Persisted is ours, numbered away from
 * them so a future y-websocket type cannot collide with it.
 */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  Persisted: 100,
} as const;
export type MessageTypeId = (typeof MessageType)[keyof typeof MessageType];

/** Query parameter by which a client asks for Persisted messages (stock clients never see them). */
export const PERSISTED_QUERY_PARAM = 'persisted';

/** Path prefix of the collaboration socket. */
export const COLLAB_PATH = '/collab';
