import { CloseCode } from '@rapporteur/shared/protocol';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { waitFor } from '../helpers/clients.ts';
import { backends } from '../helpers/database.ts';
import { appendSpeakerBlock, blockText, recordString } from '../helpers/record.ts';
import { newSession, type SessionTokens } from '../helpers/sessions.ts';
import { useTestServer } from '../helpers/testServer.ts';

/** A raw socket that records what it receives and how it was closed. */
function rawSocket(url: string) {
  const ws = new WebSocket(url);
  const received: Buffer[] = [];
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  const opened = new Promise<void>((resolve, reject) => {
    ws.on('open', () => resolve());
    ws.on('error', reject);
  });
  ws.on('message', (d) => received.push(d as Buffer));
  return { ws, received, closed, opened };
}

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

/** A y-websocket sync message carrying SyncStep1 of an empty document (the server answers it). */
function syncStep1Frame(): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, 0);
    syncProtocol.writeSyncStep1(e, new Y.Doc());
  });
}

/** An awareness frame carrying the given entries (client id, clock, state). */
function awarenessFrame(entries: [number, number, unknown][]): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, 1);
    const u = encoding.createEncoder();
    encoding.writeVarUint(u, entries.length);
    for (const [id, clock, state] of entries) {
      encoding.writeVarUint(u, id);
      encoding.writeVarUint(u, clock);
      encoding.writeVarString(u, JSON.stringify(state));
    }
    encoding.writeVarUint8Array(e, encoding.toUint8Array(u));
  });
}

/** An update that appends a speaker block, made on a copy of `base`. */
function forgedUpdate(base: Y.Doc, text: string): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(base));
  const sv = Y.encodeStateVector(copy);
  appendSpeakerBlock(copy, { speaker: 'Mallory' }, text);
  return Y.encodeStateAsUpdate(copy, sv);
}

