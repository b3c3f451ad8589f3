import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logger.ts';
import type { Room, RoomHooks } from './room.ts';
import { RoomRegistry } from './rooms.ts';
import type { RoomStore } from './types.ts';

/** A room's storage whose drains answer as the test says (stored, not stored, or later). */
class FakeStore implements RoomStore {
  dirty = false;
  writes = 0;
  failureCount = 0;
  drains = 0;
  closed = false;
  /** What each drain answers, in turn; once empty, drains store everything. */
  answers: (boolean | Promise<boolean>)[] = [];
  push(): void {
    this.dirty = true;
  }
  async drain(): Promise<boolean> {
    this.drains++;
    const ok = await (this.answers.shift() ?? true);
    if (ok) this.dirty = false;
    return ok;
  }
  close(): void {
    this.closed = true;
  }
}

/** An update log that loads an empty document (or fails, as the test says), counting loads. */
function fakeLog() {
  const log = {
    loads: 0,
    failNext: false,
    async load(_sessionId: string) {
      log.loads++;
      if (log.failNext) {
        log.failNext = false;
        throw new Error('database unavailable');
      }
      return { update: null, rows: 0 };
    },
  };
  return log;
}

/** A registry over a fake log; rooms unload at once unless `lingerMs` says otherwise. */
function setup(lingerMs = 0) {
  const log = fakeLog();
  const stores = new Map<string, FakeStore>();
  const destroyed: string[] = [];
  const hooks: RoomHooks = {
    onLoad(room) {
      const store = new FakeStore();
      stores.set(room.sessionId, store);
      room.attachStore(store);
    },
    onDestroy: (room) => destroyed.push(room.sessionId),
  };
  const rooms = new RoomRegistry(log, createLogger({ quiet: true }), [hooks], { lingerMs });
  return { rooms, log, stores, destroyed, store: (id: string) => stores.get(id) as FakeStore };
}

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

let registry: RoomRegistry | null = null;
afterEach(async () => {
  vi.useRealTimers();
  await registry?.closeAll();
  registry = null;
});

