/**
 * The relay's wire codec: what processes of a cluster say to each other about one room, on that
 * room's Redis channel (`roomChannel`). Pure encode/decode pairs; decoding is total (anything
 * malformed, truncated, of another version or unknown type decodes to null, never throws).
 *
 * Protocol (lib0 encoding, one message per Redis publish; a Batch carries several):
 *   message   = version:varUint(=1) sender:varString kind:varUint body
 *   Update    (1) update:varBytes           what the sender's own sockets sent, merged per event-loop turn
 *   Presence  (2) update:varBytes           awareness entries of the sender's own sockets (coalesced per tick)
 *   Stored    (3) n:varUint (client:varUint from:varUint to:varUint)*n
 *                                           clock ranges [from, to) the sender just committed to Postgres
 *   Sync      (4) sv:varBytes stored:varBytes deletes:varUint flags:varUint
 *                                           anti-entropy and heartbeat: the sender's state vector, the
 *                                           state vector it knows is stored, a digest of its delete set;
 *                                           flag 1 asks every receiver to answer with its own Sync now
 *   Diff      (5) target:varString update:varBytes
 *                                           what the target lacks, answering its Sync (others ignore it)
 *   RoomState (6) status:varString public:varUint locked:varUint
 *                                           session state set on the sender (status, publication, lock)
 *   Observers (7) count:varUint             observers connected to the sender
 *   Revoke    (8) n:varUint tokenHash:varString*n
 *                                           links revoked: close their sockets everywhere
 *   Finalise  (9) request:varString         sync your writers, lock, store everything, then answer
 *   Finalised (10) request:varString ok:varUint
 *   Leave     (11)                          the sender no longer holds the room (unloaded, shutting down)
 *   Batch     (12) n:varUint message:varBytes*n
 *                                           n ≥ 2 messages of the same sender published in one turn,
 *                                           each a whole message as above (never a batch), in order
 * Every receiver ignores its own messages (Redis echoes a publisher's messages to its subscriber).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Version of this protocol; a message of another version is ignored (mixed-version clusters). */
export const RELAY_PROTOCOL_VERSION = 1;

/** Message kinds on a room's channel. */
export const RelayKind = {
  Update: 1,
  Presence: 2,
  Stored: 3,
  Sync: 4,
  Diff: 5,
  RoomState: 6,
  Observers: 7,
  Revoke: 8,
  Finalise: 9,
  Finalised: 10,
  Leave: 11,
  Batch: 12,
} as const;

/** Sync flag: receivers answer with their own Sync at once (a joiner or a process back from an outage). */
export const SYNC_ASK_BACK = 1;

/** A clock range [from, to) of one Yjs client. */
export interface ClockRange {
  client: number;
  from: number;
  to: number;
}

/** One decoded relay message. */
export type RelayMessage = { sender: string } & (
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'presence'; update: Uint8Array }
  | { kind: 'stored'; ranges: ClockRange[] }
  | { kind: 'sync'; stateVector: Uint8Array; stored: Uint8Array; deletes: number; askBack: boolean }
  | { kind: 'diff'; target: string; update: Uint8Array }
  | { kind: 'roomState'; status: string; public: boolean; locked: boolean }
  | { kind: 'observers'; count: number }
  | { kind: 'revoke'; tokenHashes: string[] }
  | { kind: 'finalise'; request: string }
  | { kind: 'finalised'; request: string; ok: boolean }
  | { kind: 'leave' }
  | { kind: 'batch'; messages: SingleRelayMessage[] }
);

/** A relay message that is not a batch. */
export type SingleRelayMessage = Exclude<RelayMessage, { kind: 'batch' }>;

/** The Redis channel of a room. */
export function roomChannel(sessionId: string): string {
  return `rapporteur:room:${sessionId}`;
}

/** The session id of a room channel, or null for any other channel. */
export function channelSession(channel: string): string | null {
  const prefix = 'rapporteur:room:';
  return channel.startsWith(prefix) ? channel.slice(prefix.length) : null;
}

function message(sender: string, kind: number, body: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, RELAY_PROTOCOL_VERSION);
  encoding.writeVarString(e, sender);
  encoding.writeVarUint(e, kind);
  body(e);
  return encoding.toUint8Array(e);
}

/** Updates the sender's own sockets sent. */
export function writeRelayUpdate(sender: string, update: Uint8Array): Uint8Array {
  return message(sender, RelayKind.Update, (e) => encoding.writeVarUint8Array(e, update));
}

