/**
 * A room's presence from its sockets: each socket's awareness entries bound to the one client id
 * it speaks for, its identity (name, colour, role) overwritten with what the server knows, rate
 * limited per socket and room, and withdrawn when the socket leaves. What each role may see is
 * the room's (Room.presenceFor); sending it is broadcast's.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode, MAX_PRESENCE_STATE_BYTES } from '@rapporteur/shared/protocol';
import { type AwarenessEntry, readAwarenessEntries, writeAwarenessEntries } from './awarenessFilter.ts';
import { ProtocolError, writeAwareness } from './codec.ts';
import { colourCorrections } from './colours.ts';
import type { Connection } from './connection.ts';
import { PresenceBinding } from './presenceBinding.ts';
import { PresenceThrottle } from './presenceThrottle.ts';
import type { Room } from './room.ts';
import type { RoomPart } from './types.ts';

/** The presence of one room's sockets. */
export class Presence implements RoomPart {
  /** Which awareness id each socket speaks for (issue 12, item 6). */
  private readonly ids: PresenceBinding<Connection>;
  /** Presence rate limits per socket and per room. */
  private readonly throttle: PresenceThrottle<Connection>;

  constructor(private readonly room: Room) {
    this.ids = new PresenceBinding(room.doc.clientID);
    this.throttle = new PresenceThrottle((conn, entry) => this.applyEntry(conn, entry));
  }

  /** An awareness frame from a socket: keep its own entry only. */
  apply(conn: Connection, update: Uint8Array): void {
    if (conn.identity.role === 'observer') return; // observers are invisible
    let entries: ReturnType<typeof readAwarenessEntries>;
    try {
      entries = readAwarenessEntries(update);
    } catch {
      throw new ProtocolError(CloseCode.MalformedMessage, 'awareness update does not decode');
    }
    conn.awarenessClientId = this.ids.bind(conn, conn.awarenessClientId, entries);
    // keep only the socket's own entry: the rest are echoes of other clients (or forgeries)
    for (const e of entries) {
      if (e.clientId !== conn.awarenessClientId) continue;
      if (e.state.length > MAX_PRESENCE_STATE_BYTES) {
        this.room.logger.warn('dropped an oversized presence state', { sessionId: this.room.sessionId, conn: conn.id });
        continue;
      }
      this.throttle.offer(conn, e);
    }
  }

  /** Apply one socket's own presence entry, under the identity the server binds to it. */
  private applyEntry(conn: Connection, entry: AwarenessEntry): void {
    if (!conn.open) return;
    try {
      const bound = { ...entry, state: bindIdentity(conn, entry.state) };
      awarenessProtocol.applyAwarenessUpdate(this.room.awareness, writeAwarenessEntries([bound]), conn);
      const fixes = colourCorrections([entry], [bound], conn.identity.color);
      if (fixes.length > 0) conn.send(writeAwareness(writeAwarenessEntries(fixes)));
    } catch (err) {
      if (!(err instanceof ProtocolError)) throw err;
      this.room.logger.warn('closing connection', {
        sessionId: this.room.sessionId,
        conn: conn.id,
        reason: err.message,
      });
      conn.close(err.code);
    }
  }

  /** RoomPart: withdraw a leaving socket's presence (only if the id is really its own). */
  leave(conn: Connection): void {
    this.throttle.forget(conn);
    if (conn.awarenessClientId !== null && this.ids.owns(conn, conn.awarenessClientId)) {
      awarenessProtocol.removeAwarenessStates(this.room.awareness, [conn.awarenessClientId], 'leave');
    }
    this.ids.release(conn, conn.awarenessClientId);
  }

  /** RoomPart. */
  destroy(): void {
    this.throttle.destroy();
  }
}

/**
 * Overwrite the `user` a client claims with what the server knows of its socket (name and
 * colour given at connect, role from its token), so nobody can present as someone else.
 */
function bindIdentity(conn: Connection, state: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(state);
  } catch {
    throw new ProtocolError(CloseCode.MalformedMessage, 'awareness state is not JSON');
  }
  if (parsed === null) return state; // the client leaving
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ProtocolError(CloseCode.MalformedMessage, 'awareness state must be an object');
  }
  const { name, color, role } = conn.identity;
  const next = { ...(parsed as Record<string, unknown>), user: { name, color, role } };
  delete (next as Record<string, unknown>).server; // only the server speaks for the room
  return JSON.stringify(next);
}