describe('RoomRegistry', () => {
  it('shares one load between callers acquiring the same session at once', async () => {
    const { rooms, log } = setup();
    registry = rooms;
    const [a, b] = await Promise.all([rooms.acquire('s1'), rooms.acquire('s1')]);
    expect(a).toBe(b);
    expect(log.loads).toBe(1);
    expect(rooms.loadedRoom('s1')).toBe(a);
    expect(rooms.size).toBe(1);
  });

  it('does not cache a failed load: the next caller loads again', async () => {
    const { rooms, log } = setup();
    registry = rooms;
    log.failNext = true;
    await expect(rooms.acquire('s1')).rejects.toThrow('database unavailable');
    expect(rooms.loadedRoom('s1')).toBeUndefined();
    const room = await rooms.acquire('s1');
    expect(log.loads).toBe(2);
    expect(room.sessionId).toBe('s1');
  });

  it('keeps a pinned room loaded, and unloads it once unpinned and released', async () => {
    const { rooms, destroyed, store } = setup();
    registry = rooms;
    const room = await rooms.acquire('s1');
    await rooms.release(room);
    expect(rooms.loadedRoom('s1')).toBe(room);
    expect(destroyed).toEqual([]);

    rooms.unpin(room);
    await rooms.release(room);
    expect(rooms.loadedRoom('s1')).toBeUndefined();
    expect(destroyed).toEqual(['s1']);
    expect(store('s1').closed).toBe(true);
  });

  it('counts pins: a room acquired twice stays loaded until both callers unpin', async () => {
    const { rooms } = setup();
    registry = rooms;
    const room = await rooms.acquire('s1');
    await rooms.acquire('s1');
    rooms.unpin(room);
    await rooms.release(room);
    expect(rooms.loadedRoom('s1')).toBe(room);
    rooms.unpin(room);
    await rooms.release(room);
    expect(rooms.loadedRoom('s1')).toBeUndefined();
  });

  it('never unloads a room with unsaved changes: it retries storing them first', async () => {
    const { rooms, destroyed, store } = setup();
    registry = rooms;
    const room = await rooms.acquire('s1');
    room.queue.push(new Uint8Array([1]));
    store('s1').answers = [false, false, true];
    rooms.unpin(room);
    await rooms.release(room);
    expect(store('s1').drains).toBe(3);
    expect(destroyed).toEqual(['s1']);
  });

  it('leaves the room loaded when someone acquires it while its changes are being stored', async () => {
    const { rooms, destroyed, store } = setup();
    registry = rooms;
    const room = await rooms.acquire('s1');
    const drain = deferred<boolean>();
    store('s1').answers = [drain.promise];
    rooms.unpin(room);
    const released = rooms.release(room);
    const again = await rooms.acquire('s1'); // a socket arriving during the flush
    drain.resolve(true);
    await released;
    expect(again).toBe(room);
    expect(rooms.loadedRoom('s1')).toBe(room);
    expect(destroyed).toEqual([]);
    expect(room.doc.isDestroyed).toBe(false);
  });

  it('stops retrying a failed flush once somebody is back in the room (its queue retries by itself)', async () => {
    const { rooms, store } = setup();
    registry = rooms;
    const room = await rooms.acquire('s1');
    room.queue.push(new Uint8Array([1]));
    const drain = deferred<boolean>();
    store('s1').answers = [drain.promise];
    rooms.unpin(room);
    const released = rooms.release(room);
    await rooms.acquire('s1');
    drain.resolve(false);
    await released;
    expect(store('s1').drains).toBe(1);
    expect(rooms.loadedRoom('s1')).toBe(room);
  });

  it('prefetches a room before its first socket and unloads it when nobody came in time', async () => {
    vi.useFakeTimers();
    const { rooms, log, destroyed } = setup();
    registry = rooms;
    rooms.prefetch('s1', 1_000);
    rooms.prefetch('s1', 1_000); // a second prefetch of the same session changes nothing
    await vi.advanceTimersByTimeAsync(0);
    expect(log.loads).toBe(1);
    const room = rooms.loadedRoom('s1');
    expect(room).toBeDefined();
    await vi.advanceTimersByTimeAsync(999);
    expect(rooms.loadedRoom('s1')).toBe(room);
    await vi.advanceTimersByTimeAsync(1);
    expect(rooms.loadedRoom('s1')).toBeUndefined();
    expect(destroyed).toEqual(['s1']);
  });

  it("hands a prefetch's pin over to the first caller: the room unloads when that caller is done", async () => {
    vi.useFakeTimers();
    const { rooms, log, destroyed } = setup();
    registry = rooms;
    rooms.prefetch('s1', 60_000);
    const room = await rooms.acquire('s1');
    expect(log.loads).toBe(1);
    rooms.unpin(room);
    await rooms.release(room);
    expect(rooms.loadedRoom('s1')).toBeUndefined();
    expect(destroyed).toEqual(['s1']);
  });

  it('keeps an emptied room for the linger: a rejoin takes it over, and it unloads, stored, when the linger ends', async () => {
    vi.useFakeTimers();
    const { rooms, log, destroyed, store } = setup(1_000);
    registry = rooms;
    const room = await rooms.acquire('s1');
    rooms.unpin(room);
    // the last socket leaves (a page reloads): the room stays, no new load for the one coming back
    await rooms.release(room);
    await vi.advanceTimersByTimeAsync(999);
    expect(rooms.loadedRoom('s1')).toBe(room);
    const again = await rooms.acquire('s1');
    expect(again).toBe(room);
    expect(log.loads).toBe(1);
    // the rejoin took the linger's pin over: the old timer unloads nothing
    await vi.advanceTimersByTimeAsync(5_000);
    expect(rooms.loadedRoom('s1')).toBe(room);
    // it leaves with a change not yet stored: a new linger, then the change is stored and the room goes
    rooms.unpin(again);
    store('s1').push();
    await rooms.release(again);
    rooms.release(again); // another socket of the same page closing changes nothing
    await vi.advanceTimersByTimeAsync(999);
    expect(rooms.loadedRoom('s1')).toBe(room);
    expect(store('s1').drains).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(rooms.loadedRoom('s1')).toBeUndefined();
    expect(store('s1').dirty).toBe(false);
    expect(destroyed).toEqual(['s1']);
  });

  it('unloads a prefetched room nobody joined when the prefetch ends, without a linger', async () => {
    vi.useFakeTimers();
    const { rooms, destroyed } = setup(60_000);
    registry = rooms;
    rooms.prefetch('s1', 1_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(rooms.loadedRoom('s1')).toBeUndefined();
    expect(destroyed).toEqual(['s1']);
  });

  it('loads the stored state into the room', async () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'stored');
    const rooms = new RoomRegistry(
      { load: async () => ({ update: Y.encodeStateAsUpdate(doc), rows: 3 }) },
      createLogger({ quiet: true }),
      [{ onLoad: (r: Room) => r.attachStore(new FakeStore()) }],
    );
    registry = rooms;
    const room = await rooms.acquire('s1');
    expect(room.doc.getText('t').toString()).toBe('stored');
    expect(room.loadedRows).toBe(3);
  });

  it('closes every room on shutdown, naming those whose changes could not be stored', async () => {
    const { rooms, destroyed, store } = setup();
    const [a] = await Promise.all([rooms.acquire('s1'), rooms.acquire('s2')]);
    a.queue.push(new Uint8Array([1]));
    store('s1').answers = [false];
    expect(await rooms.closeAll()).toEqual(['s1']);
    expect(destroyed.sort()).toEqual(['s1', 's2']);
    expect(rooms.size).toBe(0);
  });
});
