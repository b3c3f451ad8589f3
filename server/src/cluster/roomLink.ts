/**
 * One room's link to the other processes that hold it: publishes what this process's sockets
 * sent (merged per event-loop turn: one Redis message per keystroke), applies what the others
 * publish (origin RELAY_ORIGIN: broadcast to our sockets, never appended to the log), keeps the
 * cluster's stored state (what "saved" may claim), and every `syncIntervalMs` exchanges state
 * vectors with the others so a lost message is repaired (anti-entropy) and renews this process's
 * membership of the room. Presence, observer counts and room facts travel the same channel.
 */
import { randomUUID } from 'node:crypto';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { readAwarenessEntries } from '../collab/awarenessFilter.ts';
import type { Logger } from '../logger.ts';
import type { Bus } from './bus.ts';
import { RELAY_ORIGIN, type RelayedRoom, type RoomFacts } from './relayedRoom.ts';
import { StoredState, updateRanges } from './storedState.ts';
import {
  type RelayMessage,
  readRelayMessage,
  roomChannel,
  writeRelayDiff,
  writeRelayFacts,
  writeRelayFinalise,
  writeRelayFinalised,
  writeRelayLeave,
  writeRelayObservers,
  writeRelayPresence,
  writeRelayRevoke,
  writeRelayStored,
  writeRelaySync,
  writeRelayUpdate,
} from './wire.ts';

export interface RoomLinkTiming {
  /** State-vector exchange and membership heartbeat (default 2 s). */
  syncIntervalMs: number;
  /** Presence changes gathered before one publish. */
  presenceTickMs: number;
  /** A process not heard from for this long is taken for gone (its presence removed). */
  peerTimeoutMs: number;
}

/** Another process holding the room, as last heard. */
interface Peer {
  seen: number;
  observers: number;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** 32-bit FNV-1a of some bytes: a digest of a delete set, compared between processes. */
function digest(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

function sameVector(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [c, clock] of a) if (b.get(c) !== clock) return false;
  return true;
}

/** The relay state of one loaded room. */
export class RoomLink {
  /** What the cluster has stored of this room, as far as this process knows. */
  readonly stored = new StoredState();
  private readonly channel: string;
  private outbound: Uint8Array[] = [];
  private outboundScheduled: NodeJS.Immediate | null = null;
  private readonly presenceChanged = new Set<number>();
  private presenceTimer: NodeJS.Timeout | null = null;
  private readonly peers = new Map<string, Peer>();
  /** Remote presence entries by the process that relayed them (removed when it goes). */
  private readonly presenceOwner = new Map<number, string>();
  /** Our state vector at the previous exchange: only what we held that long is offered unasked. */
  private previousVector = new Map<number, number>();
  private deleteDigest: number | null = null;
  private publishedObservers = 0;
  private readonly finalisations = new Map<string, { waiting: Set<string>; failed: boolean; settle: () => void }>();
  private readonly syncTimer: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly room: RelayedRoom,
    private readonly bus: Bus,
    private readonly logger: Logger,
    private readonly timing: RoomLinkTiming,
  ) {
    this.channel = roomChannel(room.sessionId);
    // what the room loaded came from the database: stored by definition
    this.stored.addStateVector(Y.encodeStateVector(room.doc));
    room.doc.on('update', this.onDocUpdate);
    room.awareness.on('update', this.onPresence);
    bus.subscribe(this.channel, (m) => this.receive(m));
    bus.heartbeat(room.sessionId, timing.peerTimeoutMs);
    // ask the others for what they hold beyond what we loaded, and to tell us what they stored
    this.publishSync(true);
    this.syncTimer = setInterval(() => this.exchange(), timing.syncIntervalMs);
    this.syncTimer.unref();
  }

  /** An update integrated locally (our sockets, or our own work): published at the end of this turn. */
  localUpdate(update: Uint8Array): void {
    if (this.closed) return;
    this.outbound.push(update);
    this.outboundScheduled ??= setImmediate(() => this.flushOutbound());
  }

