import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { RoomOutbox } from './roomOutbox.ts';
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
});
