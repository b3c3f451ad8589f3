/**
 * One room's link to the other processes that hold it: publishes what this process's sockets
 * sent (one Redis message per event-loop turn, with the presence and "stored" announcements that
 * ride along: roomOutbox.ts), applies what the others
 * publish (origin RELAY_ORIGIN: broadcast to our sockets, never appended to the log), keeps the
 * cluster's stored state (what "saved" may claim), and every `syncIntervalMs` exchanges state
 * vectors with the others so a lost message is repaired (anti-entropy) and renews this process's
 * membership of the room. Presence, observer counts and room state travel the same channel.
 */
import * as Y from 'yjs';
import type { Logger } from '../logger.ts';
import type { Bus } from './bus.ts';
import { FinaliseRounds } from './finaliseRounds.ts';
import { PresenceLink } from './presenceLink.ts';
import type { RelayedRoom, RelayedRoomState } from './relayedRoom.ts';
import { RoomOutbox } from './roomOutbox.ts';
import { StoredState, updateRanges } from './storedState.ts';
import {
  type SingleRelayMessage,
  readRelayMessage,
  roomChannel,
  writeRelayDiff,
  writeRelayRoomState,
  writeRelayLeave,
  writeRelayObservers,
  writeRelayPresence,
  writeRelayRevoke,
  writeRelaySync,
  unbatch,
} from './wire.ts';

export interface RoomLinkTiming {
  /** State-vector exchange and membership heartbeat (default 2 s). */
  syncIntervalMs: number;
  /** Presence changes gathered before one publish. */
  presenceTickMs: number;
  /** A process not heard from for this long is taken for gone (its presence removed). */
  peerTimeoutMs: number;
  /** The longest a "stored" announcement waits to ride in another message (roomOutbox.ts). */
  storedBoundMs: number;
}

