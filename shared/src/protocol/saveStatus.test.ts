import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MessageType } from './messages.ts';
import { writePersisted } from './persisted.ts';
import { type ProviderWithHandlers, SaveTracker } from './saveStatus.ts';

/** A provider stand-in that lets the test deliver Persisted messages. */
function fakeProvider() {
  const provider: ProviderWithHandlers = { messageHandlers: [] };
  const acknowledge = (doc: Y.Doc) => {
    const e = encoding.createEncoder();
    writePersisted(e, Y.encodeStateVector(doc));
    const d = decoding.createDecoder(encoding.toUint8Array(e));
    const type = decoding.readVarUint(d);
    provider.messageHandlers[type]?.(encoding.createEncoder(), d, provider, false, type);
  };
  return { provider, acknowledge };
}

describe('SaveTracker', () => {
  it('counts only what lies beyond the last acknowledgement, and says saved after one', () => {
    const doc = new Y.Doc();
    const { provider, acknowledge } = fakeProvider();
    const tracker = new SaveTracker(doc, provider);
    doc.getText('t').insert(0, 'hello');
    expect(tracker.current).toEqual({ unsaved: 5, acknowledged: false, counted: false });
    acknowledge(doc);
    expect(tracker.current).toEqual({ unsaved: 0, acknowledged: true, counted: true });
    doc.getText('t').insert(5, '!!');
    expect(tracker.current.unsaved).toBe(2);
    expect(provider.messageHandlers[MessageType.Persisted]).toBeTypeOf('function');
  });

  it('goes on counting after a reload from a remembered vector, without calling anything saved', () => {
    // the page before the reload: 900 units stored, then 86 typed offline
    const before = new Y.Doc();
    before.getText('t').insert(0, 'x'.repeat(900));
    const stored = Y.decodeStateVector(Y.encodeStateVector(before));
    before.getText('t').insert(900, 'y'.repeat(86));

    // the reloaded page: the offline copy brings all of it back, nothing is acknowledged yet
    const after = new Y.Doc();
    Y.applyUpdate(after, Y.encodeStateAsUpdate(before));
    const tracker = new SaveTracker(after, fakeProvider().provider);
    expect(tracker.current).toMatchObject({ unsaved: 986, counted: false });
    tracker.remember(stored);
    expect(tracker.current).toEqual({ unsaved: 86, acknowledged: false, counted: true });
    // remembering everything still waits for this page's own acknowledgement to say saved
    tracker.remember(Y.decodeStateVector(Y.encodeStateVector(after)));
    expect(tracker.current).toEqual({ unsaved: 0, acknowledged: false, counted: true });
  });

  it('never lets an older remembered vector lower what an acknowledgement said', () => {
    const doc = new Y.Doc();
    const { provider, acknowledge } = fakeProvider();
    const tracker = new SaveTracker(doc, provider);
    doc.getText('t').insert(0, 'abc');
    acknowledge(doc);
    tracker.remember(new Map([[doc.clientID, 1]]));
    expect(tracker.current.unsaved).toBe(0);
    expect(tracker.persistedVector.get(doc.clientID)).toBe(3);
  });
});
