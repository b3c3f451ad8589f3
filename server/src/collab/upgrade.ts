import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { ADMISSION_TIMEOUT_MS, MAX_MESSAGE_BYTES, REFUSED_SOCKET_GRACE_MS } from '@rapporteur/shared/protocol';
import type { AccessStore } from '../access/accessStore.ts';
import type { Logger } from '../logger.ts';
import type { SessionStore } from '../sessions/sessionStore.ts';
import { admit } from './admit.ts';
import { AdmissionGate, type CollabLimits } from './admissionGate.ts';
import type { RoomRegistry } from './rooms.ts';
import { parseUpgradeRequest } from './upgradeRequest.ts';

export type { CollabLimits } from './admissionGate.ts';

export interface CollabDeps {
  limits?: Partial<CollabLimits>;
  /** The admission accounting (shared with /health); one is made from `limits` when absent. */
  gate?: AdmissionGate;
  rooms: RoomRegistry;
  /** Who a token is (admission reads nothing else of the access store). */
  access: Pick<AccessStore, 'resolve'>;
  /** The session a socket asks for. */
  sessions: Pick<SessionStore, 'getRecent'>;
  logger: Logger;
}

/** Answer an upgrade request with a plain HTTP error and close the socket, holding nothing. */
function refuseHttp(
  socket: Duplex,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify({ error: { code, message } });
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}`,
    'Connection: close',
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  socket.once('finish', () => socket.destroy());
  // a client that never reads its answer does not keep the socket
  setTimeout(() => socket.destroy(), REFUSED_SOCKET_GRACE_MS).unref();
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  426: 'Upgrade Required',
  429: 'Too Many Requests',
};

/**
 * The WebSocket sync endpoint, `/collab/:sessionId`. We take the raw `upgrade` event with our
 * own `ws` server (rather than Hono's upgrade helper) to set maxPayload from the shared limit and
 * to send one encoded buffer to many sockets without a wrapper per send. The request is parsed
 * and checked before `ws` sees it, each socket's places in the gate are given back when it
 * closes, and no exception may leave the handler: it would end the process, and every meeting.
 */
export function attachCollab(server: Server, deps: CollabDeps): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false });
  const gate = deps.gate ?? new AdmissionGate(deps.limits);

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const parsed = parseUpgradeRequest(req);
    if (!parsed.ok) return refuseHttp(socket, parsed.status, parsed.code, parsed.message, parsed.headers);
    // connection floods are refused before the WebSocket handshake costs anything
    const ticket = gate.enter(req.socket.remoteAddress ?? 'unknown');
    if (typeof ticket === 'string') {
      return refuseHttp(socket, 429, ticket, 'too many sockets; try again later', { 'Retry-After': '1' });
    }
    // every place is given back when the socket closes, whatever else happens or does not
    socket.once('close', ticket.release);
    // ws answers some handshakes itself and never calls back: do not wait for it forever
    const handshakeTimer = setTimeout(() => socket.destroy(), ADMISSION_TIMEOUT_MS);
    handshakeTimer.unref();
    wss.handleUpgrade(req, socket, head, (ws) => {
      clearTimeout(handshakeTimer);
      void admit(ws, parsed.sessionId, parsed.params, deps)
        .catch((err) => {
          deps.logger.error('admission failed', { sessionId: parsed.sessionId, err });
          ws.terminate();
        })
        .finally(ticket.admitted);
    });
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // an error on a socket without a listener would be thrown, and end the process
    socket.on('error', () => socket.destroy());
    try {
      onUpgrade(req, socket, head);
    } catch (err) {
      // the path only: the query holds a capability token
      deps.logger.error('upgrade failed', { path: String(req.url).split('?')[0]!.slice(0, 200), err });
      socket.destroy();
    }
  });
  return wss;
}