/** Awareness entries of the sender's own sockets. */
export function writeRelayPresence(sender: string, update: Uint8Array): Uint8Array {
  return message(sender, RelayKind.Presence, (e) => encoding.writeVarUint8Array(e, update));
}

/** Clock ranges the sender committed. */
export function writeRelayStored(sender: string, ranges: readonly ClockRange[]): Uint8Array {
  return message(sender, RelayKind.Stored, (e) => {
    encoding.writeVarUint(e, ranges.length);
    for (const r of ranges) {
      encoding.writeVarUint(e, r.client);
      encoding.writeVarUint(e, r.from);
      encoding.writeVarUint(e, r.to);
    }
  });
}

/** The sender's state vector, its stored state vector and delete-set digest (anti-entropy). */
export function writeRelaySync(
  sender: string,
  sync: { stateVector: Uint8Array; stored: Uint8Array; deletes: number; askBack: boolean },
): Uint8Array {
  return message(sender, RelayKind.Sync, (e) => {
    encoding.writeVarUint8Array(e, sync.stateVector);
    encoding.writeVarUint8Array(e, sync.stored);
    encoding.writeVarUint(e, sync.deletes);
    encoding.writeVarUint(e, sync.askBack ? SYNC_ASK_BACK : 0);
  });
}

/** What `target` lacks. */
export function writeRelayDiff(sender: string, target: string, update: Uint8Array): Uint8Array {
  return message(sender, RelayKind.Diff, (e) => {
    encoding.writeVarString(e, target);
    encoding.writeVarUint8Array(e, update);
  });
}

/** A room's session state. */
export function writeRelayRoomState(
  sender: string,
  state: { status: string; public: boolean; locked: boolean },
): Uint8Array {
  return message(sender, RelayKind.RoomState, (e) => {
    encoding.writeVarString(e, state.status);
    encoding.writeVarUint(e, state.public ? 1 : 0);
    encoding.writeVarUint(e, state.locked ? 1 : 0);
  });
}

/** Observers on the sender. */
export function writeRelayObservers(sender: string, count: number): Uint8Array {
  return message(sender, RelayKind.Observers, (e) => encoding.writeVarUint(e, count));
}

/** Links revoked. */
export function writeRelayRevoke(sender: string, tokenHashes: readonly string[]): Uint8Array {
  return message(sender, RelayKind.Revoke, (e) => {
    encoding.writeVarUint(e, tokenHashes.length);
    for (const h of tokenHashes) encoding.writeVarString(e, h);
  });
}

/** Ask every holder to sync its writers, lock and store. */
export function writeRelayFinalise(sender: string, request: string): Uint8Array {
  return message(sender, RelayKind.Finalise, (e) => encoding.writeVarString(e, request));
}

/** A holder's answer to Finalise. */
export function writeRelayFinalised(sender: string, request: string, ok: boolean): Uint8Array {
  return message(sender, RelayKind.Finalised, (e) => {
    encoding.writeVarString(e, request);
    encoding.writeVarUint(e, ok ? 1 : 0);
  });
}

/** The sender let go of the room. */
export function writeRelayLeave(sender: string): Uint8Array {
  return message(sender, RelayKind.Leave, () => {});
}

/**
 * One or more messages `sender` encoded with the writers above (never batches: readers reject a
 * batch inside a batch, or a part of another sender), as one message; a lone one is itself.
 */
export function writeRelayBatch(sender: string, messages: readonly Uint8Array[]): Uint8Array {
  if (messages.length === 0) throw new Error('an empty relay batch');
  if (messages.length === 1) return messages[0]!;
  return message(sender, RelayKind.Batch, (e) => {
    encoding.writeVarUint(e, messages.length);
    for (const m of messages) encoding.writeVarUint8Array(e, m);
  });
}

/** Thrown inside the reader only; readRelayMessage turns it into null. */
class Malformed extends Error {}

