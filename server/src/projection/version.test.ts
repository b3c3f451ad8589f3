import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docVersion } from './version.ts';

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
