import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { binaryFrame, framePayload } from './wireFrame.ts';

describe('binaryFrame', () => {
  it('encodes the three length forms', () => {
    expect([...binaryFrame(new Uint8Array([1, 2, 3]))]).toEqual([0x82, 3, 1, 2, 3]);
    const mid = binaryFrame(new Uint8Array(300));
    expect([mid[0], mid[1], mid.readUInt16BE(2), mid.length]).toEqual([0x82, 126, 300, 304]);
    const big = binaryFrame(new Uint8Array(70_000));
    expect([big[0], big[1], big.readUInt32BE(2), big.readUInt32BE(6), big.length]).toEqual([
      0x82, 127, 0, 70_000, 70_010,
    ]);
    expect(
      [framePayload(binaryFrame(new Uint8Array([1, 2, 3]))), framePayload(mid), framePayload(big)].map((p) => p.length),
    ).toEqual([3, 300, 70_000]);
  });

  it('is read by a real ws client as the message it carries, between frames ws sent itself', async () => {
    const http = createServer();
    const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
    http.listen(0, '127.0.0.1');
    await once(http, 'listening');
    const client = new WebSocket(`ws://127.0.0.1:${(http.address() as AddressInfo).port}`);
    const received: number[][] = [];
    const three = new Promise<void>((resolve) =>
      client.on('message', (data: Buffer) => {
        received.push([data.length, data[0]!, data[data.length - 1]!]);
        if (received.length === 3) resolve();
      }),
    );
    const [server] = (await once(wss, 'connection')) as [WebSocket];
    const socket = (server as unknown as { _socket: { write(b: Buffer): void } })._socket;
    const large = new Uint8Array(70_000).fill(7);
    large[0] = 1;
    socket.write(binaryFrame(large));
    server.send(new Uint8Array([2, 2]));
    socket.write(binaryFrame(new Uint8Array([3, 9])));
    await three;
    expect(received).toEqual([
      [70_000, 1, 7],
      [2, 2, 2],
      [2, 3, 9],
    ]);
    client.close();
    wss.close();
    http.close();
  });
});
