import type { RunningServer } from '@rapporteur/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connectClient, waitFor } from '../helpers/clients.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { appendSpeakerBlock, recordString } from '../helpers/record.ts';
import { startTestServer } from '../helpers/server.ts';
import { newSession } from '../helpers/sessions.ts';

describe('room lifetime', () => {
  let tdb: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    tdb = await createTestDatabase('pglite');
    server = await startTestServer(tdb.db);
  });
  afterAll(async () => {
    await server.close();
    await tdb.drop();
  });

  it('sockets that leave while others are still being admitted never leave those in a destroyed room', async () => {
    for (let round = 0; round < 5; round++) {
      const s = await newSession(server, `lifetime ${round}`);
      const url = `${server.url.replace('http', 'ws')}/collab/${s.id}?token=${s.noteTaker}`;
      // quitters open and drop at once, racing the first load of the room
      const quitters = Array.from({ length: 10 }, () => {
        const ws = new WebSocket(url);
        ws.on('open', () => ws.terminate());
        ws.on('error', () => {});
        return ws;
      });
      const stayers = Array.from({ length: 4 }, () => connectClient(server.url, s.id, { token: s.noteTaker }));
      await Promise.all(stayers.map((c) => c.synced()));
      appendSpeakerBlock(stayers[0]!.doc, { speaker: 'Chair' }, `round ${round}`);
      await waitFor(() => stayers.every((c) => recordString(c.doc) === recordString(stayers[0]!.doc)), 'stayers converge');
      await stayers[0]!.save.whenSaved();
      expect(server.rooms.loadedRoom(s.id)?.connections.size).toBe(4);
      for (const c of stayers) c.destroy();
      for (const q of quitters) q.terminate();
      // and once everyone is gone, the room unloads (no hold leaked by the quitters)
      await waitFor(() => server.rooms.loadedRoom(s.id) === undefined, 'room unloads');
    }
  });
});
