/**
 * What a slow or hoarding client may cost the HTTP server (issue 12): headers and whole requests
 * are timed (Node's defaults are 60 s and 300 s, checked every 30 s, so a tokenless client could
 * hold thousands of half-sent requests), and one address holds a bounded number of TCP
 * connections. The cap counts connections, never grants anything: no role comes from an address.
 */
import type { Server, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import {
  HTTP_HEADERS_TIMEOUT_MS,
  HTTP_REQUEST_TIMEOUT_MS,
  HTTP_TIMEOUT_CHECK_MS,
  MAX_TCP_CONNECTIONS_PER_ADDRESS,
} from '@rapporteur/shared/protocol';

/** Options for the HTTP server's creation (the timeout check interval can only be set there). */
export const slowClientServerOptions: ServerOptions = {
  headersTimeout: HTTP_HEADERS_TIMEOUT_MS,
  requestTimeout: HTTP_REQUEST_TIMEOUT_MS,
  connectionsCheckingInterval: HTTP_TIMEOUT_CHECK_MS,
};

/** Close a new connection at once when its address already holds `maxPerAddress` of them. */
export function capConnectionsPerAddress(server: Server, maxPerAddress = MAX_TCP_CONNECTIONS_PER_ADDRESS): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = open.get(address) ?? 0;
    if (count >= maxPerAddress) {
      socket.destroy();
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
