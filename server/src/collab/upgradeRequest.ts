/**
 * The WebSocket upgrade request of the sync endpoint, parsed by a total function: whatever method,
 * path, query or headers a client sends, the answer is either what the gate needs (the session id
 * and the query) or the HTTP status to refuse with before the handshake. Nothing here throws: a
 * URIError escaping the `upgrade` event once took the whole process down (issue 12, item 1).
 *
 * The header checks are those `ws` makes (RFC 6455 §4.2.1), made here first, because `ws` answers
 * a failed check itself and never calls back, so the gate could not tell its place was free.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { COLLAB_PATH } from '@rapporteur/shared/protocol';

/** A request the gate may hand to `ws`. */
export interface UpgradeRequest {
  ok: true;
  /** The path's session id, percent-decoded and lower-cased (ids are UUIDs; case is not identity). */
  sessionId: string;
  params: URLSearchParams;
}

/** Why a request is refused before the handshake, as an HTTP answer. */
export interface UpgradeRefusal {
  ok: false;
  status: 400 | 404 | 405 | 426;
  code: string;
  message: string;
  headers?: Record<string, string>;
}

/** What a request looks like to the parser (an IncomingMessage, or a literal in tests). */
export interface RawUpgrade {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
}

// RFC 6455 §4.1: the key is 16 random bytes, base64-encoded (24 characters ending in "==")
const WEBSOCKET_KEY = /^[+/0-9A-Za-z]{22}==$/;
const PREFIX = `${COLLAB_PATH}/`;

const refuse = (
  status: UpgradeRefusal['status'],
  code: string,
  message: string,
  headers?: Record<string, string>,
): UpgradeRefusal => ({ ok: false, status, code, message, headers });

/** A header's single value; repeated headers (an array) count as malformed. */
function single(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** decodeURIComponent without the exception: null for a malformed escape. */
export function tryDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** Parse an upgrade request to `/collab/:sessionId`; never throws. */
export function parseUpgradeRequest(req: RawUpgrade): UpgradeRequest | UpgradeRefusal {
  const target = typeof req.url === 'string' ? req.url : '';
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  // split by hand: `new URL('//host/…')` would read a host out of a path starting with "//"
  if (!path.startsWith(PREFIX)) return refuse(404, 'not_found', `no WebSocket endpoint at this path`);
  const rawId = path.slice(PREFIX.length);
  const decoded = tryDecode(rawId);
  if (decoded === null) return refuse(400, 'malformed_path', 'the session id in the path has a malformed escape');

  if (req.method !== 'GET') return refuse(405, 'method_not_allowed', 'a WebSocket upgrade is a GET', { Allow: 'GET' });
  if (single(req.headers.upgrade)?.toLowerCase() !== 'websocket') {
    return refuse(400, 'bad_upgrade', 'the Upgrade header must be "websocket"');
  }
  if (single(req.headers['sec-websocket-version']) !== '13') {
    // RFC 6455 §4.4: an unsupported version gets 426 and the versions we speak
    return refuse(426, 'bad_websocket_version', 'Sec-WebSocket-Version must be 13', { 'Sec-WebSocket-Version': '13' });
  }
  const key = single(req.headers['sec-websocket-key']);
  if (key === undefined || !WEBSOCKET_KEY.test(key)) {
    return refuse(400, 'bad_websocket_key', 'Sec-WebSocket-Key must be 16 bytes in base64');
  }
  if (req.headers['sec-websocket-protocol'] !== undefined) {
    return refuse(400, 'bad_subprotocol', 'the sync endpoint speaks no WebSocket subprotocol');
  }
  // URLSearchParams decodes leniently (a bad escape stays as typed, bad UTF-8 becomes U+FFFD) and never throws
  return { ok: true, sessionId: decoded.toLowerCase(), params: new URLSearchParams(q < 0 ? '' : target.slice(q + 1)) };
}
