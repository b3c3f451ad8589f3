/** Peer B: `@hocuspocus/server@3.4.4` with no extensions (no persistence), bound to 127.0.0.1. */
import { Server } from '@hocuspocus/server';

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
});
await server.listen();
console.log(`listening on ${server.address.port}`);
// exit cleanly on SIGTERM so that --cpu-prof can write its profile (its own handler waits for
// every document to unload, which we do not need between runs)
process.on('SIGTERM', () => process.exit(0));
