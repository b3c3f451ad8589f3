/**
 * Admission of one socket whose handshake is done: its token and session are checked, its room
 * loaded (or found in memory), and it joins. The gate runs before any document byte is sent.
 *
 * While it runs the socket is paused: what the client sends waits in its own TCP window, not in
 * server memory, and the few frames already read are kept within MAX_EARLY_FRAMES/BYTES. A
 * refused socket keeps nothing: its frames are dropped, it is sent its close code, and it is
 * destroyed within REFUSED_SOCKET_GRACE_MS even if it never answers. Admission that takes longer
 * than ADMISSION_TIMEOUT_MS is refused with 1013 "try again later".
 *
 * During a database outage a socket to a room already in memory is admitted from what this
 * process last knew of its token and session (a link it revoked stays revoked); any other socket
 * is told to try again later.
 */
import { TOKEN_QUERY_PARAM, type Session } from '@rapporteur/shared/api';
import {
  ADMISSION_TIMEOUT_MS,
  CloseCode,
  type CloseCodeId,
  CloseReason,
  PERSISTED_QUERY_PARAM,
  REFUSED_SOCKET_GRACE_MS,
} from '@rapporteur/shared/protocol';
import type { WebSocket } from 'ws';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { withFreeColour } from './colours.ts';
import { Connection, type Identity } from './connection.ts';
import { EarlyFrames } from './earlyFrames.ts';
import type { Room } from './room.ts';
import type { CollabDeps } from './upgrade.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A socket that passed the gate: its room (held for it) and who it is. */
interface Admitted {
  room: Room;
  identity: Identity;
}

/** Check a socket, then join it to its room or close it with a named code. Never rejects on a refusal. */
export async function admit(
  ws: WebSocket,
  sessionId: string,
  params: URLSearchParams,
  deps: CollabDeps,
): Promise<void> {
  ws.pause();
  const early = new EarlyFrames();
  let settled = false;
  const collect = (data: unknown, isBinary: boolean) => {
    if (!isBinary) return refuse(CloseCode.MalformedMessage);
    if (!early.push(data as Buffer)) refuse(CloseCode.RateLimited);
  };
  const refuse = (code: CloseCodeId) => {
    if (settled) return;
    settled = true;
    clearTimeout(timeout);
    ws.off('message', collect);
    early.drop();
    // read (and drop) what it still sends, so its answer to our close frame can arrive
    ws.resume();
    ws.close(code, CloseReason[code]);
    const grace = setTimeout(() => ws.terminate(), REFUSED_SOCKET_GRACE_MS);
    grace.unref();
    ws.once('close', () => clearTimeout(grace));
  };
  ws.on('message', collect);
  ws.on('error', () => {});
  const timeout = setTimeout(() => refuse(CloseCode.TryAgainLater), ADMISSION_TIMEOUT_MS);
  timeout.unref();

  let outcome: Admitted | CloseCodeId;
  try {
    outcome = await decide(sessionId, params, deps);
  } catch (err) {
    if (isDatabaseUnavailable(err)) outcome = CloseCode.TryAgainLater;
    else {
      deps.logger.error('could not open room', { sessionId, err });
      outcome = CloseCode.InternalError;
    }
  }
  if (typeof outcome === 'number') return refuse(outcome);
  const { room, identity } = outcome;
  // gone while we admitted it, or refused meanwhile (timeout, early flood)
  if (settled || ws.readyState !== ws.OPEN) {
    refuse(CloseCode.GoingAway);
    return abandonAdmission(deps, room);
  }
  settled = true;
  clearTimeout(timeout);
  ws.off('message', collect);
  const conn = new Connection(ws, {
    sessionId,
    // chosen here, with no await before join, so two sockets admitted together cannot pick alike
    identity: withFreeColour(identity, room.connections),
    wantsPersisted: params.get(PERSISTED_QUERY_PARAM) === '1',
    onMessage: (c, frame) => room.receiver.receive(c, frame),
    onClose: (c) => {
      room.leave(c);
      void deps.rooms.release(room).catch((err) => deps.logger.error('room release failed', { sessionId, err }));
    },
  });
  room.join(conn);
  deps.rooms.unpin(room);
  for (const f of early.take()) room.receiver.receive(conn, new Uint8Array(f.buffer, f.byteOffset, f.byteLength));
  ws.resume();
}

/** The gate's decision: the room and identity, or the close code to refuse with. */
async function decide(sessionId: string, params: URLSearchParams, deps: CollabDeps): Promise<Admitted | CloseCodeId> {
  // only a room this process already holds may be entered on what it last knew (outages)
  const duringOutage = deps.rooms.loadedRoom(sessionId) ? 'lastKnown' : 'fail';
  const grant = await deps.access.resolve(params.get(TOKEN_QUERY_PARAM), { duringOutage });
  if (grant && grant.sessionId !== sessionId) return CloseCode.Forbidden;
  if (!UUID.test(sessionId)) return grant ? CloseCode.Forbidden : CloseCode.Unauthorized;
  let session: Session | null;
  let room: Room;
  if (grant) {
    // a valid token implies the session exists (tokens go with it), so the room may load
    // while its row is read: one database round trip less for every first joiner
    const [s, r] = await Promise.allSettled([
      deps.sessions.getRecent(sessionId, { duringOutage }),
      deps.rooms.acquire(sessionId),
    ]);
    if (s.status === 'rejected') {
      if (r.status === 'fulfilled') abandonAdmission(deps, r.value);
      throw s.reason;
    }
    if (r.status === 'rejected') throw r.reason;
    [session, room] = [s.value, r.value];
  } else {
    // published minutes are readable by anyone, as an observer; nothing loads before we know
    session = await deps.sessions.getRecent(sessionId, { duringOutage });
    if (!session?.public) return CloseCode.Unauthorized;
    room = await deps.rooms.acquire(sessionId);
  }
  if (!session) {
    abandonAdmission(deps, room);
    return CloseCode.UnknownSession;
  }
  room.state.setLocked(session.status === 'final');
  room.state.setSessionState(session);
  return { room, identity: identityFor(grant?.role ?? 'observer', grant?.tokenHash ?? null, params) };
}

/** Unpin a room acquired for a socket that will not join it; it unloads if nobody else is in it. */
function abandonAdmission(deps: CollabDeps, room: Room): void {
  deps.rooms.unpin(room);
  void deps.rooms
    .release(room)
    .catch((err) => deps.logger.error('room release failed', { sessionId: room.sessionId, err }));
}

const COLOR = /^#[0-9a-f]{6}$/i;

/** The identity a socket gets: role from its token; name and colour as given, sanitised. */
function identityFor(role: Identity['role'], tokenHash: string | null, params: URLSearchParams): Identity {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are removed from display names
  const rawName = (params.get('name') ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const rawColor = params.get('color') ?? '';
  return {
    role,
    tokenHash,
    name: rawName.slice(0, 60) || (role === 'observer' ? 'Observer' : 'Anonymous note-taker'),
    color: COLOR.test(rawColor) ? rawColor.toLowerCase() : '#6b7280',
  };
}
