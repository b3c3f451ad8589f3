import { RECORD_FIELD } from '@rapporteur/shared/schema';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../logger.ts';
import { AutoVersioner, type VersionSource } from './autoVersioner.ts';
import { type CapturedState, type StateSummary, summariseState } from './capture.ts';
import type { NewVersion } from './versionStore.ts';

/** A store that records what it is asked to write and skips repeats like the real one. */
function fakeStore() {
  const written: (NewVersion & { hash: string })[] = [];
  return {
    written,
    insertIfChanged: async (v: NewVersion, c: CapturedState) => {
      if (written.at(-1)?.hash === c.contentHash) return null;
      written.push({ ...v, hash: c.contentHash });
      return {
        id: crypto.randomUUID(),
        createdAt: new Date().toISOString(),
        blockCount: c.blockCount,
        wordCount: c.wordCount,
        ...v,
      };
    },
  };
}

function room(): VersionSource & { type(s: string): void } {
  const doc = new Y.Doc();
  const text = new Y.XmlText();
  doc.getXmlFragment(RECORD_FIELD).push([text]);
  return { sessionId: crypto.randomUUID(), doc, type: (s) => text.insert(text.length, s) };
}

describe('AutoVersioner', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const logger = createLogger({ quiet: true });

  it('takes one version after the quiet period, however many edits came before', async () => {
    const store = fakeStore();
    const auto = new AutoVersioner(store, logger, { quietMs: 1_000 });
    const r = room();
    for (const ch of 'typing') {
      r.type(ch);
      auto.onUpdate(r);
      await vi.advanceTimersByTimeAsync(300); // never quiet for a whole second
    }
    expect(store.written).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    await auto.settled();
    expect(store.written).toHaveLength(1);
    expect(store.written[0]).toMatchObject({ sessionId: r.sessionId, kind: 'auto' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(store.written).toHaveLength(1); // nothing more without new edits
  });

  it('takes no version when the content equals the latest one', async () => {
    const store = fakeStore();
    const auto = new AutoVersioner(store, logger, { quietMs: 1_000 });
    const r = room();
    r.type('a');
    auto.onUpdate(r);
    await vi.advanceTimersByTimeAsync(1_000);
    auto.onUpdate(r); // an update that changed nothing visible (say, a client's empty backlog)
    await vi.advanceTimersByTimeAsync(1_000);
    await auto.settled();
    expect(store.written).toHaveLength(1);
  });

  it('versions a room unloaded before its quiet period ended, and stops on close', async () => {
    const store = fakeStore();
    const auto = new AutoVersioner(store, logger, { quietMs: 60_000 });
    const r = room();
    r.type('last words');
    auto.onUpdate(r);
    auto.onDestroy(r);
    await auto.close();
    expect(store.written).toHaveLength(1);
    auto.onUpdate(r);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(store.written).toHaveLength(1);
  });

  it('writes the capture of an unloaded room when its quiet period ends', async () => {
    const store = fakeStore();
    const auto = new AutoVersioner(store, logger, { quietMs: 1_000 });
    const r = room();
    r.type('said before leaving');
    auto.onUpdate(r);
    await vi.advanceTimersByTimeAsync(400);
    auto.onDestroy(r);
    r.doc.destroy();
    await vi.advanceTimersByTimeAsync(500);
    expect(store.written).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(100);
    await auto.settled();
    expect(store.written).toHaveLength(1);
  });

  it('lets a reloaded, edited room take over from its unloaded predecessor (one version, not two)', async () => {
    const store = fakeStore();
    const auto = new AutoVersioner(store, logger, { quietMs: 1_000 });
    const first = room();
    first.type('before the drop');
    auto.onUpdate(first);
    auto.onDestroy(first);
    // the note-taker reconnects at once: the session loads into a new room and gets more edits
    const second = { ...room(), sessionId: first.sessionId };
    await vi.advanceTimersByTimeAsync(200);
    second.type('before the drop, and after');
    auto.onUpdate(second);
    await vi.advanceTimersByTimeAsync(5_000);
    await auto.settled();
    expect(store.written).toHaveLength(1);
    await auto.close();
  });

  it('tries again after the next quiet period when a write fails', async () => {
    const store = fakeStore();
    let fail = true;
    const flaky = {
      insertIfChanged: (v: NewVersion, c: CapturedState) =>
        fail ? Promise.reject(new Error('db down')) : store.insertIfChanged(v, c),
    };
    const auto = new AutoVersioner(flaky, createLogger({ quiet: true }), { quietMs: 1_000 });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const r = room();
    r.type('a');
    auto.onUpdate(r);
    await vi.advanceTimersByTimeAsync(1_000);
    await auto.settled();
    expect(store.written).toHaveLength(0);
    fail = false;
    await vi.advanceTimersByTimeAsync(1_000);
    await auto.settled();
    expect(store.written).toHaveLength(1);
    errors.mockRestore();
  });

  it('takes only the state in the room’s turn; the summary is made by `summarise` when the version is written', async () => {
    const store = fakeStore();
    const asked: Uint8Array[] = [];
    const summarise = async (state: Uint8Array): Promise<StateSummary> => {
      asked.push(state);
      return summariseState(state);
    };
    const auto = new AutoVersioner(store, logger, { quietMs: 1_000, summarise });
    const r = room();
    r.type('four words of text');
    auto.onUpdate(r);
    // the last note-taker leaves: the room's document goes, its state stays for the version
    auto.onDestroy(r);
    r.doc.destroy();
    expect(asked).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    await auto.settled();
    expect(asked).toHaveLength(1);
    const kept = new Y.Doc();
    Y.applyUpdate(kept, asked[0]!);
    expect(kept.getXmlFragment(RECORD_FIELD).toString()).toContain('four words of text');
    expect(store.written).toHaveLength(1);
    expect(store.written[0]!.hash).toBe(summariseState(asked[0]!).contentHash);
  });

  it('makes the summary itself when `summarise` fails, so the version is still written', async () => {
    const store = fakeStore();
    const summarise = () => Promise.reject(new Error('worker gone'));
    const auto = new AutoVersioner(store, logger, { quietMs: 1_000, summarise });
    const r = room();
    r.type('still versioned');
    auto.onUpdate(r);
    await vi.advanceTimersByTimeAsync(1_000);
    await auto.settled();
    expect(store.written).toHaveLength(1);
  });
});
