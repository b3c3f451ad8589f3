/**
 * The WebSocket class the record's provider connects with (issue 17). Its handshake runs beside the
 * offline copy's load instead of after it:
 *
 * - Its events (open, messages, close) reach the provider only once `openWhen` has resolved, in
 *   the order they came; to the provider the socket simply took that long to open.
 * - Its sync request names `stateVector()` rather than the provider document's state: the offline
 *   copy's, which holds everything the document holds (each change is mirrored to it) and what the
 *   copy loaded but the page has not applied yet (it goes in part by part). The server then sends
 *   only what is new, not a second copy of what the page already has.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** What the socket waits for, and the state its sync request names. */
export interface CollabSocketOptions {
  openWhen: Promise<void>;
  stateVector(): Uint8Array;
}

/** y-protocols' message types: a sync message, and its first step (the request). */
const MESSAGE_SYNC = 0;
const SYNC_STEP_1 = 0;

/**
 * `message` with its state vector replaced by `stateVector()` if it is a sync request, else itself
 * (the state vector is computed only for a request, not for every keystroke the socket sends).
 */
export function renameSyncRequest(message: Uint8Array, stateVector: () => Uint8Array): Uint8Array {
  try {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC || decoding.readVarUint(decoder) !== SYNC_STEP_1) return message;
  } catch {
    return message;
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_STEP_1);
  encoding.writeVarUint8Array(encoder, stateVector());
  return encoding.toUint8Array(encoder);
}

type Handler = ((this: WebSocket, event: Event) => unknown) | null;

/** A WebSocket class for the provider's `WebSocketPolyfill` (see the module comment). */
export function collabSocket({ openWhen, stateVector }: CollabSocketOptions, Base: typeof WebSocket = WebSocket) {
  let ready = false;
  void openWhen.then(
    () => {
      ready = true;
    },
    () => {
      ready = true;
    },
  );
  return class CollabSocket extends Base {
    private readonly held: Array<() => void> = [];
    private releasing: Promise<void> | null = null;

    /** Run `deliver` now if the socket is released, else once it is, after those held before it. */
    private deliver(deliver: () => void): void {
      if (ready && this.held.length === 0) {
        deliver();
        return;
      }
      this.held.push(deliver);
      this.releasing ??= openWhen
        .catch(() => {})
        .then(() => {
          for (let next = this.held.shift(); next; next = this.held.shift()) next();
        });
    }

    private wrap(handler: Handler): Handler {
      if (!handler) return null;
      return (event: Event) => this.deliver(() => handler.call(this, event));
    }

    override set onopen(handler: Handler) {
      super.onopen = this.wrap(handler);
    }
    override get onopen(): Handler {
      return super.onopen as Handler;
    }
    override set onmessage(handler: Handler) {
      super.onmessage = this.wrap(handler) as WebSocket['onmessage'];
    }
    override get onmessage(): Handler {
      return super.onmessage as Handler;
    }
    override set onclose(handler: Handler) {
      super.onclose = this.wrap(handler) as WebSocket['onclose'];
    }
    override get onclose(): Handler {
      return super.onclose as Handler;
    }

    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      super.send(data instanceof Uint8Array ? renameSyncRequest(data, stateVector) : data);
    }
  };
}
