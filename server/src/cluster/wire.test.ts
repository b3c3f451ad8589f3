import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  channelSession,
  RelayKind,
  readRelayMessage,
  relayParts,
  roomChannel,
  unbatch,
  writeRelayBatch,
  writeRelayDiff,
  writeRelayRoomState,
  writeRelayFinalise,
  writeRelayFinalised,
  writeRelayLeave,
  writeRelayObservers,
  writeRelayPresence,
  writeRelayRevoke,
  writeRelayStored,
  writeRelaySync,
  writeRelayUpdate,
} from './wire.ts';

/** A Batch as a (possibly dishonest) process could write it: any sender, any parts. */
function rawBatch(sender: string, parts: Uint8Array[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarString(e, sender);
  encoding.writeVarUint(e, RelayKind.Batch);
  encoding.writeVarUint(e, parts.length);
  for (const p of parts) encoding.writeVarUint8Array(e, p);
  return encoding.toUint8Array(e);
}

function someUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'héllo');
  return Y.encodeStateAsUpdate(doc);
}

describe('relay wire codec', () => {
  const update = someUpdate();
  const sv = Y.encodeStateVector(Y.createDocFromSnapshot(new Y.Doc({ gc: false }), Y.emptySnapshot));

  it('decodes what each writer encodes', () => {
    const cases = [
      [writeRelayUpdate('p1', update), { sender: 'p1', kind: 'update', update }],
      [writeRelayPresence('p1', update), { sender: 'p1', kind: 'presence', update }],
      [
        writeRelayStored('p1', [
          { client: 7, from: 0, to: 12 },
          { client: 2 ** 32 + 5, from: 3, to: 3 },
        ]),
        {
          sender: 'p1',
          kind: 'stored',
          ranges: [
            { client: 7, from: 0, to: 12 },
            { client: 2 ** 32 + 5, from: 3, to: 3 },
          ],
        },
      ],
      [
        writeRelaySync('p1', { stateVector: Y.encodeStateVector(new Y.Doc()), stored: sv, deletes: 99, askBack: true }),
        {
          sender: 'p1',
          kind: 'sync',
          stateVector: Y.encodeStateVector(new Y.Doc()),
          stored: sv,
          deletes: 99,
          askBack: true,
        },
      ],
      [writeRelayDiff('p1', 'p2', update), { sender: 'p1', kind: 'diff', target: 'p2', update }],
      [
        writeRelayRoomState('p1', { status: 'final', public: true, locked: true }),
        { sender: 'p1', kind: 'roomState', status: 'final', public: true, locked: true },
      ],
      [writeRelayObservers('p1', 41), { sender: 'p1', kind: 'observers', count: 41 }],
      [writeRelayRevoke('p1', ['a', 'b']), { sender: 'p1', kind: 'revoke', tokenHashes: ['a', 'b'] }],
      [writeRelayFinalise('p1', 'r1'), { sender: 'p1', kind: 'finalise', request: 'r1' }],
      [writeRelayFinalised('p1', 'r1', false), { sender: 'p1', kind: 'finalised', request: 'r1', ok: false }],
      [writeRelayLeave('p1'), { sender: 'p1', kind: 'leave' }],
    ] as const;
    for (const [bytes, expected] of cases) expect(readRelayMessage(bytes)).toEqual(expected);
  });

  it('decodes every truncation, extension and corruption of a message to null or a message, never throwing', () => {
    const messages = [
      writeRelayStored('p1', [{ client: 1, from: 0, to: 3 }]),
      writeRelaySync('p1', { stateVector: sv, stored: sv, deletes: 1, askBack: false }),
      writeRelayRevoke('p1', ['x']),
      writeRelayRoomState('p1', { status: 'live', public: false, locked: false }),
    ];
    for (const m of messages) {
      for (let cut = 0; cut < m.length; cut++) expect(readRelayMessage(m.subarray(0, cut))).toBeNull();
      expect(readRelayMessage(new Uint8Array([...m, 0]))).toBeNull();
      for (let i = 0; i < m.length; i++) {
        const bad = m.slice();
        bad[i] = bad[i]! ^ 0xff;
        expect(() => readRelayMessage(bad)).not.toThrow();
      }
    }
  });

  it('ignores another protocol version, an unknown kind, a huge count and a reversed range', () => {
    const other = writeRelayLeave('p1');
    other[0] = 2;
    expect(readRelayMessage(other)).toBeNull();
    expect(readRelayMessage(new Uint8Array([1, 2, 0x70, 0x31, 99]))).toBeNull();
    // Revoke claiming 2^32 hashes in a 9-byte message
    expect(readRelayMessage(new Uint8Array([1, 2, 0x70, 0x31, 8, 0x80, 0x80, 0x80, 0x80, 0x10]))).toBeNull();
    expect(readRelayMessage(writeRelayStored('p1', [{ client: 1, from: 5, to: 2 }]))).toBeNull();
    // a Sync whose state vector is not one
    expect(
      readRelayMessage(
        writeRelaySync('p1', { stateVector: new Uint8Array([5]), stored: sv, deletes: 0, askBack: false }),
      ),
    ).toBeNull();
  });

  it('carries several messages of one turn in one batch, in order; a lone message goes as itself', () => {
    const parts = [
      writeRelayUpdate('p1', update),
      writeRelayPresence('p1', update),
      writeRelayStored('p1', [{ client: 7, from: 0, to: 12 }]),
      writeRelayLeave('p1'),
    ];
    const batch = readRelayMessage(writeRelayBatch('p1', parts));
    expect(batch).toEqual({ sender: 'p1', kind: 'batch', messages: parts.map((m) => readRelayMessage(m)) });
    expect(unbatch(batch!).map((m) => m.kind)).toEqual(['update', 'presence', 'stored', 'leave']);
    expect(relayParts(writeRelayBatch('p1', parts))).toEqual(parts);
    const lone = writeRelayLeave('p1');
    expect(writeRelayBatch('p1', [lone])).toBe(lone);
    expect(relayParts(lone)).toEqual([lone]);
    expect(unbatch(readRelayMessage(lone)!)).toEqual([{ sender: 'p1', kind: 'leave' }]);
    expect(() => writeRelayBatch('p1', [])).toThrow();
  });

  it('decodes a batch with any bad part, a nested batch, a stranger part or fewer than two parts to null', () => {
    const leave = writeRelayLeave('p1');
    const good = writeRelayBatch('p1', [writeRelayStored('p1', [{ client: 1, from: 0, to: 3 }]), leave]);
    for (let cut = 0; cut < good.length; cut++) expect(readRelayMessage(good.subarray(0, cut))).toBeNull();
    expect(readRelayMessage(new Uint8Array([...good, 0]))).toBeNull();
    for (let i = 0; i < good.length; i++) {
      const bad = good.slice();
      bad[i] = bad[i]! ^ 0xff;
      expect(() => readRelayMessage(bad)).not.toThrow();
    }
    expect(readRelayMessage(rawBatch('p1', [leave, leave]))).not.toBeNull();
    expect(readRelayMessage(rawBatch('p1', [leave, leave.subarray(0, 2)]))).toBeNull();
    expect(readRelayMessage(rawBatch('p1', [leave, good]))).toBeNull();
    expect(readRelayMessage(rawBatch('p1', [leave, writeRelayLeave('p2')]))).toBeNull();
    expect(readRelayMessage(rawBatch('p1', [leave]))).toBeNull();
    expect(readRelayMessage(rawBatch('p1', []))).toBeNull();
    // a batch claiming 2^32 parts in a few bytes
    expect(readRelayMessage(new Uint8Array([1, 2, 0x70, 0x31, 12, 0x80, 0x80, 0x80, 0x80, 0x10]))).toBeNull();
  });

  it('names one channel per room and reads the room back from it', () => {
    const id = '0b4c1f0e-0000-4000-8000-000000000001';
    expect(channelSession(roomChannel(id))).toBe(id);
    expect(channelSession('other:channel')).toBeNull();
  });
});