  private flushOutbound(): void {
    if (this.outboundScheduled) clearImmediate(this.outboundScheduled);
    this.outboundScheduled = null;
    if (this.outbound.length === 0) return;
    const batch = this.outbound;
    this.outbound = [];
    this.publish(writeRelayUpdate(this.bus.processId, batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch)));
  }

  /** This process committed `update` to the log: record and announce the clock ranges it stored. */
  committed(update: Uint8Array): void {
    const ranges = updateRanges(update);
    if (ranges.length === 0) return;
    if (this.stored.addRanges(ranges)) this.announce();
    this.publish(writeRelayStored(this.bus.processId, ranges));
  }

  private announce(): void {
    if (!this.closed) this.room.announcePersisted(this.stored.encodedPrefix());
  }

  private publish(message: Uint8Array): void {
    this.bus.publish(this.channel, message);
  }

  private readonly onDocUpdate = (): void => {
    this.deleteDigest = null;
  };

  /** Presence of our own sockets (joins, moves, renewals, leaves) is relayed; the room's own entry is not. */
  private readonly onPresence = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    // each process times out stale entries itself; what came from the relay is not sent back
    if (origin === RELAY_ORIGIN || origin === 'timeout' || this.closed) return;
    const own = this.room.doc.clientID;
    for (const list of [added, updated, removed]) {
      for (const id of list) {
        if (id === own) continue;
        this.presenceChanged.add(id);
        this.presenceOwner.delete(id); // a client that moved to us from another process is ours now
      }
    }
    if (this.presenceChanged.size > 0) {
      this.presenceTimer ??= setTimeout(() => this.flushPresence(), this.timing.presenceTickMs);
    }
  };

  private flushPresence(): void {
    this.presenceTimer = null;
    if (this.presenceChanged.size === 0) return;
    const ids = [...this.presenceChanged];
    this.presenceChanged.clear();
    this.publish(
      writeRelayPresence(this.bus.processId, awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, ids)),
    );
  }

  /** Everything we know, offered again: after a Redis outage, messages both ways may be lost. */
  resync(): void {
    this.bus.heartbeat(this.room.sessionId, this.timing.peerTimeoutMs);
    this.publishSync(true);
    const own = this.room.doc.clientID;
    const local = [...this.room.awareness.getStates().keys()].filter((id) => id !== own && !this.presenceOwner.has(id));
    for (const id of local) this.presenceChanged.add(id);
    this.flushPresence();
    this.publish(writeRelayObservers(this.bus.processId, this.room.localObservers));
  }

  private publishSync(askBack: boolean): void {
    this.publish(
      writeRelaySync(this.bus.processId, {
        stateVector: Y.encodeStateVector(this.room.doc),
        stored: this.stored.encodedPrefix(),
        deletes: this.deletes(),
        askBack,
      }),
    );
  }

  /** A digest of the document's delete set: equal vectors with different digests mean a lost deletion. */
  private deletes(): number {
    if (this.deleteDigest === null) {
      const ds = Y.encodeStateAsUpdate(this.room.doc, Y.encodeStateVector(this.room.doc));
      this.deleteDigest = digest(ds);
    }
    return this.deleteDigest;
  }

  /** The periodic round: heartbeat, state vector, observer count, and forgetting silent peers. */
  private exchange(): void {
    this.bus.heartbeat(this.room.sessionId, this.timing.peerTimeoutMs);
    this.publishSync(false);
    this.previousVector = Y.decodeStateVector(Y.encodeStateVector(this.room.doc));
    if (this.room.localObservers !== this.publishedObservers) {
      this.publishedObservers = this.room.localObservers;
      this.publish(writeRelayObservers(this.bus.processId, this.publishedObservers));
    }
    const now = Date.now();
    for (const [id, peer] of this.peers) if (now - peer.seen > this.timing.peerTimeoutMs) this.dropPeer(id);
  }

  private peer(id: string): Peer {
    let p = this.peers.get(id);
    if (!p) {
      p = { seen: Date.now(), observers: 0 };
      this.peers.set(id, p);
    }
    p.seen = Date.now();
    return p;
  }

  /** A process left or went silent: its clients' carets go, and its observers from the count. */
  private dropPeer(id: string): void {
    if (!this.peers.delete(id)) return;
    const entries = [...this.presenceOwner].filter(([, owner]) => owner === id).map(([client]) => client);
    for (const client of entries) this.presenceOwner.delete(client);
    awarenessProtocol.removeAwarenessStates(this.room.awareness, entries, RELAY_ORIGIN);
    this.updateRemoteObservers();
    for (const f of this.finalisations.values()) {
      if (f.waiting.delete(id) && f.waiting.size === 0) f.settle();
    }
  }

  private updateRemoteObservers(): void {
    let total = 0;
    for (const p of this.peers.values()) total += p.observers;
    this.room.setRemoteObservers(total);
  }

  /** One message from the room's channel. */
  receive(bytes: Uint8Array): void {
    if (this.closed) return;
    const msg = readRelayMessage(bytes);
    if (!msg || msg.sender === this.bus.processId) return;
    if (msg.kind === 'leave') {
      this.dropPeer(msg.sender);
      return;
    }
    const peer = this.peer(msg.sender);
    try {
      this.handle(msg, peer);
    } catch (err) {
      this.logger.warn('relay message could not be applied', { sessionId: this.room.sessionId, kind: msg.kind, err });
    }
  }

  private handle(msg: RelayMessage, peer: Peer): void {
    switch (msg.kind) {
      case 'update':
        this.room.applyRemote(msg.update);
        return;
      case 'diff':
        if (msg.target === this.bus.processId) this.room.applyRemote(msg.update);
        return;
      case 'stored':
        if (this.stored.addRanges(msg.ranges)) this.announce();
        return;
      case 'sync':
        this.answerSync(msg);
        return;
      case 'presence':
        this.applyPresence(msg.sender, msg.update);
        return;
      case 'observers':
        peer.observers = msg.count;
        this.updateRemoteObservers();
        return;
      case 'facts':
        this.room.setLocked(msg.locked);
        this.room.setSessionFacts({ status: msg.status, public: msg.public });
        return;
      case 'revoke':
        this.room.closeTokens(new Set(msg.tokenHashes));
        return;
      case 'finalise':
        void this.finaliseHere().then((ok) => this.publish(writeRelayFinalised(this.bus.processId, msg.request, ok)));
        return;
      case 'finalised': {
        const f = this.finalisations.get(msg.request);
        if (!f) return;
        if (!msg.ok) f.failed = true;
        if (f.waiting.delete(msg.sender) && f.waiting.size === 0) f.settle();
        return;
      }
      case 'leave':
        return;
    }
  }

  /**
   * Another process's state vector: send it what it lacks. Unasked, only what we have held for a
   * whole round is offered (what is younger is most likely still on its way through the relay);
   * equal vectors with different delete sets get our delete set. Its stored prefix joins ours.
   */
  private answerSync(msg: Extract<RelayMessage, { kind: 'sync' }>): void {
    if (this.stored.addStateVector(msg.stored)) this.announce();
    const theirs = Y.decodeStateVector(msg.stateVector);
    const ours = Y.decodeStateVector(Y.encodeStateVector(this.room.doc));
    let lacking = false;
    for (const [client, clock] of ours) {
      const theirClock = theirs.get(client) ?? 0;
      if (theirClock < clock && (msg.askBack || theirClock < (this.previousVector.get(client) ?? 0))) lacking = true;
    }
    if (!lacking && sameVector(ours, theirs) && msg.deletes !== this.deletes()) lacking = true;
    if (lacking) {
      this.publish(
        writeRelayDiff(this.bus.processId, msg.sender, Y.encodeStateAsUpdate(this.room.doc, msg.stateVector)),
      );
    }
    if (msg.askBack) {
      this.publishSync(false);
      this.publish(writeRelayObservers(this.bus.processId, this.room.localObservers));
    }
  }

  private applyPresence(sender: string, update: Uint8Array): void {
    for (const e of readAwarenessEntries(update)) {
      if (e.state === 'null') this.presenceOwner.delete(e.clientId);
      else this.presenceOwner.set(e.clientId, sender);
    }
    awarenessProtocol.applyAwarenessUpdate(this.room.awareness, update, RELAY_ORIGIN);
  }

  /** Publish session facts to every other process holding the room. */
  publishFacts(facts: RoomFacts): void {
    this.publish(writeRelayFacts(this.bus.processId, facts));
  }

  /** Close the revoked links' sockets on every other process. */
  publishRevoke(tokenHashes: readonly string[]): void {
    this.publish(writeRelayRevoke(this.bus.processId, tokenHashes));
  }

  /**
   * Finalise across the cluster: every process holding the room syncs its writers, locks and
   * stores (as a single process does), and answers; then this one does the same. Resolves true
   * when everyone stored everything; false (and the room unlocked everywhere) otherwise. A process
   * that does not answer within `timeoutMs` (dead: its clients reconnect to a locked room and keep
   * their edits offline) does not block the others.
   */
  async finalise(writerTimeoutMs: number, answerTimeoutMs: number): Promise<boolean> {
    const request = randomUUID();
    const members = await this.bus.members(this.room.sessionId).catch(() => [...this.peers.keys()]);
    const waiting = new Set([...members, ...this.peers.keys()].filter((id) => id !== this.bus.processId));
    const entry = { waiting, failed: false, settle: () => {} };
    const answered = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        if (waiting.size > 0) this.logger.warn('finalise: processes did not answer', { processes: [...waiting] });
        resolve();
      }, answerTimeoutMs);
      entry.settle = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.finalisations.set(request, entry);
    if (waiting.size === 0) entry.settle();
    this.publish(writeRelayFinalise(this.bus.processId, request));
    const here = await this.finaliseHere(writerTimeoutMs);
    await answered;
    this.finalisations.delete(request);
    const ok = here && !entry.failed;
    if (!ok) {
      this.room.setLocked(false);
      this.publishFacts({ ...this.room.facts, locked: false });
    }
    return ok;
  }

  /** This process's part of a finalise: its writers' last keystrokes, the lock, everything stored. */
  private async finaliseHere(writerTimeoutMs = 3_000): Promise<boolean> {
    await this.room.syncWriters(writerTimeoutMs);
    this.room.setLocked(true);
    this.flushOutbound(); // what the writers sent goes out before our answer (one ordered channel)
    return this.room.flush(Date.now() + 10_000);
  }

  /** Whether this link is the one of the room with this document (a reloaded room gets a new link). */
  holds(doc: unknown): boolean {
    return this.room.doc === doc;
  }

  /** The room is unloaded: say goodbye and stop. */
  close(): void {
    if (this.closed) return;
    this.flushOutbound();
    this.flushPresence();
    this.publish(writeRelayLeave(this.bus.processId));
    this.closed = true;
    clearInterval(this.syncTimer);
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.room.doc.off('update', this.onDocUpdate);
    this.room.awareness.off('update', this.onPresence);
    this.bus.unsubscribe(this.channel);
    this.bus.leave(this.room.sessionId);
    for (const f of this.finalisations.values()) f.settle();
  }
}
