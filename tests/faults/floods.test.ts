import { CloseCode } from '@rapporteur/shared/protocol';
import * as encoding from 'lib0/encoding';
import { beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { type TestClient, waitFor } from '../helpers/clients.ts';
import { presenceFrame } from '../helpers/presenceFrame.ts';
import { appendSpeakerBlock, blockText } from '../helpers/record.ts';
import { newSession, type SessionTokens } from '../helpers/sessions.ts';
import { useTestServer } from '../helpers/testServer.ts';

describe('floods are slowed down, coalesced or refused; others are unaffected', () => {
  const suite = useTestServer('pglite', { collabLimits: { perAddress: 40 } });
  let s: SessionTokens;
  let honest: TestClient;
  let reader: TestClient;

  beforeAll(async () => {
    s = await newSession(suite.server);
    honest = suite.connect(s, { token: s.noteTaker });
    reader = suite.connect(s, { token: s.noteTaker });
    await Promise.all([honest.synced(), reader.synced()]);
    appendSpeakerBlock(honest.doc, { speaker: 'Colombia' });
    await waitFor(() => reader.doc.getXmlFragment('record').length === 1, 'reader has the block');
  });

  const stillLive = async (marker: string) => {
    const t = blockText(honest.doc, 0);
    t.insert(t.length, marker);
    await waitFor(() => blockText(reader.doc, 0).toString().includes(marker), `honest edit ${marker} propagates`);
  };

  it('refuses connection attempts beyond the per-address limit with 429, then recovers', async () => {
    const url = `${suite.server.url.replace('http', 'ws')}/collab/${s.id}?token=${s.noteTaker}`;
    const sockets: WebSocket[] = [];
    const outcomes = await Promise.all(
      Array.from(
        { length: 80 },
        () =>
          new Promise<string>((resolve) => {
            const ws = new WebSocket(url);
            sockets.push(ws);
            ws.on('open', () => resolve('open'));
            ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
            ws.on('error', () => resolve('error'));
          }),
      ),
    );
    expect(outcomes.filter((o) => o === '429').length).toBeGreaterThanOrEqual(40);
    expect(outcomes.filter((o) => o === 'open').length).toBeLessThanOrEqual(38); // 40 minus the two honest clients
    await stillLive('[after connection flood]');
    for (const ws of sockets) ws.terminate();
    await new Promise((r) => setTimeout(r, 200));
    const again = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      again.on('open', () => resolve());
      again.on('error', reject);
    });
    again.close();
  });

  it('coalesces an awareness flood: its excess is dropped, its latest state shown, the flooder not closed', async () => {
    const ws = new WebSocket(`${suite.server.url.replace('http', 'ws')}/collab/${s.id}?token=${s.noteTaker}`);
    await new Promise((r) => ws.on('open', r));
    let closedWith: number | null = null;
    ws.on('close', (code) => {
      closedWith = code;
    });
    const seen = new Set<number>();
    const onChange = () => {
      const state = reader.provider.awareness.getStates().get(777) as { cursor?: { anchor: number } } | undefined;
      if (state?.cursor) seen.add(state.cursor.anchor);
    };
    reader.provider.awareness.on('change', onChange);
    const sent = 3000;
    for (let clock = 1; clock <= sent; clock++) ws.send(presenceFrame(777, clock, { cursor: { anchor: clock } }));
    await stillLive('[during awareness flood]');
    await waitFor(() => seen.has(sent), 'the latest flooded state is shown');
    reader.provider.awareness.off('change', onChange);
    // the reader saw a small share of the flood: its burst, its rate while it lasted, the last one
    expect(seen.size).toBeLessThan(sent / 4);
    expect(closedWith).toBeNull();
    ws.close();
  });

  it('slows a bursting stock client down instead of closing it: 3,000 paragraphs, one transaction each, are all stored', async () => {
    const seeder = suite.connect(s, { token: s.noteTaker });
    await seeder.synced();
    let closes = 0;
    seeder.provider.on('connection-close', () => {
      closes++;
    });
    const record = seeder.doc.getXmlFragment('record');
    for (let i = 0; i < 3000; i++) {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(`seeded paragraph ${i}`)]);
      record.push([p]);
    }
    await stillLive('[during the seeding burst]');
    await seeder.save.whenSaved();
    expect(closes).toBe(0);
    const { update } = await suite.server.log.load(s.id);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, update!);
    const text = stored.getXmlFragment('record').toString();
    for (const i of [0, 1499, 2999]) expect(text).toContain(`seeded paragraph ${i}<`);
    expect(
      stored
        .getXmlFragment('record')
        .toArray()
        .filter((e) => (e as Y.XmlElement).nodeName === 'paragraph'),
    ).toHaveLength(3000);
    seeder.destroy();
  });

  it('closes a client that stops reading with 1013, and the stock client reconnects and catches up', async () => {
    const writer = suite.connect(s, { token: s.noteTaker });
    await writer.synced();
    const t = blockText(writer.doc, 0);
    t.insert(t.length, 'w'.repeat(1024 * 1024));
    await writer.save.whenSaved();
    const slow = suite.connect(s, { token: s.noteTaker });
    await slow.synced();
    const codes: number[] = [];
    slow.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event) codes.push(event.code);
    });
    // the slow client's machine stops reading its socket, while what it asked for piles up on the
    // server: each SyncStep1 of an empty document is answered with the whole (1 MB) record
    const ws = slow.provider.ws as unknown as { _socket: { pause(): void; resume(): void }; send(b: Uint8Array): void };
    ws._socket.pause();
    const askAll = encoding.createEncoder();
    encoding.writeVarUint(askAll, 0);
    encoding.writeVarUint(askAll, 0);
    encoding.writeVarUint8Array(askAll, Y.encodeStateVector(new Y.Doc()));
    const room = suite.server.rooms.loadedRoom(s.id)!;
    const sockets = room.connections.size;
    for (let i = 0; i < 40; i++) ws.send(encoding.toUint8Array(askAll));
    await waitFor(() => room.connections.size < sockets, 'the server lets the slow socket go', 60_000);
    ws._socket.resume();
    await waitFor(() => codes.includes(CloseCode.TryAgainLater), 'the slow client is closed with 1013', 60_000);
    t.insert(0, '[after the load close]');
    await waitFor(
      () => slow.provider.wsconnected && blockText(slow.doc, 0).toString().startsWith('[after the load close]'),
      'it reconnects by itself and catches up',
      60_000,
    );
    t.delete(0, t.length);
    await waitFor(() => blockText(reader.doc, 0).length === 0, 'the big text is gone again');
    slow.destroy();
    writer.destroy();
  });
});
