import { CloseCode, MAX_MESSAGE_BYTES, MAX_PENDING_BYTES } from '@rapporteur/shared/protocol';
import * as encoding from 'lib0/encoding';
import { beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { type TestClient, waitFor } from '../helpers/clients.ts';
import { appendSpeakerBlock, recordString } from '../helpers/record.ts';
import { newSession } from '../helpers/sessions.ts';
import { useTestServer } from '../helpers/testServer.ts';

/** Open a raw socket, send `frames`, and resolve with the close code the server chose. */
function sendAndAwaitClose(url: string, frames: (Buffer | string)[]): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const timer = setTimeout(() => reject(new Error('socket was not closed')), 10_000);
    ws.on('open', () => {
      for (const f of frames) ws.send(f);
    });
    ws.on('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
    ws.on('error', () => {});
  });
}

/** A sync Update frame (y-protocols: message type 0, sync type 2) carrying `update`. */
function updateFrame(update: Uint8Array): Buffer {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return Buffer.from(encoding.toUint8Array(e));
}

/** The update that makes `change` on a copy of `base`. */
function changeOf(base: Y.Doc, change: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(base));
  const sv = Y.encodeStateVector(copy);
  change(copy);
  return Y.encodeStateAsUpdate(copy, sv);
}

describe('hostile frames close only the sender', () => {
  const suite = useTestServer('pglite');
  let sessionId: string;
  let honest: TestClient;
  let wsUrl: string;
  let token: string;

  beforeAll(async () => {
    const s = await newSession(suite.server, 'Hostile');
    sessionId = s.id;
    token = s.noteTaker;
    wsUrl = `${suite.server.url.replace('http', 'ws')}/collab/${sessionId}?token=${token}`;
    honest = suite.connect(sessionId, { token });
    await honest.synced();
    appendSpeakerBlock(honest.doc, { speaker: 'Singapore' }, 'before the attack');
    await honest.save.whenSaved();
  });

  const cases: [string, (Buffer | string)[], number][] = [
    [
      'random garbage',
      [Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])],
      CloseCode.MalformedMessage,
    ],
    ['a truncated varint', [Buffer.from([0x80])], CloseCode.MalformedMessage],
    ['an unknown message type', [Buffer.from([0x07, 0x00])], CloseCode.UnknownMessageType],
    ['an unknown sync type', [Buffer.from([0x00, 0x09, 0x00])], CloseCode.UnknownMessageType],
    ['a huge declared length', [Buffer.from([0x00, 0x02, 0xff, 0xff, 0xff, 0x7f, 0x01])], CloseCode.MalformedMessage],
    [
      'a valid header with a garbage update',
      [Buffer.from([0x00, 0x02, 0x05, 0xff, 0x13, 0x37, 0x00, 0xaa])],
      CloseCode.MalformedMessage,
    ],
    ['a garbage awareness update', [Buffer.from([0x01, 0x03, 0x01, 0x05, 0x01])], CloseCode.MalformedMessage],
    ['a text frame', ['hello'], CloseCode.MalformedMessage],
    ['an oversized frame', [Buffer.alloc(MAX_MESSAGE_BYTES + 1, 0)], CloseCode.MessageTooBig],
  ];

  it.each(cases)('%s closes that connection with its named code', async (_name, frames, expected) => {
    const { code } = await sendAndAwaitClose(wsUrl, frames);
    expect(code).toBe(expected);
  });

  it('a paragraph with an unknown mark closes the sender with SchemaViolation; nothing of it is stored or broadcast', async () => {
    const update = changeOf(honest.doc, (copy) => {
      const t = appendSpeakerBlock(copy, { speaker: 'Mallory' });
      t.insert(0, 'hidden by an unknown mark', { comment: { id: 'x' } });
    });
    const { code } = await sendAndAwaitClose(wsUrl, [updateFrame(update)]);
    expect(code).toBe(CloseCode.SchemaViolation);
    appendSpeakerBlock(honest.doc, { speaker: 'Norway' }, 'after the schema attack');
    await honest.save.whenSaved();
    const room = suite.server.rooms.loadedRoom(sessionId)!;
    const { update: stored } = await suite.server.log.load(sessionId);
    const storedDoc = new Y.Doc();
    Y.applyUpdate(storedDoc, stored!);
    expect(recordString(storedDoc)).toContain('after the schema attack');
    for (const doc of [storedDoc, room.doc, honest.doc]) {
      expect(recordString(doc)).not.toContain('hidden by an unknown mark');
      expect(recordString(doc)).not.toContain('Mallory');
    }
  });

  it('causally incomplete updates beyond the pending bound close the sender with PendingLimit, storing nothing', async () => {
    // one note-taker's updates that all depend on a first change it never sends (issue 12, item 4)
    const attacker = new Y.Doc();
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(honest.doc));
    const updates: Uint8Array[] = [];
    attacker.on('update', (u: Uint8Array) => updates.push(u));
    const text = appendSpeakerBlock(attacker, { speaker: 'Pending' }, 'the missing dependency');
    const chunk = 'p'.repeat(1024 * 1024);
    const frames = Math.ceil(MAX_PENDING_BYTES / chunk.length) + 2;
    for (let i = 0; i < frames; i++) text.insert(text.length, chunk);
    const withoutFirst = updates.slice(1).map(updateFrame);
    const { code } = await sendAndAwaitClose(wsUrl, withoutFirst);
    expect(code).toBe(CloseCode.PendingLimit);
    // the server still serves others, and holds and stores nothing of the attacker's
    appendSpeakerBlock(honest.doc, { speaker: 'Oman' }, 'after the pending attack');
    await honest.save.whenSaved();
    const { update: stored } = await suite.server.log.load(sessionId);
    const storedDoc = new Y.Doc();
    Y.applyUpdate(storedDoc, stored!);
    expect(recordString(storedDoc)).toContain('after the pending attack');
    expect(recordString(storedDoc)).not.toContain('ppp');
    expect(recordString(honest.doc)).not.toContain('ppp');
    // and a joiner gets the document without the attacker's megabytes
    const joiner = new Y.Doc();
    const joined = suite.connect(sessionId, { token, doc: joiner });
    await joined.synced();
    expect(Y.encodeStateAsUpdate(joiner).byteLength).toBeLessThan(64 * 1024);
    joined.destroy();
  });

  it('a token for another session or a malformed id is refused before any document byte', async () => {
    const base = `${suite.server.url.replace('http', 'ws')}/collab/`;
    expect((await sendAndAwaitClose(`${base}${crypto.randomUUID()}?token=${token}`, [])).code).toBe(
      CloseCode.Forbidden,
    );
    expect((await sendAndAwaitClose(`${base}not-a-uuid`, [])).code).toBe(CloseCode.Unauthorized);
  });

  it('the honest client stayed connected and still syncs, and the document is intact', async () => {
    expect(honest.provider.wsconnected).toBe(true);
    const other = suite.connect(sessionId, { token });
    await other.synced();
    appendSpeakerBlock(other.doc, { speaker: 'China' }, 'after the attack');
    await waitFor(() => recordString(honest.doc).includes('after the attack'), 'honest client receives new edits');
    expect(recordString(honest.doc)).toContain('before the attack');
    other.destroy();
  });
});
