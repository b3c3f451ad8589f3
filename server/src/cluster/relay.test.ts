import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import type { Bus } from './bus.ts';
import { Relay } from './relay.ts';
import { RELAY_ORIGIN, type RelayedRoom, type RelayedRoomState } from './relayedRoom.ts';
import type { RoomLinkTiming } from './roomLink.ts';
import { readRelayMessage, unbatch } from './wire.ts';

/** Redis pub/sub in memory: ordered, asynchronous delivery to every subscriber, with a way to lose messages. */
class Hub {
  readonly channels = new Map<string, Map<string, (m: Uint8Array) => void>>();
  readonly members = new Map<string, Set<string>>();
  drop: (m: Uint8Array) => boolean = () => false;
  sent: Uint8Array[] = [];
  processes = 0;
  bus(processId = `p${this.processes}`): Bus {
    this.processes++;
    const hub = this;
    return {
      processId,
      stats: { published: 0, dropped: 0 },
      subscribe(channel, handler) {
        if (!hub.channels.has(channel)) hub.channels.set(channel, new Map());
        hub.channels.get(channel)!.set(processId, handler);
      },
      unsubscribe(channel) {
        hub.channels.get(channel)?.delete(processId);
      },
      publish(channel, message) {
        this.stats.published++;
        hub.sent.push(message);
        if (hub.drop(message)) return;
        for (const handler of hub.channels.get(channel)?.values() ?? []) setImmediate(() => handler(message));
      },
      heartbeat(sessionId) {
        if (!hub.members.has(sessionId)) hub.members.set(sessionId, new Set());
        hub.members.get(sessionId)!.add(processId);
      },
      leave(sessionId) {
        hub.members.get(sessionId)?.delete(processId);
      },
      members: async (sessionId) => [...(hub.members.get(sessionId) ?? [])],
      onReconnect() {},
      close: async () => {},
    };
  }
}

/** Whether a published message is, or carries in its batch, a message of this kind. */
function carries(m: Uint8Array, kind: string): boolean {
  const msg = readRelayMessage(m);
  return msg !== null && unbatch(msg).some((p) => p.kind === kind);
}

const SESSION = '00000000-0000-4000-8000-000000000001';

/** A room as the relay sees it, over a real Y.Doc and Awareness. */
class FakeRoom implements RelayedRoom {
  readonly sessionId = SESSION;
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  localObservers = 0;
  remoteObservers = 0;
  roomState: RelayedRoomState = { status: 'live', public: false, locked: false };
  persisted = new Map<number, number>();
  closedTokens: string[] = [];
  writersSynced = 0;
  constructor(readonly relay: Relay) {
    this.doc.on('update', (u: Uint8Array, origin: unknown) => relay.onUpdate(this, u, origin));
  }
  setRemoteObservers(n: number) {
    this.remoteObservers = n;
  }
  setLocked(locked: boolean) {
    this.roomState = { ...this.roomState, locked };
  }
  setSessionState(f: { status: string; public: boolean }) {
    this.roomState = { ...this.roomState, ...f };
  }
  closeTokens(hashes: ReadonlySet<string>) {
    this.closedTokens.push(...hashes);
    return hashes.size;
  }
  async syncWriters() {
    this.writersSynced++;
  }
  async flush() {
    return true;
  }
  applyRemote(update: Uint8Array) {
    Y.applyUpdate(this.doc, update, RELAY_ORIGIN);
  }
  announcePersisted(sv: Uint8Array) {
    this.persisted = Y.decodeStateVector(sv);
  }
  text() {
    return this.doc.getText('t').toString();
  }
}