describe.each(backends())('roles enforced by the server on %s', (backend) => {
  const suite = useTestServer(backend);
  const ws = (s: SessionTokens, token?: string) =>
    `${suite.server.url.replace('http', 'ws')}/collab/${s.id}${token ? `?token=${token}` : ''}`;
  const storedText = async (id: string) => {
    const room = suite.server.rooms.loadedRoom(id);
    if (room) await room.flush();
    const { update } = await suite.server.log.load(id);
    const d = new Y.Doc();
    if (update) Y.applyUpdate(d, update);
    return recordString(d);
  };

  it("refuses sockets without a token, with a wrong token, or with another session's token, before any byte", async () => {
    const a = await newSession(suite.server);
    const b = await newSession(suite.server);
    for (const [url, code] of [
      [ws(a), CloseCode.Unauthorized],
      [ws(a, 'x'.repeat(43)), CloseCode.Unauthorized],
      [ws(a, b.editor), CloseCode.Forbidden],
    ] as const) {
      const s = rawSocket(url);
      expect(await s.closed).toBe(code);
      expect(s.received).toHaveLength(0);
    }
    expect(suite.server.rooms.loadedRoom(a.id)).toBeUndefined(); // nothing loaded for refused sockets
  });

  it('drops every kind of observer write: the stored document stays unchanged and nothing is broadcast', async () => {
    const s = await newSession(suite.server);
    const writer = suite.connect(s, { token: s.noteTaker, name: 'Writer' });
    await writer.synced();
    appendSpeakerBlock(writer.doc, { speaker: 'Chair' }, 'the meeting is open');
    await writer.save.whenSaved();
    const before = await storedText(s.id);
    const received: Uint8Array[] = [];
    writer.provider.ws?.addEventListener('message', (e: MessageEvent) =>
      received.push(new Uint8Array(e.data as ArrayBuffer)),
    );

    const obs = rawSocket(ws(s, s.observer));
    await obs.opened;
    const update = forgedUpdate(writer.doc, 'observer was here');
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState({ user: { name: 'Sneaky observer' } });
    const syncFrame = (syncType: number) =>
      frame((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, syncType);
        encoding.writeVarUint8Array(e, update);
      }) as Buffer;
    obs.ws.send(syncFrame(1)); // SyncStep2
    obs.ws.send(syncFrame(2)); // Update
    obs.ws.send(
      frame((e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]));
      }) as Buffer,
    );
    // a round trip proves the server processed the frames above: it answers SyncStep1 in order
    const n = obs.received.length;
    obs.ws.send(syncStep1Frame() as Buffer);
    await waitFor(() => obs.received.length > n, 'server answered the observer');

    expect(await storedText(s.id)).toBe(before);
    expect(recordString(writer.doc)).not.toContain('observer was here');
    expect(
      [...writer.provider.awareness.getStates().values()].some((st) => JSON.stringify(st).includes('Sneaky')),
    ).toBe(false);
    // the writer is told how many observers there are
    await waitFor(
      () =>
        [...writer.provider.awareness.getStates().values()].some(
          (st) => (st as { server?: { observers: number } }).server?.observers === 1,
        ),
      'observer count reaches the writer',
    );
    awareness.destroy();
    obs.ws.close();
  });

  it("shows observers the room's state but never the note-takers' carets", async () => {
    const s = await newSession(suite.server);
    const alice = suite.connect(s, { token: s.noteTaker, name: 'Alice' });
    const bob = suite.connect(s, { token: s.noteTaker, name: 'Bob' });
    const watcher = suite.connect(s, { token: s.observer });
    await Promise.all([alice.synced(), bob.synced(), watcher.synced()]);
    for (let i = 0; i < 5; i++) alice.provider.awareness.setLocalStateField('cursor', { at: i });
    const aliceId = alice.provider.awareness.clientID;
    await waitFor(
      () => (bob.provider.awareness.getStates().get(aliceId) as { cursor?: { at: number } })?.cursor?.at === 4,
      'the other note-taker sees the caret',
    );
    await waitFor(
      () =>
        [...watcher.provider.awareness.getStates().values()].some(
          (st) => (st as { server?: { observers: number } }).server?.observers === 1,
        ),
      'the observer gets the room state',
    );
    expect(watcher.provider.awareness.getStates().has(aliceId)).toBe(false);
    expect(watcher.provider.awareness.getStates().has(bob.provider.awareness.clientID)).toBe(false);

    // a second observer changes the count: the note-takers hear of it, the first observer is not
    // sent a frame for a number its view does not show
    const entryClock = () => {
      for (const [id, meta] of watcher.provider.awareness.meta) {
        if ((watcher.provider.awareness.getStates().get(id) as { server?: unknown })?.server) return meta.clock;
      }
      return -1;
    };
    const before = entryClock();
    const second = suite.connect(s, { token: s.observer });
    await second.synced();
    await waitFor(
      () =>
        [...alice.provider.awareness.getStates().values()].some(
          (st) => (st as { server?: { observers: number } }).server?.observers === 2,
        ),
      'the note-taker sees two observers',
    );
    expect(entryClock()).toBe(before);
  });

  it('binds presence to the socket: a client cannot present as someone else or remove another entry', async () => {
    const s = await newSession(suite.server);
    const alice = suite.connect(s, { token: s.noteTaker, name: 'Alice', color: '#aa0000' });
    const bob = suite.connect(s, { token: s.editor, name: 'Bob', color: '#0000aa' });
    await Promise.all([alice.synced(), bob.synced()]);
    // (y-protocols ignores a first awareness state with clock 0, as the caret extension's clients
    // never send one: they set their user before connecting. Do the same.)
    bob.provider.awareness.setLocalStateField('user', { name: 'Bob' });
    // Alice claims to be the Chair, editor
    alice.provider.awareness.setLocalStateField('user', { name: 'The Chair', role: 'editor', color: '#000000' });
    await waitFor(() => bob.provider.awareness.getStates().has(alice.doc.clientID), 'bob sees alice');
    await waitFor(
      () =>
        (bob.provider.awareness.getStates().get(alice.doc.clientID) as { user?: { name: string } })?.user?.name ===
        'Alice',
      'alice shown under her bound name',
    );
    const shown = bob.provider.awareness.getStates().get(alice.doc.clientID) as {
      user: { name: string; role: string; color: string };
    };
    expect(shown.user).toEqual({ name: 'Alice', role: 'note-taker', color: '#aa0000' });

    await waitFor(() => alice.provider.awareness.getStates().has(bob.doc.clientID), 'alice sees bob');
    // a forged removal of Bob's entry, sent on another note-taker socket, is ignored
    const forged = new awarenessProtocol.Awareness(new Y.Doc());
    forged.clientID = bob.doc.clientID;
    const raw = rawSocket(ws(s, s.noteTaker));
    await raw.opened;
    const bobClock = 999;
    raw.ws.send(
      frame((e) => {
        encoding.writeVarUint(e, 1);
        const u = encoding.createEncoder();
        encoding.writeVarUint(u, 2);
        encoding.writeVarUint(u, 12345); // the raw socket's own entry first: binds its identity
        encoding.writeVarUint(u, 1);
        encoding.writeVarString(u, JSON.stringify({ user: { name: 'x' } }));
        encoding.writeVarUint(u, bob.doc.clientID);
        encoding.writeVarUint(u, bobClock);
        encoding.writeVarString(u, 'null');
        encoding.writeVarUint8Array(e, encoding.toUint8Array(u));
      }) as Buffer,
    );
    await waitFor(() => alice.provider.awareness.getStates().has(12345), 'raw socket presence seen');
    expect(alice.provider.awareness.getStates().has(bob.doc.clientID)).toBe(true);
    forged.destroy();
    raw.ws.close();
  });

  it("refuses a claim on another live socket's presence id: the victim keeps its presence when the forger leaves", async () => {
    const s = await newSession(suite.server);
    const victim = suite.connect(s, { token: s.noteTaker, name: 'Victim', color: '#00aa00' });
    const watcher = suite.connect(s, { token: s.editor, name: 'Watcher', color: '#0000aa' });
    await Promise.all([victim.synced(), watcher.synced()]);
    victim.provider.awareness.setLocalStateField('cursor', { at: 1 });
    const victimId = victim.doc.clientID;
    const shownName = () =>
      (watcher.provider.awareness.getStates().get(victimId) as { user?: { name: string } } | undefined)?.user?.name;
    await waitFor(() => shownName() === 'Victim', 'the watcher sees the victim');
    const forger = rawSocket(ws(s, s.noteTaker));
    await forger.opened;
    forger.ws.send(awarenessFrame([[victimId, 50, { cursor: { at: 999 } }]]) as Buffer);
    forger.ws.send(awarenessFrame([[777_001, 1, { cursor: { at: 5 } }]]) as Buffer);
    await waitFor(() => watcher.provider.awareness.getStates().has(777_001), "the forger's own entry is shown");
    const victimState = watcher.provider.awareness.getStates().get(victimId) as { cursor?: { at: number } };
    expect(victimState.cursor?.at).toBe(1);
    forger.ws.close();
    await waitFor(() => !watcher.provider.awareness.getStates().has(777_001), "the forger's entry goes with it");
    expect(shownName()).toBe('Victim');
    expect(suite.server.rooms.loadedRoom(s.id)!.awareness.getStates().has(victimId)).toBe(true);
  });

  it("refuses a claim on the room's own presence id: the room state stays the server's", async () => {
    const s = await newSession(suite.server);
    const editor = suite.connect(s, { token: s.editor });
    await editor.synced();
    const roomId = suite.server.rooms.loadedRoom(s.id)!.doc.clientID;
    const roomState = () =>
      (
        editor.provider.awareness.getStates().get(roomId) as
          | { server?: { status?: string; locked?: boolean } }
          | undefined
      )?.server;
    await waitFor(() => roomState()?.status === 'live', 'the editor sees the room state');
    const forger = rawSocket(ws(s, s.noteTaker));
    await forger.opened;
    forger.ws.send(awarenessFrame([[roomId, 10_000, { cursor: { at: 3 } }]]) as Buffer);
    forger.ws.send(awarenessFrame([[777_002, 1, { cursor: { at: 4 } }]]) as Buffer);
    await waitFor(() => editor.provider.awareness.getStates().has(777_002), "the forger's own entry is shown");
    expect(roomState()).toMatchObject({ status: 'live', locked: false });
    forger.ws.close();
    await waitFor(() => !editor.provider.awareness.getStates().has(777_002), "the forger's entry goes with it");
    expect(roomState()).toMatchObject({ status: 'live', locked: false });
  });

  it("lets only editors set a block to checked: a note-taker's attempt is reverted and later typing still syncs", async () => {
    const s = await newSession(suite.server);
    const noteTaker = suite.connect(s, { token: s.noteTaker });
    const editor = suite.connect(s, { token: s.editor });
    await Promise.all([noteTaker.synced(), editor.synced()]);
    appendSpeakerBlock(noteTaker.doc, { speaker: 'Peru' }, 'We give great importance to this area.');
    await waitFor(() => recordString(editor.doc) === recordString(noteTaker.doc), 'editor has the block');
    const block = (d: Y.Doc) => d.getXmlFragment('record').get(0) as Y.XmlElement;

    block(noteTaker.doc).setAttribute('status', 'checked');
    await waitFor(() => block(noteTaker.doc).getAttribute('status') === 'draft', 'the server reverts the note-taker');
    expect(block(editor.doc).getAttribute('status')).toBe('draft');
    blockText(noteTaker.doc, 0).insert(0, 'Peru: ');
    await waitFor(() => blockText(editor.doc, 0).toString().startsWith('Peru: '), 'note-taker typing still syncs');

    block(editor.doc).setAttribute('status', 'final');
    const roomDoc = suite.server.rooms.loadedRoom(s.id)!.doc;
    await waitFor(() => block(roomDoc).getAttribute('status') === 'final', 'editor status reaches the server');
    expect(await storedText(s.id)).toContain('status="final"');
  });

  it('finalise captures edits made 50 ms before it, then rejects every update until reopened', async () => {
    const s = await newSession(suite.server);
    const a = suite.connect(s, { token: s.noteTaker });
    await a.synced();
    const t = appendSpeakerBlock(a.doc, { speaker: 'Indonesia' }, 'Demand reduction');
    await a.save.whenSaved();
    t.insert(t.length, ', supply reduction and international cooperation.');
    await new Promise((r) => setTimeout(r, 50));
    const res = await fetch(`${suite.server.url}/api/sessions/${s.id}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.editor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'final' }),
    });
    expect(res.status).toBe(200);
    expect(await storedText(s.id)).toContain('international cooperation.');

    t.insert(t.length, ' typed-while-final');
    await new Promise((r) => setTimeout(r, 200));
    expect(await storedText(s.id)).not.toContain('typed-while-final');

    const reopen = await fetch(`${suite.server.url}/api/sessions/${s.id}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.editor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'review' }),
    });
    expect(reopen.status).toBe(200);
    t.insert(t.length, ' after reopening');
    await waitFor(async () => (await storedText(s.id)).includes('after reopening'), 'edits accepted after reopening');
    // what was typed while final was kept by the client and arrives on reopening, exactly once
    expect((await storedText(s.id)).split('typed-while-final').length).toBe(2);
    expect(blockText(a.doc, 0).toString()).toContain('after reopening');
  });

  it('rotating a link stops the old one at once and closes its open sockets', async () => {
    const s = await newSession(suite.server);
    const old = rawSocket(ws(s, s.noteTaker));
    await old.opened;
    const res = await fetch(`${suite.server.url}/api/sessions/${s.id}/links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.editor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'note-taker', rotate: true }),
    });
    expect(res.status).toBe(201);
    const { link } = (await res.json()) as { link: string };
    expect(await old.closed).toBe(CloseCode.Unauthorized);
    expect(await rawSocket(ws(s, s.noteTaker)).closed).toBe(CloseCode.Unauthorized);
    const fresh = rawSocket(ws(s, new URL(link, 'http://x').searchParams.get('token')!));
    await fresh.opened;
    await waitFor(() => fresh.received.length > 0, 'new link syncs');
    fresh.ws.close();
  });

  it('slows a flooding client down instead of closing it, answers it all, and leaves others alone', async () => {
    const s = await newSession(suite.server);
    const calm = suite.connect(s, { token: s.noteTaker });
    await calm.synced();
    const flood = rawSocket(ws(s, s.noteTaker));
    await flood.opened;
    let closedWith: number | null = null;
    void flood.closed.then((code) => {
      closedWith = code;
    });
    await waitFor(() => flood.received.length > 0, 'the flooder is greeted');
    const greeted = flood.received.length;
    const step1 = syncStep1Frame();
    for (let i = 0; i < 2_000; i++) flood.ws.send(step1 as Buffer);
    appendSpeakerBlock(calm.doc, { speaker: 'China' }, 'still here');
    await calm.save.whenSaved();
    expect(calm.provider.wsconnected).toBe(true);
    // every SyncStep1 is answered (by backpressure, at the socket's rate), and nobody is closed
    await waitFor(() => flood.received.length >= greeted + 2_000, 'every flood frame answered', 40_000);
    expect(closedWith).toBeNull();
    flood.ws.close();
  });

  it("answers HTTP calls without a valid token with 401, and with another session's token with 403", async () => {
    const a = await newSession(suite.server);
    const b = await newSession(suite.server);
    expect((await fetch(`${suite.server.url}/api/sessions/${a.id}`)).status).toBe(401);
    const wrong = await fetch(`${suite.server.url}/api/sessions/${a.id}`, {
      headers: { authorization: `Bearer ${b.editor}` },
    });
    expect(wrong.status).toBe(403);
    const ok = await fetch(`${suite.server.url}/api/sessions/${a.id}`, {
      headers: { authorization: `Bearer ${a.observer}` },
    });
    expect(ok.status).toBe(200);
    const observerStatus = await fetch(`${suite.server.url}/api/sessions/${a.id}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.observer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'final' }),
    });
    expect(observerStatus.status).toBe(403);
  });
});
