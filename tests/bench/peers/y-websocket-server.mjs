/**
 * Peer A: the stock y-websocket server (`@y/websocket-server@0.1.1`'s connection handler) on
 * `ws@8`, without persistence (YPERSISTENCE unset). The room is the URL path, as its own bin does.
 * Plain JavaScript, run by node itself, as a team would deploy it (no TypeScript loader in memory).
 */
import http from 'node:http';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

delete process.env.YPERSISTENCE;
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('okay');
});
const wss = new WebSocketServer({ noServer: true });
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`listening on ${server.address().port}`);
});
// exit cleanly on SIGTERM so that --cpu-prof can write its profile
process.on('SIGTERM', () => process.exit(0));
