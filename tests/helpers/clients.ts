/** Real y-websocket clients in Node for integration tests and benchmarks. */
import { PERSISTED_QUERY_PARAM, SaveTracker } from '@rapporteur/shared/protocol';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  save: SaveTracker;
  /** Resolves once the first sync with the server completed. */
  synced(): Promise<void>;
  destroy(): void;
}

/** How a test client connects: its capability token, display name and so on. */
export interface ConnectOptions {
  doc?: Y.Doc;
  /** Ask for the "persisted" acknowledgement (default true). */
  persisted?: boolean;
  /** Connect at once (default true). */
  connect?: boolean;
  token?: string;
  name?: string;
  color?: string;
  /**
   * The provider's reconnection policy (y-websocket's `shouldReconnect`): the browser client's
   * jittered backoff, for the cluster benchmark. Default: the stock policy, at most 300 ms apart.
   */
  shouldReconnect?: (event: { code: number }, provider: WebsocketProvider) => boolean;
  /** The WebSocket class (default: ws's); the page's own, built on ws, for its socket's tests. */
  WebSocketPolyfill?: typeof globalThis.WebSocket;
}

/** Connect a stock WebsocketProvider (ws polyfill, no BroadcastChannel) to a session. */
export function connectClient(baseUrl: string, sessionId: string, opts: ConnectOptions = {}): TestClient {
  const doc = opts.doc ?? new Y.Doc();
  const wsUrl = `${baseUrl.replace(/^http/, 'ws')}/collab`;
  const provider = new WebsocketProvider(wsUrl, sessionId, doc, {
    WebSocketPolyfill: opts.WebSocketPolyfill ?? (WebSocket as unknown as typeof globalThis.WebSocket),
    disableBc: true,
    connect: opts.connect ?? true,
    maxBackoffTime: 300,
    ...(opts.shouldReconnect ? { shouldReconnect: opts.shouldReconnect } : {}),
    params: {
      ...(opts.persisted === false ? {} : { [PERSISTED_QUERY_PARAM]: '1' }),
      ...(opts.token ? { token: opts.token } : {}),
      ...(opts.name ? { name: opts.name } : {}),
      ...(opts.color ? { color: opts.color } : {}),
    },
  });
  const save = new SaveTracker(doc, provider as unknown as ConstructorParameters<typeof SaveTracker>[1]);
  return {
    doc,
    provider,
    save,
    synced: () =>
      provider.synced
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const h = (s: boolean) => {
              if (s) {
                provider.off('sync', h);
                resolve();
              }
            };
            provider.on('sync', h);
          }),
    destroy: () => {
      save.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Poll until `fn` returns true (or throw after `timeout` ms with `message`). */
export async function waitFor(fn: () => boolean | Promise<boolean>, message: string, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting: ${message}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
