import { CloseCode } from '@rapporteur/shared/protocol';
import { seededRandom } from '@rapporteur/shared/testing/random';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ProtocolError,
  readClientMessage,
  writeAwareness,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
} from './codec.ts';

function sampleUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'Chair: the meeting is open.');
  return Y.encodeStateAsUpdate(doc);
}

function codeOf(frame: Uint8Array): number | null {
  try {
    readClientMessage(frame);
    return null;
  } catch (err) {
    return err instanceof ProtocolError ? err.code : -1;
  }
}

describe('collab codec', () => {
  it('round-trips every sync message and awareness', () => {
    const update = sampleUpdate();
    const sv = Y.encodeStateVectorFromUpdate(update);
    expect(readClientMessage(writeSyncStep1(sv))).toEqual({ type: 'sync-step1', stateVector: sv });
    expect(readClientMessage(writeSyncStep2(update))).toMatchObject({ type: 'sync-step2', update });
    expect(readClientMessage(writeUpdate(update))).toMatchObject({ type: 'sync-update', update });
    // the decoded structs travel with the message, so later checks need not decode again
    const msg = readClientMessage(writeUpdate(update));
    expect(msg.type === 'sync-update' && msg.structs.length).toBeGreaterThan(0);
    const aw = new Uint8Array([1, 5, 1, 2, 123, 125]);
    expect(readClientMessage(writeAwareness(aw))).toEqual({ type: 'awareness', update: aw });
    expect(readClientMessage(new Uint8Array([3]))).toEqual({ type: 'query-awareness' });
  });

  it('rejects malformed frames with named codes', () => {
    expect(codeOf(new Uint8Array([]))).toBe(CloseCode.MalformedMessage);
    expect(codeOf(new Uint8Array([0x80]))).toBe(CloseCode.MalformedMessage);
    expect(codeOf(new Uint8Array([42]))).toBe(CloseCode.UnknownMessageType);
    expect(codeOf(new Uint8Array([0, 7, 0]))).toBe(CloseCode.UnknownMessageType);
    expect(codeOf(new Uint8Array([0, 2, 200, 1, 0]))).toBe(CloseCode.MalformedMessage);
    expect(codeOf(new Uint8Array([0, 2, 3, 0xff, 0xff, 0xff]))).toBe(CloseCode.MalformedMessage);
    const trailing = new Uint8Array([...writeUpdate(sampleUpdate()), 9]);
    expect(codeOf(trailing)).toBe(CloseCode.MalformedMessage);
  });

  it('never throws anything but ProtocolError on random input', () => {
    const next = seededRandom(42);
    const rand = () => Math.floor(next() * 0x80000000);
    const base = writeUpdate(sampleUpdate());
    for (let i = 0; i < 2000; i++) {
      const frame =
        i % 2
          ? Uint8Array.from({ length: rand() % 40 }, () => rand() & 0xff)
          : base.map((b) => (rand() % 7 === 0 ? rand() & 0xff : b));
      const code = codeOf(frame);
      expect(code === null || code >= 4000).toBe(true);
    }
  });
});
