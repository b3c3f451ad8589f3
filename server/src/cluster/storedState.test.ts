import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { StoredState, updateRanges } from './storedState.ts';

function typist(clientID: number) {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return { doc, updates, type: (s: string) => doc.getText('t').insert(doc.getText('t').length, s) };
}

describe('updateRanges', () => {
  it('gives the exact clock range of each client in an update', () => {
    const a = typist(1);
    a.type('abc');
    a.type('de');
    expect(updateRanges(a.updates[1]!)).toEqual([{ client: 1, from: 3, to: 5 }]);
    expect(updateRanges(Y.mergeUpdates(a.updates))).toEqual([{ client: 1, from: 0, to: 5 }]);
  });

  it('leaves out the gap of a merged update (Skip structs are not content)', () => {
    const a = typist(1);
    a.type('ab');
    a.type('cd');
    a.type('ef');
    const gapped = Y.mergeUpdates([a.updates[0]!, a.updates[2]!]);
    expect(updateRanges(gapped)).toEqual([
      { client: 1, from: 0, to: 2 },
      { client: 1, from: 4, to: 6 },
    ]);
  });
});

describe('StoredState', () => {
  it('claims only the contiguous prefix per client', () => {
    const s = new StoredState();
    s.addRanges([{ client: 1, from: 5, to: 9 }]);
    expect(s.prefixOf(1)).toBe(0);
    expect(s.addRanges([{ client: 1, from: 0, to: 3 }])).toBe(true);
    expect(s.prefixOf(1)).toBe(3);
    // filling the gap joins the later range to the prefix
    expect(s.addRanges([{ client: 1, from: 3, to: 5 }])).toBe(true);
    expect(s.prefixOf(1)).toBe(9);
    expect(s.addRanges([{ client: 1, from: 2, to: 7 }])).toBe(false);
  });

  it('unites what was loaded with what every process announced', () => {
    const s = new StoredState();
    s.addStateVector(new Map([[1, 4]]));
    s.addRanges([
      { client: 2, from: 0, to: 2 },
      { client: 1, from: 4, to: 6 },
    ]);
    expect(s.prefix()).toEqual(
      new Map([
        [1, 6],
        [2, 2],
      ]),
    );
    expect(Y.decodeStateVector(s.encodedPrefix())).toEqual(s.prefix());
  });

  it('keeps ranges that arrive out of order, overlapping and touching, as one set', () => {
    const s = new StoredState();
    const order = [
      [20, 30],
      [0, 2],
      [8, 12],
      [12, 15],
      [1, 9],
      [40, 41],
      [15, 20],
    ] as const;
    for (const [from, to] of order) s.addRanges([{ client: 9, from, to }]);
    expect(s.prefixOf(9)).toBe(30);
    s.addRanges([{ client: 9, from: 30, to: 40 }]);
    expect(s.prefixOf(9)).toBe(41);
  });

  it('does not claim an update the process only received through the relay', () => {
    // process B stores its own typist's updates; A's arrive through the relay and are not stored yet
    const a = typist(1);
    const b = typist(2);
    a.type('from A');
    b.type('from B');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, a.updates[0]!, 'relay');
    Y.applyUpdate(doc, b.updates[0]!);
    const stored = new StoredState();
    stored.addRanges(updateRanges(b.updates[0]!));
    expect(stored.prefix()).toEqual(new Map([[2, 6]]));
    // A's process announces its commit: now both are saved
    stored.addRanges(updateRanges(a.updates[0]!));
    expect(stored.prefix()).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc)));
  });
});
