/**
 * The note-taker's cockpit over real sockets: the shared speakers list (in the session's Y.Doc)
 * and claims (in awareness), between stock y-websocket clients and a real server.
 */
import { claimedByOther, readClaims, setClaim } from '@rapporteur/shared/cockpit';
import {
  addSpeaker,
  listSpeakers,
  moveSpeaker,
  type SpeakersListEntry,
  takeNext,
  watchTake,
} from '@rapporteur/shared/cockpit';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { type TestClient, waitFor } from '../helpers/clients.ts';
import { backends } from '../helpers/database.ts';
import { newSession, type SessionTokens } from '../helpers/sessions.ts';
import { useTestServer } from '../helpers/testServer.ts';

/**
 * Resolve once the server has handled every frame `c` sent so far: frames of one socket are
 * handled in order, and a SyncStep1 is answered with a SyncStep2.
 */
async function handledByServer(c: TestClient): Promise<void> {
  const ws = c.provider.ws!;
  await new Promise<void>((resolve) => {
    const onMessage = (ev: MessageEvent) => {
      const bytes = new Uint8Array(ev.data as ArrayBuffer);
      if (bytes[0] === 0 && bytes[1] === syncProtocol.messageYjsSyncStep2) {
        ws.removeEventListener('message', onMessage);
        resolve();
      }
    };
    ws.addEventListener('message', onMessage);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0); // y-websocket's sync message type
    syncProtocol.writeSyncStep1(encoder, c.doc);
    ws.send(encoding.toUint8Array(encoder));
  });
}

const names = (doc: Y.Doc) => listSpeakers(doc).map((e) => e.name);
const snapshot = (doc: Y.Doc) => JSON.stringify(listSpeakers(doc));
type States = Map<number, Record<string, unknown>>;
const statesOf = (c: TestClient) => c.provider.awareness.getStates() as States;

