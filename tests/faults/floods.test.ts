import { CloseCode } from '@rapporteur/shared/protocol';
import * as encoding from 'lib0/encoding';
import { beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type TestClient, waitFor } from '../helpers/clients.ts';
import { appendSpeakerBlock, blockText } from '../helpers/record.ts';
import { newSession, type SessionTokens } from '../helpers/sessions.ts';
import { useTestServer } from '../helpers/testServer.ts';

describe('floods are throttled or closed with a reason; others are unaffected', () => {
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

  it('closes an awareness flood with RateLimited', async () => {
    const ws = new WebSocket(`${suite.server.url.replace('http', 'ws')}/collab/${s.id}?token=${s.noteTaker}`);
    await new Promise((r) => ws.on('open', r));
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    for (let clock = 1; clock < 3000; clock++) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      const a = encoding.createEncoder();
      encoding.writeVarUint(a, 1);
      encoding.writeVarUint(a, 777);
      encoding.writeVarUint(a, clock);
      encoding.writeVarString(a, JSON.stringify({ cursor: { anchor: clock } }));
      encoding.writeVarUint8Array(e, encoding.toUint8Array(a));
      ws.send(encoding.toUint8Array(e));
    }
    expect(await closed).toBe(CloseCode.RateLimited);
    await stillLive('[after awareness flood]');
  });

  it('closes an update flood with RateLimited', async () => {
    const flooder = suite.connect(s, { token: s.noteTaker });
    await flooder.synced();
    const closed = new Promise<number>((r) =>
      flooder.provider.ws!.addEventListener('close', (e) => r((e as CloseEvent).code)),
    );
    const t = blockText(flooder.doc, 0);
    for (let i = 0; i < 3000; i++) t.insert(0, 'x');
    expect(await closed).toBe(CloseCode.RateLimited);
    flooder.destroy();
    await stillLive('[after update flood]');
  });
});
