import { CloseCode, MAX_MESSAGE_BYTES } from '@rapporteur/shared/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
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
