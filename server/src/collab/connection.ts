import type { Role } from '@rapporteur/shared/api';
import type { WebSocket } from 'ws';
import { TokenBucket } from './rateLimit.ts';
import { framePayload } from './wireFrame.ts';
import {
  CloseCode,
  type CloseCodeId,
  CloseReason,
  MAX_BUFFERED_BYTES,
  MAX_INBOX_BYTES,
  MESSAGE_BURST,
  MESSAGES_PER_SECOND,
  PING_INTERVAL_MS,
} from '@rapporteur/shared/protocol';

let nextConnectionId = 1;
const EMPTY = new Uint8Array(0);

/** What we use of the net.Socket under a WebSocket. */
interface WireSocket {
  write(data: Buffer): boolean;
  cork(): void;
  uncork(): void;
}

/** What we use of a `ws` WebSocket to stop reading it (ws 8.x; absent in test fakes). */
interface Pausable {
  pause?(): void;
  resume?(): void;
}

/** Who is on the other end, as the server knows it (never as the client claims). */
export interface Identity {
  role: Role;
  /** Hash of the token the socket was opened with (null for public read access). */
  tokenHash: string | null;
  name: string;
  color: string;
}

export interface ConnectionOptions {
  sessionId: string;
  identity: Identity;
  /** The client asked for Persisted messages (`?persisted=1`). */
  wantsPersisted: boolean;
  onMessage: (conn: Connection, frame: Uint8Array) => void;
  onClose: (conn: Connection) => void;
  /** Message rate before reading pauses (defaults MESSAGE_BURST / MESSAGES_PER_SECOND). */
  rate?: { burst: number; perSecond: number };
}

/**
 * One client socket: a bounded outbound queue (a client that stops reading is closed rather than
 * growing server memory), backpressure on input (a client sending faster than its rate is not
 * read until it is back within: issue 12, a stock client closed with a 44xx code never comes back
 * with what it held), a ping to detect dead peers, and close with a named code.
 */
export class Connection {
  readonly id = nextConnectionId++;
  readonly sessionId: string;
  readonly wantsPersisted: boolean;
  readonly identity: Identity;
  /** The awareness client id this socket speaks for, bound on its first awareness entry. */
  awarenessClientId: number | null = null;
  /** Resolvers waiting for this socket's next SyncStep2 (finalise round trip). */
  readonly step2Waiters: (() => void)[] = [];
  private readonly bucket: TokenBucket;
  /** Frames read while over the rate (already in flight when reading paused), in order. */
  private inbox: Uint8Array[] = [];
  private inboxBytes = 0;
  private inboxTimer: NodeJS.Timeout | null = null;
  private paused = false;
  private alive = true;
  private corked = false;
  private closed = false;
  private readonly pingTimer: NodeJS.Timeout;

