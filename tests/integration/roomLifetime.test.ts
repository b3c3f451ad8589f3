import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { waitFor } from '../helpers/clients.ts';
import { appendSpeakerBlock, recordString } from '../helpers/record.ts';
import { createSessionHttp, newSession } from '../helpers/sessions.ts';
import { useTestServer } from '../helpers/testServer.ts';

describe('room lifetime', () => {
  const suite = useTestServer('pglite');

  it('sockets that leave while others are still being admitted never leave those in a destroyed room', async () => {
    for (let round = 0; round < 5; round++) {
      const s = await newSession(suite.server, `lifetime ${round}`);
      const url = `${suite.server.url.replace('http', 'ws')}/collab/${s.id}?token=${s.noteTaker}`;
      // quitters open and drop at once, racing the first load of the room
      const quitters = Array.from({ length: 10 }, () => {
        const ws = new WebSocket(url);
        ws.on('open', () => ws.terminate());
        ws.on('error', () => {});
        return ws;
      });
      const stayers = Array.from({ length: 4 }, () => suite.connect(s, { token: s.noteTaker }));
      await Promise.all(stayers.map((c) => c.synced()));
      appendSpeakerBlock(stayers[0]!.doc, { speaker: 'Chair' }, `round ${round}`);
      await waitFor(
        () => stayers.every((c) => recordString(c.doc) === recordString(stayers[0]!.doc)),
        'stayers converge',
      );
      await stayers[0]!.save.whenSaved();
      expect(suite.server.rooms.loadedRoom(s.id)?.connections.size).toBe(4);
      for (const c of stayers) c.destroy();
      for (const q of quitters) q.terminate();
      // and once everyone is gone, the room unloads (no pin leaked by the quitters)
      await waitFor(() => suite.server.rooms.loadedRoom(s.id) === undefined, 'room unloads');
    }
  });

  it("loads a new session's room before its first socket, and unloads it if nobody comes", async () => {
    const s = await createSessionHttp(suite.server.url, 'prefetched');
    // creating it through the API started the load; the first joiner finds the room in memory
    await waitFor(() => suite.server.rooms.loadedRoom(s.id) !== undefined, 'room prefetched at creation');
    const c = suite.connect(s, { token: s.noteTaker });
    await c.synced();
    appendSpeakerBlock(c.doc, { speaker: 'Chair' }, 'first words');
    await c.save.whenSaved();
    c.destroy();
    // the joiner took over the prefetch's pin: leaving unloads the room at once
    await waitFor(() => suite.server.rooms.loadedRoom(s.id) === undefined, 'room unloads after its last socket');

    // a prefetch nobody follows ends with its pin
    suite.server.rooms.prefetch(s.id, 300);
    await waitFor(() => suite.server.rooms.loadedRoom(s.id) !== undefined, 'room prefetched');
    expect(recordString(suite.server.rooms.loadedRoom(s.id)!.doc)).toContain('first words');
    await waitFor(() => suite.server.rooms.loadedRoom(s.id) === undefined, 'prefetched room unloads');
  });

  it('starts loading the room when a page checks its link, and not for a link that does not work', async () => {
    const s = await createSessionHttp(suite.server.url, 'prefetched on the grant');
    await waitFor(() => suite.server.rooms.loadedRoom(s.id) !== undefined, 'room prefetched at creation');
    const c = suite.connect(s, { token: s.noteTaker });
    await c.synced();
    c.destroy();
    await waitFor(() => suite.server.rooms.loadedRoom(s.id) === undefined, 'room unloads after its last socket');

    const me = (token: string) =>
      fetch(`${suite.server.url}/api/sessions/${s.id}/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await me('not-a-token-of-this-server')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(suite.server.rooms.loadedRoom(s.id)).toBeUndefined();
    // the page asks what its link grants before it opens the socket: the room loads meanwhile
    expect((await me(s.noteTaker)).status).toBe(200);
    await waitFor(() => suite.server.rooms.loadedRoom(s.id) !== undefined, 'room prefetched by the grant');
  });
});

describe('a room after its last socket left', () => {
  const suite = useTestServer('pglite', { roomLingerMs: 3_000 });

  it('stays for the linger: a reloaded page finds it in memory, and it unloads afterwards with everything stored', async () => {
    const s = await newSession(suite.server, 'reloaded');
    const first = suite.connect(s, { token: s.noteTaker });
    await first.synced();
    appendSpeakerBlock(first.doc, { speaker: 'Chair' }, 'before the reload');
    await first.save.whenSaved();
    const room = suite.server.rooms.loadedRoom(s.id);
    expect(room).toBeDefined();
    first.destroy();
    // the page comes back within the linger: the same room, not a new load
    await new Promise((r) => setTimeout(r, 100));
    expect(suite.server.rooms.loadedRoom(s.id)).toBe(room);
    const again = suite.connect(s, { token: s.noteTaker });
    await again.synced();
    expect(suite.server.rooms.loadedRoom(s.id)).toBe(room);
    expect(recordString(again.doc)).toContain('before the reload');
    appendSpeakerBlock(again.doc, { speaker: 'Chair' }, 'after the reload');
    again.destroy();
    // nobody comes back: the room goes once the linger is over, with what was typed stored
    await new Promise((r) => setTimeout(r, 100));
    expect(suite.server.rooms.loadedRoom(s.id)).toBe(room);
    await waitFor(() => suite.server.rooms.loadedRoom(s.id) === undefined, 'room unloads after the linger');
    const { update } = await suite.server.log.load(s.id);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, update!);
    expect(recordString(stored)).toContain('after the reload');
  });
});
