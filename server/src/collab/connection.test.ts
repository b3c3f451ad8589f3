import { EventEmitter } from 'node:events';
import { CloseCode, MAX_BUFFERED_BYTES, MAX_MESSAGE_BYTES } from '@rapporteur/shared/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import { Connection } from './connection.ts';
import { binaryFrame } from './wireFrame.ts';

/** The parts of a `ws` WebSocket a Connection touches, recording what it is asked to do. */
class FakeWebSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  binaryType = 'arraybuffer';
  sent: Buffer[] = [];
  closedWith: { code: number; reason: string } | null = null;
  terminated = false;
  /** Present only when the test gives the fake an underlying socket. */
  _socket?: { written: Buffer[]; corks: number; write(b: Buffer): boolean; cork(): void; uncork(): void };

  send(data: Uint8Array): void {
    this.sent.push(Buffer.from(data));
  }
  ping(): void {}
  paused = 0;
  resumed = 0;
  pause(): void {
    this.paused++;
  }
  resume(): void {
    this.resumed++;
  }
  close(code: number, reason: string): void {
    this.closedWith = { code, reason };
  }
  terminate(): void {
    this.terminated = true;
  }

  withSocket(): this {
    const socket = {
      written: [] as Buffer[],
      corks: 0,
      write(b: Buffer) {
        socket.written.push(b);
        return true;
      },
      cork() {
        socket.corks++;
      },
      uncork() {},
    };
    this._socket = socket;
    return this;
  }
}

const connections: Connection[] = [];
afterEach(() => {
  for (const c of connections.splice(0)) c.terminate();
});

function connect(
  ws: FakeWebSocket,
  onMessage: (frame: Uint8Array) => void = () => {},
  rate?: { burst: number; perSecond: number },
): Connection {
  const conn = new Connection(ws as unknown as WebSocket, {
    rate,
    sessionId: 's',
    identity: { role: 'note-taker', tokenHash: null, name: 'A', color: '#000000' },
    wantsPersisted: false,
    onMessage: (_conn, frame) => onMessage(frame),
    onClose: () => {},
  });
  connections.push(conn);
  return conn;
}

const payloads = [Uint8Array.of(0, 2, 1, 7), new Uint8Array(300).fill(9)];

describe('Connection.write', () => {
  it('writes shared wire frames straight to the underlying socket, corked when there are several', () => {
    const ws = new FakeWebSocket().withSocket();
    const conn = connect(ws);
    const frames = payloads.map((p) => binaryFrame(p));
    conn.write([frames[0]!]);
    expect(ws._socket!.written).toEqual([frames[0]]);
    expect(ws._socket!.corks).toBe(0);
    conn.write(frames);
    expect(ws._socket!.written.slice(1)).toEqual(frames);
    expect(ws._socket!.corks).toBe(1);
    expect(ws.sent).toEqual([]);
  });

  it('without an underlying socket unwraps each frame and lets ws frame the payload', () => {
    const ws = new FakeWebSocket();
    const conn = connect(ws);
    conn.write(payloads.map((p) => binaryFrame(p)));
    expect(ws.sent.map((b) => [...b])).toEqual(payloads.map((p) => [...p]));
  });

  it('closes a socket that is not reading instead of buffering more for it, with 1013 (clients retry)', () => {
    const ws = new FakeWebSocket().withSocket();
    const conn = connect(ws);
    ws.bufferedAmount = MAX_BUFFERED_BYTES + 1;
    conn.write([binaryFrame(payloads[0]!)]);
    expect(ws._socket!.written).toEqual([]);
    expect(ws.closedWith?.code).toBe(CloseCode.TryAgainLater);
    expect(conn.open).toBe(false);
    conn.write([binaryFrame(payloads[0]!)]);
    expect(ws._socket!.written).toEqual([]);
  });
});

describe('Connection messages', () => {
  it('passes binary frames on and closes on a text frame', () => {
    const ws = new FakeWebSocket();
    const got: number[][] = [];
    const conn = connect(ws, (frame) => got.push([...frame]));
    ws.emit('message', Buffer.from([0, 1, 0]), true);
    expect(got).toEqual([[0, 1, 0]]);
    ws.emit('message', Buffer.from('hello'), false);
    expect(ws.closedWith?.code).toBe(CloseCode.MalformedMessage);
    expect(conn.open).toBe(false);
    ws.emit('message', Buffer.from([0, 1, 0]), true);
    expect(got).toHaveLength(1);
  });
});

describe('Connection backpressure', () => {
  it('over its rate stops reading the socket, then handles every frame, in order, and reads again', async () => {
    const ws = new FakeWebSocket();
    const got: number[] = [];
    const conn = connect(ws, (frame) => got.push(frame[0]!), { burst: 3, perSecond: 200 });
    for (let i = 0; i < 20; i++) ws.emit('message', Buffer.from([i]), true);
    expect(got).toEqual([0, 1, 2]);
    expect(ws.paused).toBe(1);
    expect(conn.throttled).toBe(true);
    await vi.waitFor(() => expect(got).toHaveLength(20));
    expect(got).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(ws.resumed).toBe(1);
    expect(conn.throttled).toBe(false);
    expect(conn.open).toBe(true);
  });

  it('closes with 1013 (clients retry) when more arrives at once than the inbox holds', () => {
    const ws = new FakeWebSocket();
    const conn = connect(ws, () => {}, { burst: 1, perSecond: 1 });
    const big = Buffer.alloc(MAX_MESSAGE_BYTES);
    for (let i = 0; i < 4; i++) ws.emit('message', big, true);
    expect(ws.closedWith?.code).toBe(CloseCode.TryAgainLater);
    expect(conn.open).toBe(false);
  });
});
