import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MessageType } from './messages.ts';
import { readPersisted, unsavedChanges, writePersisted } from './persisted.ts';

describe('persisted acknowledgement', () => {
  it('round-trips a state vector', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');
    const e = encoding.createEncoder();
    writePersisted(e, Y.encodeStateVector(doc));
    const d = decoding.createDecoder(encoding.toUint8Array(e));
    expect(decoding.readVarUint(d)).toBe(MessageType.Persisted);
    expect(readPersisted(d)).toEqual(new Map([[doc.clientID, 5]]));
  });

  it('counts as unsaved every clock unit beyond the persisted vector, for every client', () => {
    const local = new Map([
      [1, 10],
      [2, 4],
    ]);
    expect(unsavedChanges(local, new Map([[1, 10]]))).toBe(4);
    expect(
      unsavedChanges(
        local,
        new Map([
          [1, 7],
          [2, 4],
        ]),
      ),
    ).toBe(3);
    expect(
      unsavedChanges(
        local,
        new Map([
          [1, 12],
          [2, 4],
          [3, 9],
        ]),
      ),
    ).toBe(0);
    expect(unsavedChanges(local, new Map())).toBe(14);
  });
});