/** lib0's readers do not check bounds (they read `undefined` past the end), so every read is checked. */
class Reader {
  private readonly d: decoding.Decoder;
  constructor(bytes: Uint8Array) {
    this.d = decoding.createDecoder(bytes);
  }
  uint(): number {
    if (!decoding.hasContent(this.d)) throw new Malformed();
    const n = decoding.readVarUint(this.d);
    if (this.d.pos > this.d.arr.length || !Number.isSafeInteger(n)) throw new Malformed();
    return n;
  }
  flag(): boolean {
    const n = this.uint();
    if (n > 1) throw new Malformed();
    return n === 1;
  }
  bytes(): Uint8Array {
    const len = this.uint();
    if (len > this.d.arr.length - this.d.pos) throw new Malformed();
    return decoding.readUint8Array(this.d, len);
  }
  string(): string {
    const raw = this.bytes();
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      throw new Malformed();
    }
  }
  /** Bytes that must hold a Yjs state vector (n, then n client/clock pairs), checked here. */
  stateVector(): Uint8Array {
    const bytes = this.bytes();
    const inner = new Reader(bytes);
    const n = inner.count(2);
    for (let i = 0; i < 2 * n; i++) inner.uint();
    inner.done();
    return bytes;
  }
  /** A count of items that each take at least `minBytes`: bounded by what is left, so no huge loop. */
  count(minBytes: number): number {
    const n = this.uint();
    if (n * minBytes > this.d.arr.length - this.d.pos) throw new Malformed();
    return n;
  }
  done(): void {
    if (decoding.hasContent(this.d)) throw new Malformed();
  }
}

/** Decode one relay message; null for anything malformed, of another version, or of an unknown kind. */
export function readRelayMessage(bytes: Uint8Array): RelayMessage | null {
  try {
    const r = new Reader(bytes);
    if (r.uint() !== RELAY_PROTOCOL_VERSION) return null;
    const sender = r.string();
    const msg = readBody(r, sender, r.uint());
    if (msg) r.done();
    return msg;
  } catch {
    return null; // ours (Malformed) or lib0's own end-of-array error: either way not a message
  }
}

/**
 * The encoded messages some bytes carry: a valid batch's parts, or the bytes themselves (a lone
 * message, or anything that is not a valid batch). For taking a batch apart (tests, tools).
 */
export function relayParts(bytes: Uint8Array): Uint8Array[] {
  const msg = readRelayMessage(bytes);
  if (msg?.kind !== 'batch') return [bytes];
  const r = new Reader(bytes);
  r.uint();
  r.string();
  r.uint();
  const n = r.uint();
  return Array.from({ length: n }, () => r.bytes());
}

/** The messages a decoded message carries: a batch's parts in order, or the message itself. */
export function unbatch(msg: RelayMessage): SingleRelayMessage[] {
  return msg.kind === 'batch' ? msg.messages : [msg];
}

function readBody(r: Reader, sender: string, kind: number): RelayMessage | null {
  switch (kind) {
    case RelayKind.Update:
      return { sender, kind: 'update', update: r.bytes() };
    case RelayKind.Presence:
      return { sender, kind: 'presence', update: r.bytes() };
    case RelayKind.Stored: {
      const n = r.count(3);
      const ranges: ClockRange[] = [];
      for (let i = 0; i < n; i++) {
        const client = r.uint();
        const from = r.uint();
        const to = r.uint();
        if (to < from) throw new Malformed();
        ranges.push({ client, from, to });
      }
      return { sender, kind: 'stored', ranges };
    }
    case RelayKind.Sync: {
      const stateVector = r.stateVector();
      const stored = r.stateVector();
      const deletes = r.uint();
      const flags = r.uint();
      return { sender, kind: 'sync', stateVector, stored, deletes, askBack: (flags & SYNC_ASK_BACK) !== 0 };
    }
    case RelayKind.Diff:
      return { sender, kind: 'diff', target: r.string(), update: r.bytes() };
    case RelayKind.RoomState:
      return { sender, kind: 'roomState', status: r.string(), public: r.flag(), locked: r.flag() };
    case RelayKind.Observers:
      return { sender, kind: 'observers', count: r.uint() };
    case RelayKind.Revoke: {
      const n = r.count(1);
      const tokenHashes: string[] = [];
      for (let i = 0; i < n; i++) tokenHashes.push(r.string());
      return { sender, kind: 'revoke', tokenHashes };
    }
    case RelayKind.Finalise:
      return { sender, kind: 'finalise', request: r.string() };
    case RelayKind.Finalised:
      return { sender, kind: 'finalised', request: r.string(), ok: r.flag() };
    case RelayKind.Leave:
      return { sender, kind: 'leave' };
    case RelayKind.Batch: {
      const n = r.count(1);
      if (n < 2) throw new Malformed();
      const messages: SingleRelayMessage[] = [];
      for (let i = 0; i < n; i++) {
        const inner = readRelayMessage(r.bytes());
        // a malformed part, a nested batch or another sender's part spoils the whole batch
        if (!inner || inner.kind === 'batch' || inner.sender !== sender) throw new Malformed();
        messages.push(inner);
      }
      return { sender, kind: 'batch', messages };
    }
    default:
      return null;
  }
}
