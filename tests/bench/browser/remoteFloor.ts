/**
 * The floor of the remote timing: what this machine, its network stack and Chromium cost to carry
 * a keystroke from another process to a painted frame, with nothing of the application in between.
 *
 * A bare relay (a WebSocket server in the benchmark's process that forwards every message to the
 * other sockets) carries the same number of typists, at the same pace, to a floor page (the first
 * blocks of the record in a plain `contenteditable`, floorPage.ts). The page appends each character
 * to the typist's own paragraph and stamps the frame after it, as the application's page is stamped
 * (probes.ts). Measured in the same run as the application, the ratio of the two is the
 * application's own cost.
 */
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { typeAtPace } from './typingPace.ts';

/** The floor's timings: keyed "speaker|length", wall-clock ms sent, and painted in the page. */
export interface RemoteFloor {
  sent: Map<string, number>;
  /** Install the page's side first: `page.evaluate(floorPageScript(url))`. */
  url: string;
  start(): Promise<void>;
  stop(): void;
  close(): Promise<void>;
}

const wallClock = () => performance.timeOrigin + performance.now();

/**
 * Script for the floor page: connect to the relay, append each character to its typist's
 * paragraph (a section added at the end of the editable), and stamp the frame after it in
 * `window.__bench.remote`, as "speaker|length" → wall-clock ms.
 */
export function floorPageScript(url: string): string {
  return `new Promise((resolve, reject) => {
  const probe = window.__bench;
  probe.remote = [];
  const editable = document.getElementById('floor');
  const paragraphs = new Map();
  const socket = new WebSocket(${JSON.stringify(url)});
  socket.onopen = () => resolve();
  socket.onerror = () => reject(new Error('relay unreachable'));
  socket.onmessage = (e) => {
    const { speaker, ch } = JSON.parse(e.data);
    let p = paragraphs.get(speaker);
    if (!p) {
      const section = document.createElement('section');
      section.innerHTML = '<p><b></b></p><p></p>';
      section.querySelector('b').textContent = speaker;
      editable.appendChild(section);
      p = section.lastChild;
      p.appendChild(document.createTextNode(''));
      paragraphs.set(speaker, p);
    }
    p.firstChild.appendData(ch);
    const key = speaker + '|' + p.firstChild.length;
    probe.afterFrame(() => probe.remote.push([key, performance.timeOrigin + performance.now()]));
  };
})`;
}

/** A relay and `count` typists at `charsPerSecond` each (`start` once the page is connected). */
export async function openRemoteFloor(count: number, charsPerSecond: number, text: string): Promise<RemoteFloor> {
  const relay = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => relay.once('listening', () => resolve()));
  relay.on('connection', (socket) => {
    socket.on('message', (data, isBinary) => {
      for (const other of relay.clients) {
        if (other !== socket && other.readyState === WebSocket.OPEN) other.send(data, { binary: isBinary });
      }
    });
  });
  const url = `ws://127.0.0.1:${(relay.address() as AddressInfo).port}`;
  const sent = new Map<string, number>();
  const typists: WebSocket[] = [];
  let stopTyping = () => {};
  return {
    sent,
    url,
    async start() {
      for (let i = 0; i < count; i++) {
        const socket = new WebSocket(url);
        await new Promise<void>((resolve, reject) => {
          socket.once('open', () => resolve());
          socket.once('error', reject);
        });
        typists.push(socket);
      }
      const lengths = typists.map(() => 0);
      stopTyping = typeAtPace(count, charsPerSecond, (i, k) => {
        const speaker = `Remote ${i + 1}`;
        const ch = text[k % text.length]!;
        lengths[i]! += ch.length;
        typists[i]!.send(JSON.stringify({ speaker, ch }));
        sent.set(`${speaker}|${lengths[i]}`, wallClock());
      });
    },
    stop: () => stopTyping(),
    async close() {
      stopTyping();
      for (const socket of typists) socket.terminate();
      for (const socket of relay.clients) socket.terminate();
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    },
  };
}