async function until(fn: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 5_000;
  while (!fn()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('Relay', () => {
  const rooms: FakeRoom[] = [];
  afterEach(() => {
    for (const r of rooms.splice(0)) {
      r.relay.onDestroy(r);
      r.awareness.destroy();
      r.doc.destroy();
    }
  });

  function cluster(n: number, hub = new Hub(), timing: Partial<RoomLinkTiming> = {}) {
    const made = Array.from({ length: n }, () => {
      const relay = new Relay(hub.bus(), createLogger({ quiet: true }), {
        syncIntervalMs: 40,
        presenceTickMs: 5,
        peerTimeoutMs: 400,
        storedBoundMs: 20,
        ...timing,
      });
      const room = new FakeRoom(relay);
      relay.onLoad(room);
      rooms.push(room);
      return room;
    });
    return { hub, rooms: made };
  }

  it('publishes one message per event-loop turn however many updates it held, and others apply it', async () => {
    const {
      hub,
      rooms: [a, b],
    } = cluster(2);
    await new Promise((r) => setTimeout(r, 10));
    hub.sent = [];
    const t = a!.doc.getText('t');
    t.insert(0, 'a');
    t.insert(1, 'b');
    t.insert(2, 'c');
    await until(() => b!.text() === 'abc', 'b to get the keystrokes');
    expect(hub.sent.filter((m) => carries(m, 'update'))).toHaveLength(1);
  });

  it('publishes a keystroke and the caret moved with it as one message', async () => {
    const {
      hub,
      rooms: [a, b],
    } = cluster(2, new Hub(), { syncIntervalMs: 60_000 });
    await new Promise((r) => setTimeout(r, 20)); // the joiners' first exchange
    hub.sent = [];
    const client = new Y.Doc();
    const clientAwareness = new awarenessProtocol.Awareness(client);
    clientAwareness.setLocalState({ cursor: { anchor: 1, head: 1 } });
    a!.doc.getText('t').insert(0, 'k');
    awarenessProtocol.applyAwarenessUpdate(
      a!.awareness,
      awarenessProtocol.encodeAwarenessUpdate(clientAwareness, [client.clientID]),
      'socket',
    );
    await until(() => b!.text() === 'k' && b!.awareness.getStates().has(client.clientID), 'keystroke and caret on B');
    await new Promise((r) => setTimeout(r, 20)); // anything else that would have gone out
    expect(hub.sent.map((m) => unbatch(readRelayMessage(m)!).map((p) => p.kind))).toEqual([['update', 'presence']]);
    clientAwareness.destroy();
  });

  it('announces what was stored with the next message, or alone once the bound passed', async () => {
    const {
      hub,
      rooms: [a, b],
    } = cluster(2, new Hub(), { syncIntervalMs: 60_000, storedBoundMs: 30 });
    const updates: Uint8Array[] = [];
    a!.doc.on('update', (u: Uint8Array, origin: unknown) => origin !== RELAY_ORIGIN && updates.push(u));
    const t = a!.doc.getText('t');
    t.insert(0, 'ab');
    await until(() => b!.text() === 'ab', 'delivery');
    await new Promise((r) => setTimeout(r, 20));
    hub.sent = [];
    // committed, then a keystroke in the same turn: one message carries both
    a!.relay.onCommitted(a!, updates.splice(0)[0]!);
    t.insert(2, 'c');
    await until(() => b!.persisted.get(a!.doc.clientID) === 2 && b!.text() === 'abc', 'B to hear of both');
    expect(hub.sent.map((m) => unbatch(readRelayMessage(m)!).map((p) => p.kind))).toEqual([['update', 'stored']]);
    // committed with nothing else to send: not in this turn, alone after the bound
    hub.sent = [];
    a!.relay.onCommitted(a!, updates.splice(0)[0]!);
    expect(a!.persisted.get(a!.doc.clientID)).toBe(3); // A's own sockets hear of it at once
    await new Promise((r) => setImmediate(r));
    expect(hub.sent).toEqual([]);
    await until(() => b!.persisted.get(a!.doc.clientID) === 3, 'B to hear of the commit');
    expect(hub.sent.map((m) => readRelayMessage(m)!.kind)).toEqual(['stored']);
  });

  it('applies what others publish with the relay origin, so it is never published back', async () => {
    const {
      hub,
      rooms: [a, b],
    } = cluster(2);
    const origins: unknown[] = [];
    b!.doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    a!.doc.getText('t').insert(0, 'x');
    await until(() => b!.text() === 'x', 'delivery');
    expect(origins).toEqual([RELAY_ORIGIN]);
    await new Promise((r) => setTimeout(r, 20));
    const fromB = hub.sent.filter((m) => readRelayMessage(m)?.sender === 'p1' && carries(m, 'update'));
    expect(fromB).toEqual([]);
  });

  it('acknowledges as saved only what some process announced as stored', async () => {
    const {
      rooms: [a, b],
    } = cluster(2);
    const updates: Uint8Array[] = [];
    a!.doc.on('update', (u: Uint8Array, origin: unknown) => origin !== RELAY_ORIGIN && updates.push(u));
    a!.doc.getText('t').insert(0, 'typed on A');
    await until(() => b!.text() === 'typed on A', 'delivery');
    // B holds it but nobody stored it: B claims nothing for A's client
    b!.relay.onCommitted(b!, Y.encodeStateAsUpdate(new Y.Doc()));
    expect(b!.persisted.get(a!.doc.clientID) ?? 0).toBe(0);
    // A commits it: both acknowledge it
    a!.relay.onCommitted(a!, Y.mergeUpdates(updates));
    expect(a!.persisted.get(a!.doc.clientID)).toBe(10);
    await until(() => b!.persisted.get(a!.doc.clientID) === 10, 'B to hear of the commit');
  });

  it('repairs a lost update through the state-vector exchange', async () => {
    const {
      hub,
      rooms: [a, b],
    } = cluster(2);
    hub.drop = (m) => carries(m, 'update');
    a!.doc.getText('t').insert(0, 'lost in transit');
    await until(() => b!.text() === 'lost in transit', 'repair');
  });

  it('repairs a lost deletion (equal state vectors, different delete sets)', async () => {
    const {
      hub,
      rooms: [a, b],
    } = cluster(2);
    a!.doc.getText('t').insert(0, 'abcdef');
    await until(() => b!.text() === 'abcdef', 'delivery');
    hub.drop = (m) => carries(m, 'update');
    a!.doc.getText('t').delete(0, 3);
    await until(() => b!.text() === 'def', 'repair of the deletion');
  });

  it('brings a process that loads the room late up to date at once, and learns what the others stored', async () => {
    const hub = new Hub();
    const {
      rooms: [a],
    } = cluster(1, hub);
    a!.doc.getText('t').insert(0, 'before B');
    a!.relay.onCommitted(a!, Y.encodeStateAsUpdate(a!.doc));
    await new Promise((r) => setTimeout(r, 20)); // A's update is published before B subscribes
    const {
      rooms: [b],
    } = cluster(1, hub);
    await until(() => b!.text() === 'before B', 'catch-up');
    await until(() => b!.persisted.get(a!.doc.clientID) === 8, 'stored prefix from the exchange');
  });

  it('relays presence of local sockets, not the room entry, and removes it when its process goes silent', async () => {
    const hub = new Hub();
    const {
      rooms: [a, b],
    } = cluster(2, hub);
    const client = new Y.Doc();
    const clientAwareness = new awarenessProtocol.Awareness(client);
    clientAwareness.setLocalState({ user: { name: 'Malta' } });
    awarenessProtocol.applyAwarenessUpdate(
      a!.awareness,
      awarenessProtocol.encodeAwarenessUpdate(clientAwareness, [client.clientID]),
      'socket',
    );
    await until(() => b!.awareness.getStates().has(client.clientID), 'presence on B');
    expect(b!.awareness.getStates().has(a!.doc.clientID)).toBe(false);
    // A dies without a word: B forgets A's clients once A is silent for the peer timeout
    hub.channels.get(`rapporteur:room:${SESSION}`)!.delete('p0');
    hub.drop = (m) => readRelayMessage(m)?.sender === 'p0';
    await until(() => !b!.awareness.getStates().has(client.clientID), 'presence removed');
    clientAwareness.destroy();
  });

  it('sums observers across processes, and applies session state and revocations everywhere', async () => {
    const {
      rooms: [a, b, c],
    } = cluster(3);
    a!.localObservers = 4;
    b!.localObservers = 2;
    await until(() => c!.remoteObservers === 6 && a!.remoteObservers === 2, 'observer counts');
    a!.relay.publishRoomState(SESSION, { status: 'review', public: true, locked: false });
    a!.relay.publishRevoke(SESSION, ['h1']);
    await until(() => b!.roomState.status === 'review' && c!.roomState.public, 'room state');
    await until(() => b!.closedTokens.includes('h1') && c!.closedTokens.includes('h1'), 'revocation');
  });

  it('finalises across processes: each syncs its writers and locks before the initiator resolves', async () => {
    const {
      rooms: [a, b, c],
    } = cluster(3);
    await new Promise((r) => setTimeout(r, 60)); // membership heartbeats
    expect(await a!.relay.finalise(SESSION, 200)).toBe(true);
    for (const r of [a, b, c]) {
      expect(r!.writersSynced).toBe(1);
      expect(r!.roomState.locked).toBe(true);
    }
  });

  it('unlocks everywhere when some process could not store its part of a finalise', async () => {
    const {
      rooms: [a, b],
    } = cluster(2);
    await new Promise((r) => setTimeout(r, 60));
    b!.flush = async () => false;
    expect(await a!.relay.finalise(SESSION, 200)).toBe(false);
    await until(() => !a!.roomState.locked && !b!.roomState.locked, 'unlocked');
  });
});
