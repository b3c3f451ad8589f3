/**
 * The clients the load generator drives: the stock y-websocket `WebsocketProvider` (ours and
 * y-websocket-server) or `@hocuspocus/provider` (Hocuspocus), each over its own `ws` socket,
 * behind one small interface.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { MessageType, PERSISTED_QUERY_PARAM, readPersisted } from '@rapporteur/shared/protocol';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { BenchRoom, ClientRole, Target } from './servers.ts';

/** One simulated user. */
export interface BenchClient {
  doc: Y.Doc;
  awareness: Awareness;
  /** performance.now() of the first completed sync (NaN until then). */
  syncedAt: number;
  /** Resolves at the first completed sync. */
  synced: Promise<void>;
  /** Times the socket closed after it had connected (reconnects follow automatically). */
  disconnects: number;
  /** Ours, clients that asked: receives this client's own clock from each "persisted" message. */
  onPersisted: ((clock: number) => void) | null;
  destroy(): void;
}

/** Connect one client to `room` on `target`; writers ask ours for "persisted" acknowledgements. */
export function connectBenchClient(
  target: Pick<Target, 'kind' | 'wsBase'>,
  room: BenchRoom,
  role: ClientRole,
  doc = new Y.Doc(),
): BenchClient {
  if (target.kind === 'hocuspocus') return hocuspocusClient(target, room.name, doc);
  const params = room.params(role);
  if (target.kind === 'ours' && role === 'writer') params[PERSISTED_QUERY_PARAM] = '1';
  return yWebsocketClient(target, room.name, doc, params);
}

function syncedSignal(client: { syncedAt: number }): { promise: Promise<void>; mark(): void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return {
    promise,
    mark: () => {
      if (Number.isNaN(client.syncedAt)) {
        client.syncedAt = performance.now();
        resolve();
      }
    },
  };
}

function yWebsocketClient(
  target: Pick<Target, 'wsBase'>,
  room: string,
  doc: Y.Doc,
  params: Record<string, string>,
): BenchClient {
  const provider = new WebsocketProvider(target.wsBase, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params,
  });
  const client: BenchClient = {
    doc,
    awareness: provider.awareness,
    syncedAt: Number.NaN,
    synced: Promise.resolve(),
    disconnects: 0,
    onPersisted: null,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
  // the stock provider logs every message type it has no handler for; the real client's
  // SaveTracker registers this one (only the own client's clock matters to the benchmark)
  provider.messageHandlers[MessageType.Persisted] = (_encoder, decoder) => {
    const clock = readPersisted(decoder).get(doc.clientID);
    if (clock !== undefined) client.onPersisted?.(clock);
  };
  const signal = syncedSignal(client);
  client.synced = signal.promise;
  provider.on('sync', (isSynced: boolean) => {
    if (isSynced) signal.mark();
  });
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'disconnected') client.disconnects++;
  });
  return client;
}

function hocuspocusClient(target: Pick<Target, 'wsBase'>, room: string, doc: Y.Doc): BenchClient {
  // one socket per client, as a browser tab with one document has
  const socket = new HocuspocusProviderWebsocket({ url: target.wsBase, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, document: doc });
  provider.attach();
  const client: BenchClient = {
    doc,
    awareness: provider.awareness!,
    syncedAt: Number.NaN,
    synced: Promise.resolve(),
    disconnects: 0,
    onPersisted: null,
    destroy: () => {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
  const signal = syncedSignal(client);
  client.synced = signal.promise;
  provider.on('synced', () => signal.mark());
  provider.on('disconnect', () => {
    client.disconnects++;
  });
  return client;
}
