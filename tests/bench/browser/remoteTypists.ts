/**
 * Other note-takers for the browser benchmark: stock y-websocket clients in this process, each
 * appending its own speaker block ("Remote N") and typing into it at a steady pace. Each keystroke
 * is stamped with the wall-clock time it was made, keyed by speaker and text length, which the page
 * reports back when it has painted that length (probes.ts WATCH_REMOTE). One more client here only
 * watches: when each keystroke reached it is the server's and the network's part, with no browser.
 */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { appendSpeakerBlock } from '../../helpers/record.ts';
import { typeAtPace } from './typingPace.ts';

export const TEXT = 'The delegation supported the draft and asked for the text to be circulated. ';

/**
 * Remote clients typing; `sent` maps "speaker|length" to the wall-clock ms of that keystroke, and
 * `relayed` to when the watching client here received it.
 */
export interface RemoteTypists {
  sent: Map<string, number>;
  relayed: Map<string, number>;
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
  const relayed = new Map<string, number>();
  const providers: WebsocketProvider[] = [];
  const connect = (doc: Y.Doc, name: string) =>
    new WebsocketProvider(wsBase, sessionId, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { token, name },
    });
  if (count > 0) {
    const doc = new Y.Doc();
    const watcher = connect(doc, 'Remote watcher');
    providers.push(watcher);
    await new Promise<void>((resolve) => watcher.once('sync', () => resolve()));
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.local) return;
      const at = wallClock();
      for (const type of tr.changed.keys()) {
        if (!(type instanceof Y.XmlText)) continue;
        const block = type.parent?.parent;
        const speaker = block instanceof Y.XmlElement ? block.getAttribute('speaker') : undefined;
        if (speaker?.startsWith('Remote ')) relayed.set(`${speaker}|${type.length}`, at);
      }
    });
  }
  const texts = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const doc = new Y.Doc();
      const provider = connect(doc, `Remote ${i + 1}`);
      providers.push(provider);
      await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
      return appendSpeakerBlock(doc, { speaker: `Remote ${i + 1}`, affiliation: 'Member State' });
    }),
  );
  const stop = typeAtPace(count, charsPerSecond, (i, k) => {
    const text = texts[i]!;
    text.insert(text.length, TEXT[k % TEXT.length]!);
    sent.set(`Remote ${i + 1}|${text.length}`, wallClock());
  });
  return {
    sent,
    relayed,
    stop,
    destroy: () => {
      for (const p of providers) {
        p.destroy();
        p.doc.destroy();
      }
    },
  };
}
