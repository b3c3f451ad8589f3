/**
 * Raw TCP conversations with a server, for requests no well-behaved client library would send:
 * malformed paths and handshakes, garbage bytes, clients that never answer. Also the frame and
 * process measurements the hostile-client tests share.
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';

/** What came back on one connection. */
export interface RawAnswer {
  /** The HTTP status of the first line, or null when none came (reset, garbage, timeout). */
  status: number | null;
  /** Everything received, as latin1 text (bounded). */
  text: string;
  /** The server ended or reset the connection before the timeout. */
  closedByServer: boolean;
}

/** Send `data` on a fresh connection and collect the answer until the server closes or `timeoutMs`. */
export function rawExchange(port: number, data: string | Buffer, timeoutMs = 5_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    let done = false;
    const finish = (closedByServer: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const m = text.match(/^HTTP\/1\.[01] (\d{3})/);
      resolve({ status: m ? Number(m[1]) : null, text, closedByServer });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on('data', (d: Buffer) => {
      if (text.length < 65_536) text += d.toString('latin1');
    });
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('connect', () => socket.write(data));
  });
}

/** The text of a WebSocket upgrade request; `headers` override or (with null) remove the defaults. */
export function upgradeRequest(path: string, headers: Record<string, string | null> = {}, method = 'GET'): string {
  const all: Record<string, string | null> = {
    Host: 'localhost',
    Upgrade: 'websocket',
    Connection: 'Upgrade',
    'Sec-WebSocket-Version': '13',
    'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    ...headers,
  };
  const lines = Object.entries(all)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${v}`);
  return `${method} ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

/** A masked binary WebSocket frame from a client (mask key zero, so the payload is as given). */
export function clientFrame(payload: Buffer): Buffer {
  const header = Buffer.alloc(14);
  header[0] = 0x82; // FIN, binary
  header[1] = 0x80 | 127; // masked, 64-bit length
  header.writeBigUInt64BE(BigInt(payload.length), 2);
  header.writeUInt32BE(0, 10); // mask key
  return Buffer.concat([header, payload]);
}

/** Resident memory of a process, in MB (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+)/)![1]) / 1024;
}

/** Whether a process is still running. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