describe.each(backends())('speakers list and claims over real sockets on %s', (backend) => {
  const suite = useTestServer(backend, { clientsPerTest: true });
  let s: SessionTokens;

  const connect = async (token: string, name: string, session = s) => {
    const c = suite.connect(session, { token, name });
    await c.synced();
    return c;
  };

  it('is shared by two note-takers: additions, reordering and taking are seen by the other', async () => {
    s = await newSession(suite.server);
    const ana = await connect(s.noteTaker, 'Ana');
    const ben = await connect(s.noteTaker, 'Ben');
    for (const name of ['Malta', 'Peru', 'Brazil']) addSpeaker(ana.doc, { name, kind: 'member-state', addedBy: 'Ana' });
    await waitFor(() => names(ben.doc).length === 3, 'Ben sees the three speakers');
    expect(names(ben.doc)).toEqual(['Malta', 'Peru', 'Brazil']);

    moveSpeaker(ben.doc, 2, 0); // Brazil asked for the floor first
    await waitFor(() => names(ana.doc)[0] === 'Brazil', 'Ana sees the new order');
    expect(names(ana.doc)).toEqual(['Brazil', 'Malta', 'Peru']);

    const next = takeNext(ana.doc, { name: 'Ana' });
    expect(next?.name).toBe('Brazil');
    await waitFor(() => listSpeakers(ben.doc)[0]!.status === 'spoken', 'Ben sees Brazil marked spoken');
    expect(listSpeakers(ben.doc)[0]!.taken).toMatchObject({ clientId: ana.doc.clientID, by: 'Ana' });
    expect(takeNext(ben.doc, { name: 'Ben' })?.name).toBe('Malta');
    await waitFor(() => snapshot(ana.doc) === snapshot(ben.doc), 'both replicas agree');
  });

  it('never hands the same entry to two clients that take at the same moment', async () => {
    s = await newSession(suite.server);
    const ana = await connect(s.noteTaker, 'Ana');
    const ben = await connect(s.editor, 'Ben');
    const speakers = Array.from({ length: 12 }, (_, i) => `Delegation ${i + 1}`);
    for (const name of speakers) addSpeaker(ana.doc, { name });
    await waitFor(() => names(ben.doc).length === speakers.length, 'Ben has the list');

    // What each client believes it holds: an entry is added when taken, removed when a
    // concurrent take by the other wins (Yjs: the higher client id wins a map key), and the
    // loser then takes again. The loser's retake happens inside the observer callback.
    const held = new Map<TestClient, Set<string>>([
      [ana, new Set()],
      [ben, new Set()],
    ]);
    let pendingRetakes = 0;
    const take = (c: TestClient): SpeakersListEntry | null => {
      const entry = takeNext(c.doc, { name: c === ana ? 'Ana' : 'Ben' });
      if (!entry) return null;
      held.get(c)!.add(entry.id);
      watchTake(c.doc, entry.id, () => {
        held.get(c)!.delete(entry.id);
        pendingRetakes++;
        take(c);
      });
      return entry;
    };

    let collisions = 0;
    for (let round = 0; round < 5; round++) {
      // both in the same tick: neither has seen the other's update, so they pick the same head
      const a = take(ana);
      const b = take(ben);
      if (a && b && a.id === b.id) collisions++;
      await waitFor(() => snapshot(ana.doc) === snapshot(ben.doc), `round ${round}: replicas converge`);
    }
    expect(collisions).toBe(5); // the test really exercised concurrent takes
    expect(pendingRetakes).toBe(5); // and each was resolved by exactly one retake

    const spoken = listSpeakers(ana.doc).filter((e) => e.status === 'spoken');
    expect(spoken).toHaveLength(10);
    const anas = held.get(ana)!;
    const bens = held.get(ben)!;
    // disjoint, and together exactly the spoken entries, each held by the client the doc names
    expect([...anas].filter((id) => bens.has(id))).toEqual([]);
    expect(new Set([...anas, ...bens])).toEqual(new Set(spoken.map((e) => e.id)));
    for (const e of spoken) {
      const holder = e.taken!.clientId === ana.doc.clientID ? anas : bens;
      expect(holder.has(e.id), e.name).toBe(true);
    }
    expect(names(ana.doc)).toEqual(speakers);
  });

  it('ignores an observer who tries to change the list', async () => {
    s = await newSession(suite.server);
    const ana = await connect(s.noteTaker, 'Ana');
    addSpeaker(ana.doc, { name: 'Malta' });
    const watcher = await connect(s.observer, 'Watcher');
    await waitFor(() => names(watcher.doc).length === 1, 'the observer sees the list');
    addSpeaker(watcher.doc, { name: 'Mallory' });
    takeNext(watcher.doc);
    addSpeaker(ana.doc, { name: 'Peru' }); // a later change that does arrive
    await waitFor(() => names(watcher.doc).includes('Peru'), 'the observer sees later changes');
    expect(names(ana.doc)).toEqual(['Malta', 'Peru']);
    expect(listSpeakers(ana.doc)[0]!.status).toBe('waiting');
  });

  it('keeps the list when everyone leaves and the server restarts', async () => {
    s = await newSession(suite.server);
    const ana = await connect(s.noteTaker, 'Ana');
    for (const name of ['Malta', 'Peru']) addSpeaker(ana.doc, { name });
    takeNext(ana.doc);
    await ana.save.whenSaved();
    const before = snapshot(ana.doc);
    ana.destroy();
    await suite.restart();
    const again = await connect(s.noteTaker, 'Ana');
    expect(snapshot(again.doc)).toBe(before);
  });

  it('shows a claim to the others under the name the server bound, and clears it when the claimer leaves', async () => {
    s = await newSession(suite.server);
    const ana = await connect(s.noteTaker, 'Ana');
    const ben = await connect(s.noteTaker, 'Ben');
    // Ana's client pretends to be someone else: the server overwrites `user`
    ana.provider.awareness.setLocalStateField('user', { name: 'The Chair', role: 'editor' });
    setClaim(ana.provider.awareness, 'block-brazil');
    await waitFor(() => readClaims(statesOf(ben)).length === 1, 'Ben sees the claim');
    const [claim] = readClaims(statesOf(ben));
    expect(claim).toMatchObject({
      clientId: ana.doc.clientID,
      blockId: 'block-brazil',
      user: { name: 'Ana', role: 'note-taker' },
    });
    expect(claimedByOther(statesOf(ben), 'block-brazil', ben.doc.clientID)?.user?.name).toBe('Ana');

    setClaim(ana.provider.awareness, 'block-peru');
    await waitFor(() => readClaims(statesOf(ben))[0]?.blockId === 'block-peru', 'Ben sees the claim move');

    ana.destroy();
    await waitFor(() => readClaims(statesOf(ben)).length === 0, 'the claim clears when Ana leaves');
  });

  it('never takes a claim from an observer', async () => {
    s = await newSession(suite.server);
    const ana = await connect(s.noteTaker, 'Ana');
    const ben = await connect(s.noteTaker, 'Ben');
    const watcher = await connect(s.observer, 'Watcher');
    setClaim(watcher.provider.awareness, 'block-1');
    await handledByServer(watcher);
    const room = suite.server.rooms.loadedRoom(s.id)!;
    expect(readClaims(room.awareness.getStates() as States)).toEqual([]);
    setClaim(ana.provider.awareness, 'block-2');
    await waitFor(() => readClaims(statesOf(ben)).length > 0, 'Ben sees Ana claim');
    expect(readClaims(statesOf(ben)).map((c) => c.blockId)).toEqual(['block-2']);
    // the same check that found no observer claim above does see a note-taker's
    expect(readClaims(room.awareness.getStates() as States).map((c) => c.blockId)).toEqual(['block-2']);
  });
});
