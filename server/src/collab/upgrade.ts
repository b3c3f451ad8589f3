import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  CloseCode,
  COLLAB_PATH,
  CloseReason,
  MAX_CONNECTIONS_PER_ADDRESS,
  MAX_MESSAGE_BYTES,
  MAX_PENDING_ADMISSIONS,
  PERSISTED_QUERY_PARAM,
} from '@rapporteur/shared/protocol';
import { TOKEN_QUERY_PARAM } from '@rapporteur/shared/api';
import type { Session } from '@rapporteur/shared/api';
import type { AccessStore } from '../access/accessStore.ts';
import type { Logger } from '../logger.ts';
import type { SessionStore } from '../sessions/sessionStore.ts';
import { withFreeColour } from './colours.ts';
import { Connection, type Identity } from './connection.ts';
import type { Room } from './room.ts';
import type { RoomRegistry } from './rooms.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Frames a socket may send while its room loads; more is a flood. */
const MAX_EARLY_FRAMES = 256;

/** Connection limits; defaults from shared/protocol/limits.ts, lowered in tests. */
export interface CollabLimits {
  perAddress: number;
  pendingAdmissions: number;
}

export interface CollabDeps {
  limits?: Partial<CollabLimits>;
  rooms: RoomRegistry;
  access: AccessStore;
  sessions: SessionStore;
  logger: Logger;
}

/**
 * The WebSocket sync endpoint, `/collab/:sessionId`. We take the raw `upgrade` event with our
 * own `ws` server (rather than Hono's upgrade helper) to set maxPayload from the shared limit and
 * to send one encoded buffer to many sockets without a wrapper per send.
 */
export function attachCollab(server: Server, deps: CollabDeps): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false });
  const limits: CollabLimits = {
    perAddress: deps.limits?.perAddress ?? MAX_CONNECTIONS_PER_ADDRESS,
    pendingAdmissions: deps.limits?.pendingAdmissions ?? MAX_PENDING_ADMISSIONS,
  };
  const perAddress = new Map<string, number>();
  let pending = 0;
  const refuseHttp = (socket: Duplex, status: string) => {
    socket.on('error', () => {});
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const prefix = `${COLLAB_PATH}/`;
    if (!url.pathname.startsWith(prefix)) return refuseHttp(socket, '404 Not Found');
    // connection floods are refused before the WebSocket handshake costs anything
    const address = req.socket.remoteAddress ?? 'unknown';
    const open = perAddress.get(address) ?? 0;
    if (open >= limits.perAddress || pending >= limits.pendingAdmissions) {
      return refuseHttp(socket, '429 Too Many Requests');
    }
    perAddress.set(address, open + 1);
    pending++;
    let counted = true;
    const release = () => {
      if (!counted) return;
      counted = false;
      const n = (perAddress.get(address) ?? 1) - 1;
      if (n <= 0) perAddress.delete(address);
      else perAddress.set(address, n);
    };
    socket.once('close', release);
    wss.handleUpgrade(req, socket, head, (ws) => {
      void admit(ws, decodeURIComponent(url.pathname.slice(prefix.length)), url, deps).finally(() => pending--);
    });
  });
  return wss;
}

async function admit(ws: WebSocket, sessionId: string, url: URL, deps: CollabDeps): Promise<void> {
  const early: Buffer[] = [];
  const collect = (data: Buffer) => {
    early.push(data);
    if (early.length > MAX_EARLY_FRAMES) ws.close(CloseCode.RateLimited, CloseReason[CloseCode.RateLimited]);
  };
  ws.on('message', collect);
  ws.on('error', () => {});
  const refuse = (code: (typeof CloseCode)[keyof typeof CloseCode]) => ws.close(code, CloseReason[code]);

  // The gate runs before any document byte is sent and before the room is loaded.
  let room: Room;
  let identity: Identity;
  try {
    const grant = await deps.access.resolve(url.searchParams.get(TOKEN_QUERY_PARAM));
    if (grant && grant.sessionId !== sessionId) return refuse(CloseCode.Forbidden);
    if (!UUID.test(sessionId)) return refuse(grant ? CloseCode.Forbidden : CloseCode.Unauthorized);
    let session: Session | null;
    if (grant) {
      // a valid token implies the session exists (tokens go with it), so the room may load
      // while its row is read: one database round trip less for every first joiner
      [session, room] = await Promise.all([deps.sessions.getRecent(sessionId), deps.rooms.acquire(sessionId)]);
    } else {
      // published minutes are readable by anyone, as an observer; nothing loads before we know
      session = await deps.sessions.getRecent(sessionId);
      if (!session?.public) return refuse(CloseCode.Unauthorized);
      room = await deps.rooms.acquire(sessionId);
    }
    if (!session) {
      giveUp(deps, room);
      return refuse(CloseCode.UnknownSession);
    }
    identity = identityFor(grant?.role ?? 'observer', grant?.tokenHash ?? null, url);
    room.setLocked(session.status === 'final');
    room.setSessionFacts(session);
  } catch (err) {
    deps.logger.error('could not open room', { sessionId, err });
    return refuse(CloseCode.InternalError);
  }
  ws.off('message', collect);
  if (ws.readyState !== ws.OPEN) return giveUp(deps, room); // gone while we admitted it
  const conn = new Connection(ws, {
    sessionId,
    // chosen here, with no await before join, so two sockets admitted together cannot pick alike
    identity: withFreeColour(identity, room.connections),
    wantsPersisted: url.searchParams.get(PERSISTED_QUERY_PARAM) === '1',
    onMessage: (c, frame) => room.receive(c, frame),
    onClose: (c) => {
      room.leave(c);
      void deps.rooms.release(room).catch((err) => deps.logger.error('room release failed', { sessionId, err }));
    },
  });
  room.join(conn);
  deps.rooms.unhold(room);
  for (const frame of early) room.receive(conn, new Uint8Array(frame.buffer, frame.byteOffset, frame.byteLength));
}

/** Stop holding a room we acquired but will not join; it unloads if nobody else is in it. */
function giveUp(deps: CollabDeps, room: Room): void {
  deps.rooms.unhold(room);
  void deps.rooms
    .release(room)
    .catch((err) => deps.logger.error('room release failed', { sessionId: room.sessionId, err }));
}

const COLOR = /^#[0-9a-f]{6}$/i;

/** The identity a socket gets: role from its token; name and colour as given, sanitised. */
function identityFor(role: Identity['role'], tokenHash: string | null, url: URL): Identity {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are removed from display names
  const rawName = (url.searchParams.get('name') ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const rawColor = url.searchParams.get('color') ?? '';
  return {
    role,
    tokenHash,
    name: rawName.slice(0, 60) || (role === 'observer' ? 'Observer' : 'Anonymous note-taker'),
    color: COLOR.test(rawColor) ? rawColor.toLowerCase() : '#6b7280',
  };
}
