/**
 * Other note-takers for the browser benchmark: stock y-websocket clients in this process, each
 * appending its own speaker block ("Remote N") and typing into it at a steady pace. Each keystroke
 * is stamped with the wall-clock time it was made, keyed by speaker and text length, which the page
 * reports back when it has painted that length (probes.ts WATCH_REMOTE).
 */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { appendSpeakerBlock } from '../../helpers/record.ts';

const TEXT = 'The delegation supported the draft and asked for the text to be circulated. ';

/** Remote clients typing; `sent` maps "speaker|length" to the wall-clock ms of that keystroke. */
export interface RemoteTypists {
  sent: Map<string, number>;
  stop(): void;
  destroy(): void;
}

const wallClock = () => performance.timeOrigin + performance.now();

/** Connect `count` note-takers to a session, wait for their sync, and start typing. */
export async function startRemoteTypists(
  wsBase: string,
  sessionId: string,
  token: string,
  count: number,
  charsPerSecond: number,
): Promise<RemoteTypists> {
  const sent = new Map<string, number>();
  const providers: WebsocketProvider[] = [];
  const timers: NodeJS.Timeout[] = [];
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(wsBase, sessionId, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        params: { token, name: `Remote ${i + 1}` },
      });
      providers.push(provider);
      await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
      const speaker = `Remote ${i + 1}`;
      const text = appendSpeakerBlock(doc, { speaker, affiliation: 'Member State' });
      let k = 0;
      const period = 1000 / charsPerSecond;
      const keystroke = () => {
        text.insert(text.length, TEXT[k++ % TEXT.length]!);
        sent.set(`${speaker}|${text.length}`, wallClock());
      };
      timers.push(setTimeout(() => timers.push(setInterval(keystroke, period)), (period * i) / count));
    }),
  );
  return {
    sent,
    stop: () => {
      for (const t of timers) {
        clearTimeout(t);
        clearInterval(t);
      }
    },
    destroy: () => {
      for (const p of providers) {
        p.destroy();
        p.doc.destroy();
      }
    },
  };
}