/** Another process holding the room, as last heard. */
interface Peer {
  seen: number;
  observers: number;
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
  private readonly outbox: RoomOutbox;
  private readonly peers = new Map<string, Peer>();
  private readonly presence: PresenceLink;
  /** Our state vector at the previous exchange: only what we held that long is offered unasked. */
  private previousVector = new Map<number, number>();
  private deleteDigest: number | null = null;
  private publishedObservers = 0;
  private readonly finalising: FinaliseRounds;
  private readonly syncTimer: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly room: RelayedRoom,
    private readonly bus: Bus,
    private readonly logger: Logger,
    private readonly timing: RoomLinkTiming,
  ) {
    this.channel = roomChannel(room.sessionId);
    this.outbox = new RoomOutbox({
      sender: bus.processId,
      send: (m) => this.bus.publish(this.channel, m),
      // the presence gathered so far rides in whatever goes out (a caret moved with a keystroke)
      beforeSend: () => this.presence.flush(),
      storedBoundMs: timing.storedBoundMs,
    });
    // what the room loaded came from the database: stored by definition
    this.stored.addStateVector(Y.encodeStateVector(room.doc));
    room.doc.on('update', this.onDocUpdate);
    this.finalising = new FinaliseRounds({
      room,
      processId: bus.processId,
      logger,
      publish: (m) => this.publish(m),
      members: () => bus.members(room.sessionId).catch(() => [...this.peers.keys()]),
      flushOutbound: () => this.flushOutbound(),
    });
    this.presence = new PresenceLink(
      room,
      (update) => this.publish(writeRelayPresence(this.bus.processId, update)),
      timing.presenceTickMs,
    );
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
    this.outbox.update(update);
  }

  /** Publish what is pending now (what our sockets sent, the presence gathered, stored ranges). */
  private flushOutbound(): void {
    this.outbox.flush();
  }

  /**
   * This process committed `update` to the log: record the clock ranges it stored (our sockets
   * hear of it at once) and announce them to the others with our next message, or within
   * `storedBoundMs` (roomOutbox.ts).
   */
  committed(update: Uint8Array): void {
    const ranges = updateRanges(update);
    if (ranges.length === 0) return;
    if (this.stored.addRanges(ranges)) this.announce();
    this.outbox.committed(ranges); // after close too (a last commit): it then goes alone
  }

  private announce(): void {
    if (!this.closed) this.room.announcePersisted(this.stored.encodedPrefix());
  }

  /** Send with everything else this turn (one Redis message per turn). */
  private publish(message: Uint8Array): void {
    this.outbox.message(message);
  }

  private readonly onDocUpdate = (): void => {
    this.deleteDigest = null;
  };

  /** Everything we know, offered again: after a Redis outage, messages both ways may be lost. */
  resync(): void {
    this.bus.heartbeat(this.room.sessionId, this.timing.peerTimeoutMs);
    this.publishSync(true);
    this.presence.republish();
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
    this.presence.dropSender(id);
    this.updateRemoteObservers();
    this.finalising.gone(id);
  }

  private updateRemoteObservers(): void {
    let total = 0;
    for (const p of this.peers.values()) total += p.observers;
    this.room.setRemoteObservers(total);
  }

  /** One message from the room's channel. */
  receive(bytes: Uint8Array): void {
    if (this.closed) return;
    const received = readRelayMessage(bytes);
    if (!received || received.sender === this.bus.processId) return;
    for (const msg of unbatch(received)) {
      if (this.closed) return;
      if (msg.kind === 'leave') {
        this.dropPeer(msg.sender);
        continue;
      }
      const peer = this.peer(msg.sender);
      try {
        this.handle(msg, peer);
      } catch (err) {
        this.logger.warn('relay message could not be applied', { sessionId: this.room.sessionId, kind: msg.kind, err });
      }
    }
  }

  private handle(msg: SingleRelayMessage, peer: Peer): void {
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
        this.presence.apply(msg.sender, msg.update);
        return;
      case 'observers':
        peer.observers = msg.count;
        this.updateRemoteObservers();
        return;
      case 'roomState':
        this.room.setLocked(msg.locked);
        this.room.setSessionState({ status: msg.status, public: msg.public });
        return;
      case 'revoke':
        this.room.closeTokens(new Set(msg.tokenHashes));
        return;
      case 'finalise':
        this.finalising.answer(msg.request);
        return;
      case 'finalised':
        this.finalising.answered(msg.sender, msg.request, msg.ok);
        return;
      case 'leave':
        return;
    }
  }

  /**
   * Another process's state vector: send it what it lacks. Unasked, only what we have held for a
   * whole round is offered (what is younger is most likely still on its way through the relay);
   * equal vectors with different delete sets get our delete set. Its stored prefix joins ours.
   */
  private answerSync(msg: Extract<SingleRelayMessage, { kind: 'sync' }>): void {
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
      // a joiner (or a process back from an outage) missed what we published before: our state
      // vector, our observers, and our sockets' presence (else their carets and names would
      // reach it only with their clients' 15 s renewal)
      this.publishSync(false);
      this.publish(writeRelayObservers(this.bus.processId, this.room.localObservers));
      this.presence.republish();
    }
  }

  /** Publish the session state to every other process holding the room. */
  publishRoomState(state: RelayedRoomState): void {
    this.publish(writeRelayRoomState(this.bus.processId, state));
  }

  /** Close the revoked links' sockets on every other process. */
  publishRevoke(tokenHashes: readonly string[]): void {
    this.publish(writeRelayRevoke(this.bus.processId, tokenHashes));
  }

  /** Finalise across the cluster (finaliseRounds.ts). */
  finalise(writerTimeoutMs: number, answerTimeoutMs: number): Promise<boolean> {
    return this.finalising.run(writerTimeoutMs, answerTimeoutMs);
  }

  /** Whether this link is the one of the room with this document (a reloaded room gets a new link). */
  isLinkOf(doc: unknown): boolean {
    return this.room.doc === doc;
  }

  /** The room is unloaded: say goodbye and stop. */
  close(): void {
    if (this.closed) return;
    this.presence.close();
    this.publish(writeRelayLeave(this.bus.processId));
    this.flushOutbound(); // everything pending and the goodbye, in one last message
    this.closed = true;
    clearInterval(this.syncTimer);
    this.room.doc.off('update', this.onDocUpdate);
    this.bus.unsubscribe(this.channel);
    this.bus.leave(this.room.sessionId);
    this.finalising.close();
  }
}
