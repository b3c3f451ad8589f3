import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docState, docVersion } from './version.ts';

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

describe('docVersion', () => {
  it('grows with inserts and with delete-only edits', () => {
    const doc = docWith('hello world');
    const v1 = docVersion(doc);
    doc.getText('t').delete(0, 6);
    const v2 = docVersion(doc);
    expect(v2).toBeGreaterThan(v1);
    doc.getText('t').insert(0, 'x');
    expect(docVersion(doc)).toBeGreaterThan(v2);
  });

  it('orders a state after every state it includes, and the merge of concurrent states after both', () => {
    const a = docWith('alpha');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    a.getText('t').insert(5, ' one');
    b.getText('t').delete(0, 2);
    const [va, vb] = [docVersion(a), docVersion(b)];
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(docVersion(a)).toBeGreaterThan(Math.max(va, vb));
  });

  it('is the same for the same state however it was loaded', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getText('t').insert(0, 'one');
    doc.getText('t').insert(3, ' two');
    doc.getText('t').delete(0, 4);
    const replayed = new Y.Doc();
    for (const u of updates) Y.applyUpdate(replayed, u);
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.mergeUpdates(updates));
    expect(docVersion(replayed)).toBe(docVersion(doc));
    expect(docVersion(merged)).toBe(docVersion(doc));
  });
});

describe('docState', () => {
  it('gives the same key to the same state however it was loaded, clients met in any order', () => {
    const a = docWith('from a');
    const b = docWith('from b');
    const ab = new Y.Doc();
    Y.applyUpdate(ab, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(ab, Y.encodeStateAsUpdate(b));
    ab.getText('t').delete(2, 5);
    const ba = new Y.Doc();
    Y.applyUpdate(ba, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(ba, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(ba, Y.encodeStateAsUpdate(ab));
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.mergeUpdates([Y.encodeStateAsUpdate(b), Y.encodeStateAsUpdate(ab)]));
    expect(docState(ba)).toEqual(docState(ab));
    expect(docState(merged)).toEqual(docState(ab));
    expect(docState(ab).version).toBe(docVersion(ab));
  });

  it('tells apart states of the same version: other items, or other deletions', () => {
    const base = docWith('shared text');
    const one = new Y.Doc();
    const two = new Y.Doc();
    for (const d of [one, two]) Y.applyUpdate(d, Y.encodeStateAsUpdate(base));
    one.getText('t').insert(0, 'x');
    two.getText('t').insert(0, 'y');
    expect(docState(one).version).toBe(docState(two).version);
    expect(docState(one).key).not.toBe(docState(two).key);
    const del1 = new Y.Doc();
    const del2 = new Y.Doc();
    for (const d of [del1, del2]) Y.applyUpdate(d, Y.encodeStateAsUpdate(base));
    del1.getText('t').delete(0, 1);
    del2.getText('t').delete(5, 1);
    expect(docState(del1).version).toBe(docState(del2).version);
    expect(docState(del1).key).not.toBe(docState(del2).key);
  });
});
