import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { unmetNeeds, updateNeeds } from './causality.ts';
import { PendingUpdates } from './pendingBound.ts';

/** Two successive updates of one client: the second depends on the first. */
function twoUpdates(): { first: Uint8Array; second: Uint8Array; client: number } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const text = doc.getText('t');
  text.insert(0, 'hello');
  text.insert(5, ' world');
  return { first: updates[0]!, second: updates[1]!, client: doc.clientID };
}

describe('updateNeeds', () => {
  it('says what an update needs from outside itself, and nothing once the document holds it', () => {
    const { first, second, client } = twoUpdates();
    const server = new Y.Doc();
    expect(unmetNeeds(updateNeeds(Y.decodeUpdate(first)), server).size).toBe(0);
    expect([...unmetNeeds(updateNeeds(Y.decodeUpdate(second)), server)]).toEqual([[client, 5]]);
    Y.applyUpdate(server, first);
    expect(unmetNeeds(updateNeeds(Y.decodeUpdate(second)), server).size).toBe(0);
  });

  it("counts a deletion of changes the document lacks, and another client's origins", () => {
    const a = new Y.Doc();
    a.getText('t').insert(0, 'abc');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const before = Y.encodeStateVector(b);
    b.getText('t').insert(3, 'd');
    const insert = Y.encodeStateAsUpdate(b, before);
    const afterInsert = Y.encodeStateVector(b);
    b.getText('t').delete(0, 1);
    const deletion = Y.encodeStateAsUpdate(b, afterInsert);
    const server = new Y.Doc();
    expect([...unmetNeeds(updateNeeds(Y.decodeUpdate(insert)), server)]).toEqual([[a.clientID, 3]]);
    expect([...unmetNeeds(updateNeeds(Y.decodeUpdate(deletion)), server)]).toEqual([[a.clientID, 1]]);
  });
});

describe('PendingUpdates', () => {
  const entry = (sender: string, bytes: number, needs: Map<number, number>) => ({
    sender,
    update: new Uint8Array(bytes),
    decoded: { structs: [], ds: new Y.Doc().store.pendingDs as never },
    needs,
  });

  it('hands back held updates once the document meets their needs, in arrival order', () => {
    const { first, client } = twoUpdates();
    const pending = new PendingUpdates<string>({ maxBytes: 1000, maxCount: 10 });
    expect(pending.hold(entry('a', 10, new Map([[client, 5]])))).toEqual([]);
    expect(pending.hold(entry('b', 10, new Map([[client, 3]])))).toEqual([]);
    expect(pending.hold(entry('c', 10, new Map([[client + 1, 1]])))).toEqual([]);
    const doc = new Y.Doc();
    expect(pending.takeReady(doc)).toEqual([]);
    Y.applyUpdate(doc, first);
    expect(pending.takeReady(doc).map((e) => e.sender)).toEqual(['a', 'b']);
    expect(pending.size).toBe(1);
    expect(pending.heldBytes).toBe(10);
  });

  it('over its bound in bytes or count, names the sender holding the most (bytes or updates) and drops its updates', () => {
    const pending = new PendingUpdates<string>({ maxBytes: 100, maxCount: 4 });
    const needs = () => new Map([[1, 1]]);
    pending.hold(entry('honest', 10, needs()));
    pending.hold(entry('big', 60, needs()));
    expect(pending.hold(entry('big', 60, needs()))).toEqual(['big']);
    expect(pending.heldBytes).toBe(10);
    for (let i = 0; i < 3; i++) expect(pending.hold(entry('many', 1, needs()))).toEqual([]);
    expect(pending.hold(entry('many', 1, needs()))).toEqual(['many']);
    pending.drop('honest');
    expect(pending.size).toBe(0);
  });
});
