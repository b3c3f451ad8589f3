/**
 * A server-to-client WebSocket frame (RFC 6455 §5.2), built once and written to many sockets.
 * Server frames are never masked, so the same bytes are valid on every connection: a broadcast
 * to hundreds of sockets frames its message once instead of once per socket, and each socket
 * gets a single write of a shared buffer. Only for sockets without compression (the collab
 * server disables permessage-deflate).
 */

/** One final, unmasked binary frame carrying `payload`. */
export function binaryFrame(payload: Uint8Array): Buffer {
  const n = payload.byteLength;
  const header = n < 126 ? 2 : n < 0x10000 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + n);
  frame[0] = 0x82; // FIN + binary opcode
  if (n < 126) {
    frame[1] = n;
  } else if (n < 0x10000) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(n / 0x100000000), 2);
    frame.writeUInt32BE(n >>> 0, 6);
  }
  frame.set(payload, header);
  return frame;
}

/** The payload of a frame made by binaryFrame. */
export function framePayload(frame: Buffer): Buffer {
  return frame.subarray(frame[1]! < 126 ? 2 : frame[1] === 126 ? 4 : 10);
}
