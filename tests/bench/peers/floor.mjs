/**
 * The floor: a bare `ws@8` server that relays every binary frame, as received, to every other
 * socket. No Yjs, no parsing: the least any sync server can do for the same messages.
 */
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0), perMessageDeflate: false });
wss.on('connection', (ws) => {
  ws.on('message', (data, isBinary) => {
    for (const other of wss.clients) if (other !== ws) other.send(data, { binary: isBinary });
  });
});
wss.on('listening', () => console.log(`listening on ${wss.address().port}`));
process.on('SIGTERM', () => process.exit(0));