  constructor(
    private readonly ws: WebSocket,
    private readonly opts: ConnectionOptions,
  ) {
    this.sessionId = opts.sessionId;
    this.wantsPersisted = opts.wantsPersisted;
    this.identity = opts.identity;
    this.bucket = new TokenBucket(opts.rate?.burst ?? MESSAGE_BURST, opts.rate?.perSecond ?? MESSAGES_PER_SECOND);
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data, isBinary) => {
      if (this.closed) return;
      if (!isBinary) return this.close(CloseCode.MalformedMessage, 'text frames are not part of the protocol');
      const buf = data as Buffer;
      const frame = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      if (this.inbox.length === 0 && this.bucket.take()) return opts.onMessage(this, frame);
      this.queueInput(frame);
    });
    ws.on('pong', () => {
      this.alive = true;
    });
    ws.on('close', () => this.finish());
    ws.on('error', () => this.finish());
    this.pingTimer = setInterval(() => {
      // a socket we stopped reading cannot answer our ping: it is not dead
      if (!this.alive && !this.paused) return this.terminate();
      this.alive = false;
      try {
        ws.ping();
      } catch {
        this.terminate();
      }
    }, PING_INTERVAL_MS);
    this.pingTimer.unref();
  }

  /**
   * Over the rate: keep the frame, stop reading the socket (TCP then slows the sender down) and
   * process what was kept as the rate allows. Only what was already in flight is kept, so the
   * inbox stays small; a client that still overfills it is closed with 1013 (it reconnects).
   */
  private queueInput(frame: Uint8Array): void {
    this.inbox.push(frame);
    this.inboxBytes += frame.byteLength;
    if (this.inboxBytes > MAX_INBOX_BYTES) {
      this.close(CloseCode.TryAgainLater, 'sending too fast');
      return;
    }
    if (!this.paused) {
      this.paused = true;
      (this.ws as unknown as Pausable).pause?.();
    }
    this.inboxTimer ??= setTimeout(() => this.drainInput(), this.bucket.msUntil());
  }

  private drainInput(): void {
    this.inboxTimer = null;
    let taken = 0;
    while (taken < this.inbox.length && !this.closed && this.bucket.take()) {
      const frame = this.inbox[taken]!;
      this.inbox[taken++] = EMPTY; // let it be collected while the rest waits
      this.inboxBytes -= frame.byteLength;
      this.opts.onMessage(this, frame);
    }
    this.inbox = this.inbox.slice(taken);
    if (this.closed) return;
    if (this.inbox.length > 0) {
      this.inboxTimer = setTimeout(() => this.drainInput(), this.bucket.msUntil());
      return;
    }
    this.paused = false;
    (this.ws as unknown as Pausable).resume?.();
  }

  /** Whether reading is paused because the client sends faster than its rate. */
  get throttled(): boolean {
    return this.paused;
  }

  /** Send a frame; the same buffer may be passed to many connections. */
  send(frame: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(CloseCode.TryAgainLater, 'client not reading fast enough');
      return;
    }
    this.corkUntilTickEnds();
    this.ws.send(frame, { binary: true });
  }

  /**
   * Write frames already on the wire format (see wireFrame.ts), shared with other sockets: one
   * write for one frame, one gathered write for several. Used for broadcasts, where framing once
   * per room rather than once per socket is most of the saving.
   */
  write(frames: readonly Buffer[]): void {
    if (frames.length === 0 || this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(CloseCode.TryAgainLater, 'client not reading fast enough');
      return;
    }
    const socket = this.socket();
    if (!socket) {
      // never for server sockets; unwrap the frames and let ws frame them
      for (const f of frames) this.ws.send(framePayload(f), { binary: true });
      return;
    }
    if (frames.length === 1) {
      socket.write(frames[0]!);
      return;
    }
    if (!this.corked) socket.cork();
    for (const f of frames) socket.write(f);
    if (!this.corked) socket.uncork();
  }

  /** The net.Socket under the WebSocket (`ws` keeps it as `_socket`). */
  private socket(): WireSocket | undefined {
    return (this.ws as unknown as { _socket?: WireSocket })._socket;
  }

  /**
   * Hold this socket's writes until the current tick ends, so frames sent to it in one tick
   * (an update and a caret, a sync answer and presence) leave in one system call. `ws` keeps its
   * net.Socket as `_socket`; without one (never, for server sockets) frames go out unbatched.
   */
  private corkUntilTickEnds(): void {
    if (this.corked) return;
    const socket = this.socket();
    if (!socket) return;
    this.corked = true;
    socket.cork();
    process.nextTick(() => {
      this.corked = false;
      socket.uncork();
    });
  }

  /** Close with a named code; the reason defaults to the code's name. */
  close(code: CloseCodeId = CloseCode.Normal, reason: string = CloseReason[code]): void {
    if (this.closed) return;
    // WebSocket close reasons are limited to 123 bytes (RFC 6455 §5.5)
    this.ws.close(code, Buffer.from(reason).subarray(0, 123).toString());
    this.finish();
    // a peer that never answers the close handshake is cut off
    setTimeout(() => this.ws.terminate(), 5_000).unref();
  }

  /** Drop the socket at once (dead peer, shutdown). */
  terminate(): void {
    this.ws.terminate();
    this.finish();
  }

  /** Whether the socket is still open on our side. */
  get open(): boolean {
    return !this.closed;
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.inboxTimer) clearTimeout(this.inboxTimer);
    this.inbox = [];
    this.inboxBytes = 0;
    for (const resolve of this.step2Waiters.splice(0)) resolve();
    clearInterval(this.pingTimer);
    this.opts.onClose(this);
  }
}
