import { RECORD_FIELD } from '@rapporteur/shared/schema';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { Logger } from '../logger.ts';
import { Projector } from './projector.ts';
import type { ProjectionSnapshot } from './rows.ts';
import type { ProjectionWriter, WriteOutcome } from './store.ts';
import { docVersion } from './version.ts';

const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const timing = { debounceMs: 400, maxWaitMs: 1_000, loadDelayMs: 3_000, retryBaseMs: 100, retryMaxMs: 1_000 };

/** A writer that records what it was given, failing the first `failures` calls. */
function recordingWriter(failures = 0) {
  const writes: { at: number; snapshot: ProjectionSnapshot }[] = [];
  let calls = 0;
  const writer: ProjectionWriter = {
    async write(snapshot): Promise<WriteOutcome> {
      calls++;
      if (calls <= failures) throw new Error('database unavailable');
      writes.push({ at: Date.now(), snapshot });
      return 'written';
    },
  };
  return { writer, writes, calls: () => calls };
}

function room(sessionId = 's1') {
  const doc = new Y.Doc();
  const block = new Y.XmlElement('speakerBlock');
  block.setAttribute('id', 'b1');
  block.setAttribute('speaker', 'Malta');
  const para = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  para.insert(0, [text]);
  block.insert(0, [para]);
  doc.getXmlFragment(RECORD_FIELD).insert(0, [block]);
  return { sessionId, doc, text };
}

describe('Projector scheduling', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes once for a burst of edits, after the edits stop', async () => {
    const { writer, writes } = recordingWriter();
    const p = new Projector(writer, quiet, timing);
    const r = room();
    for (let i = 0; i < 50; i++) {
      r.text.insert(r.text.length, 'x');
      p.onUpdate(r);
      await vi.advanceTimersByTimeAsync(5);
    }
    expect(writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(timing.debounceMs);
    expect(writes).toHaveLength(1);
    expect(writes[0]!.snapshot.blocks[0]!.text).toBe('x'.repeat(50));
    expect(writes[0]!.snapshot.version).toBe(docVersion(r.doc));
  });

  it('still writes at least every maxWait while people type without pause', async () => {
    const { writer, writes } = recordingWriter();
    const p = new Projector(writer, quiet, timing);
    const r = room();
    const edits: { at: number; version: number }[] = [];
    for (let i = 0; i < 60; i++) {
      r.text.insert(r.text.length, 'y');
      edits.push({ at: Date.now(), version: docVersion(r.doc) });
      p.onUpdate(r);
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(timing.debounceMs);
    // every edit reached a write no later than maxWait after it happened
    for (const e of edits) {
      const covering = writes.find((w) => w.snapshot.version >= e.version);
      expect(covering, `edit at ${e.at}`).toBeDefined();
      expect(covering!.at - e.at).toBeLessThanOrEqual(timing.maxWaitMs);
    }
    // and far fewer writes than edits
    expect(writes.length).toBeLessThanOrEqual(8);
  });

  it('retries a failed write and then writes the latest state', async () => {
    const { writer, writes, calls } = recordingWriter(2);
    const p = new Projector(writer, quiet, timing);
    const r = room();
    r.text.insert(0, 'first');
    p.onUpdate(r);
    await vi.advanceTimersByTimeAsync(timing.debounceMs);
    expect(calls()).toBe(1);
    r.text.insert(5, ' second');
    p.onUpdate(r);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls()).toBe(3);
    expect(writes.at(-1)!.snapshot.blocks[0]!.text).toBe('first second');
  });

  it('captures the last state when the room is destroyed and writes it', async () => {
    const { writer, writes } = recordingWriter();
    const p = new Projector(writer, quiet, timing);
    const r = room();
    r.text.insert(0, 'last words');
    p.onUpdate(r);
    p.onDestroy(r);
    r.doc.destroy();
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toHaveLength(1);
    expect(writes[0]!.snapshot.blocks[0]!.text).toBe('last words');
  });

  it('projects on load, after the turns that answer the first joiner, and close() flushes what is pending', async () => {
    const { writer, writes } = recordingWriter();
    const p = new Projector(writer, quiet, timing);
    const r = room();
    p.onLoad(r);
    // not in the turns right after the load, nor when its page asks for the record: the room was
    // loaded for a joiner, who is answered first (the snapshot reads every block, ~55 ms at 1,000)
    await vi.advanceTimersByTimeAsync(timing.loadDelayMs - 1);
    expect(writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes).toHaveLength(1);
    r.text.insert(0, 'pending');
    p.onUpdate(r);
    await p.close();
    expect(writes).toHaveLength(2);
    expect(writes[1]!.snapshot.blocks[0]!.text).toBe('pending');
  });
});
