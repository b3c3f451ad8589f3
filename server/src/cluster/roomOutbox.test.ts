import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import { RoomOutbox, STORED_ANNOUNCE_BOUND_MS } from './roomOutbox.ts';
import { readRelayMessage, type SingleRelayMessage, unbatch, writeRelayLeave, writeRelayPresence } from './wire.ts';

function outbox() {
  const sent: SingleRelayMessage[][] = [];
  let riders: Uint8Array[] = [];
  const box: RoomOutbox = new RoomOutbox({
    sender: 'p1',
    send: (m) => sent.push(unbatch(readRelayMessage(m)!)),
    beforeSend: () => {
      for (const r of riders) box.message(r);
      riders = [];
    },
    storedBoundMs: 60_000,
  });
  return { box, sent, ride: (m: Uint8Array) => riders.push(m) };
}

describe('RoomOutbox', () => {
  it('sends the turn as one message: updates merged, then stored ranges, then the rest in order, then riders', () => {
    const { box, sent, ride } = outbox();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getText('t').insert(0, 'a');
    doc.getText('t').insert(1, 'b');
    for (const u of updates) box.update(u);
    box.message(writeRelayLeave('p1'));
    box.committed([{ client: 5, from: 0, to: 2 }]);
    box.committed([
      { client: 5, from: 2, to: 4 },
      { client: 6, from: 0, to: 1 },
    ]);
    ride(writeRelayPresence('p1', new Uint8Array([0])));
    box.flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.map((m) => m.kind)).toEqual(['update', 'stored', 'leave', 'presence']);
    const merged = new Y.Doc();
    const first = sent[0]![0]!;
    if (first.kind === 'update') Y.applyUpdate(merged, first.update);
    expect(merged.getText('t').toString()).toBe('ab');
    const stored = sent[0]![1]!;
    expect(stored.kind === 'stored' && stored.ranges).toEqual([
      { client: 5, from: 0, to: 4 },
      { client: 6, from: 0, to: 1 },
    ]);
  });

  it('sends nothing when nothing is pending, and a lone message as itself', () => {
    const { box, sent } = outbox();
    box.flush();
    expect(sent).toEqual([]);
    box.message(writeRelayLeave('p1'));
    box.flush();
    expect(sent).toEqual([[{ sender: 'p1', kind: 'leave' }]]);
  });

  it('waits one more pass of the event loop, so what arrives right behind an update rides with it', async () => {
    const { box, sent, ride } = outbox();
    const doc = new Y.Doc();
    doc.on('update', (u: Uint8Array) => box.update(u));
    doc.getText('t').insert(0, 'a');
    // the caret frame a client sends behind its update, handled in a later callback than the update
    await new Promise((r) => setImmediate(r));
    ride(writeRelayPresence('p1', new Uint8Array([0])));
    expect(sent).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 5));
    expect(sent.map((m) => m.map((p) => p.kind))).toEqual([['update', 'presence']]);
  });

  it('keeps "stored" ranges for the next keystroke of a typist at 5 characters a second', async () => {
    vi.useFakeTimers();
    try {
      const sent: SingleRelayMessage[][] = [];
      const box = new RoomOutbox({
        sender: 'p1',
        send: (m) => sent.push(unbatch(readRelayMessage(m)!)),
        beforeSend: () => {},
        storedBoundMs: STORED_ANNOUNCE_BOUND_MS,
      });
      const doc = new Y.Doc();
      doc.on('update', (u: Uint8Array) => box.update(u));
      for (let k = 0; k < 4; k++) {
        doc.getText('t').insert(k, 'x');
        vi.advanceTimersByTime(50); // the write queue's flush
        box.committed([{ client: doc.clientID, from: k, to: k + 1 }]);
        vi.advanceTimersByTime(150); // the rest of the 200 ms between keys
      }
      expect(sent.map((m) => m.map((p) => p.kind))).toEqual([['update'], ...Array(3).fill(['update', 'stored'])]);
      vi.advanceTimersByTime(STORED_ANNOUNCE_BOUND_MS);
      expect(sent.at(-1)!.map((p) => p.kind)).toEqual(['stored']);
    } finally {
      vi.useRealTimers();
    }
  });
});
