import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addSpeaker,
  holdsTake,
  listSpeakers,
  markWaiting,
  MAX_SPEAKERS_LIST,
  moveSpeaker,
  moveSpeakerTo,
  observeSpeakersList,
  removeSpeaker,
  speakersListArray,
  takeNext,
  watchTake,
} from './speakersList.ts';

const names = (doc: Y.Doc) => listSpeakers(doc).map((e) => e.name);

/** Two replicas that exchange updates only when `sync()` is called (so edits can be concurrent). */
function pair(): { a: Y.Doc; b: Y.Doc; sync: () => void } {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return { a, b, sync };
}

function docWith(...speakers: string[]): Y.Doc {
  const doc = new Y.Doc();
  for (const name of speakers) addSpeaker(doc, { name });
  return doc;
}

describe('speakers list', () => {
  it('adds entries at the end with their details, and inserts at an index', () => {
    const doc = docWith('Malta', 'Peru');
    addSpeaker(doc, {
      name: ' Brazil ',
      affiliation: '',
      onBehalfOf: 'Group of 77 and China',
      kind: 'member-state',
      addedBy: 'Ana',
    });
    addSpeaker(doc, { name: 'Chair', kind: 'chair' }, { index: 0 });
    expect(names(doc)).toEqual(['Chair', 'Malta', 'Peru', 'Brazil']);
    expect(listSpeakers(doc)[3]).toMatchObject({
      name: 'Brazil',
      onBehalfOf: 'Group of 77 and China',
      kind: 'member-state',
      addedBy: 'Ana',
      status: 'waiting',
      taken: null,
    });
  });

  it('removes an entry by id', () => {
    const doc = docWith('Malta', 'Peru');
    const [malta] = listSpeakers(doc);
    expect(removeSpeaker(doc, malta!.id)).toBe(true);
    expect(removeSpeaker(doc, malta!.id)).toBe(false);
    expect(names(doc)).toEqual(['Peru']);
  });

  it('moves entries by displayed index, both ways and to the ends', () => {
    const doc = docWith('A', 'B', 'C', 'D');
    expect(moveSpeaker(doc, 0, 2)).toBe(true);
    expect(names(doc)).toEqual(['B', 'C', 'A', 'D']);
    moveSpeaker(doc, 3, 0);
    expect(names(doc)).toEqual(['D', 'B', 'C', 'A']);
    moveSpeaker(doc, 1, 99);
    expect(names(doc)).toEqual(['D', 'C', 'A', 'B']);
    expect(moveSpeaker(doc, 2, 2)).toBe(false);
    expect(moveSpeaker(doc, 9, 0)).toBe(false);
  });

  it('keeps ordering after many moves into the same gap (renumbering when floats run out)', () => {
    const doc = docWith('A', 'B', 'C');
    // always move the last entry between the first two: halves the gap every time
    for (let i = 0; i < 80; i++) moveSpeaker(doc, 2, 1);
    expect(new Set(names(doc))).toEqual(new Set(['A', 'B', 'C']));
    expect(names(doc)[0]).toBe('A');
    const ranks = listSpeakers(doc).map((e) => e.rank);
    expect(new Set(ranks).size).toBe(3);
  });

  it('takes the first waiting entry, marks it spoken and skips it next time', () => {
    const doc = docWith('Malta', 'Peru', 'Brazil');
    const first = takeNext(doc, { name: 'Ana', now: new Date('2017-01-24T10:00:00Z') });
    expect(first).toMatchObject({
      name: 'Malta',
      status: 'spoken',
      taken: { clientId: doc.clientID, by: 'Ana', at: '2017-01-24T10:00:00.000Z' },
    });
    expect(takeNext(doc)?.name).toBe('Peru');
    expect(listSpeakers(doc).map((e) => e.status)).toEqual(['spoken', 'spoken', 'waiting']);
    expect(holdsTake(doc, first!.id)).toBe(true);
    expect(markWaiting(doc, first!.id)).toBe(true);
    expect(takeNext(doc)?.name).toBe('Malta');
    expect(takeNext(doc)?.name).toBe('Brazil');
    expect(takeNext(doc)).toBeNull();
  });

  it('makes a take one update, so another replica sees the entry spoken at once', () => {
    const { a, b, sync } = pair();
    addSpeaker(a, { name: 'Malta' });
    sync();
    const updates: Uint8Array[] = [];
    a.on('update', (u: Uint8Array) => updates.push(u));
    takeNext(a);
    expect(updates).toHaveLength(1);
    Y.applyUpdate(b, updates[0]!);
    expect(listSpeakers(b)[0]!.status).toBe('spoken');
  });

  it('resolves two concurrent takes of the same head to one holder on both replicas', () => {
    const { a, b, sync } = pair();
    addSpeaker(a, { name: 'Malta' });
    addSpeaker(a, { name: 'Peru' });
    sync();
    const fromA = takeNext(a)!;
    const fromB = takeNext(b)!;
    expect(fromA.id).toBe(fromB.id); // both picked the head before hearing of each other
    const lost: string[] = [];
    watchTake(a, fromA.id, () => lost.push('a'));
    watchTake(b, fromB.id, () => lost.push('b'));
    sync();
    const holder = listSpeakers(a)[0]!.taken!.clientId;
    expect(listSpeakers(b)[0]!.taken!.clientId).toBe(holder);
    expect(holder).toBe(Math.max(a.clientID, b.clientID)); // Yjs: the higher client id wins a map key
    expect(lost).toEqual([holder === a.clientID ? 'b' : 'a']);
    // the loser takes again and gets the next entry, which nobody else holds
    const loser = holder === a.clientID ? b : a;
    expect(takeNext(loser)?.name).toBe('Peru');
    sync();
    expect(listSpeakers(a).map((e) => e.taken?.clientId)).toEqual([holder, loser.clientID]);
  });

  it('never duplicates an entry that two replicas move at once', () => {
    const { a, b, sync } = pair();
    for (const n of ['A', 'B', 'C', 'D']) addSpeaker(a, { name: n });
    sync();
    moveSpeaker(a, 0, 3);
    moveSpeaker(b, 0, 1);
    sync();
    expect(names(a)).toEqual(names(b));
    expect(names(a).sort()).toEqual(['A', 'B', 'C', 'D']);
  });

  it('orders concurrent appends the same way on both replicas', () => {
    const { a, b, sync } = pair();
    addSpeaker(a, { name: 'from A' });
    addSpeaker(b, { name: 'from B' });
    sync();
    expect(names(a)).toEqual(names(b));
    expect(names(a)).toHaveLength(2);
  });

  it('reads junk written by a hostile client without throwing, and keeps the first of a duplicated id', () => {
    const doc = docWith('Malta');
    const array = speakersListArray(doc);
    const dup = new Y.Map<unknown>(Object.entries({ id: listSpeakers(doc)[0]!.id, name: 'Copy', rank: -5 }));
    const weird = new Y.Map<unknown>(
      Object.entries({ id: 'w', name: 'X'.repeat(10_000), kind: 'nonsense', rank: 'high', taken: { clientId: 'me' } }),
    );
    array.push([new Y.Map(), dup, weird]);
    (array as unknown as Y.Array<unknown>).push(['a string', 42, null]);
    const list = listSpeakers(doc);
    expect(list.map((e) => e.id)).toContain('w');
    expect(list.filter((e) => e.name === 'Copy')).toHaveLength(0);
    const w = list.find((e) => e.id === 'w')!;
    expect(w).toMatchObject({ kind: 'other', status: 'waiting', taken: null });
    expect(w.name.length).toBe(200);
  });

  it('refuses to grow past its limit', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < MAX_SPEAKERS_LIST; i++) expect(addSpeaker(doc, { name: `S${i}` })).not.toBeNull();
    expect(addSpeaker(doc, { name: 'one too many' })).toBeNull();
  });

  it('tells an observer about every change until unsubscribed', () => {
    const doc = docWith('A');
    const seen: string[][] = [];
    const stop = observeSpeakersList(doc, (list) => seen.push(list.map((e) => `${e.name}:${e.status}`)));
    addSpeaker(doc, { name: 'B' });
    takeNext(doc);
    stop();
    addSpeaker(doc, { name: 'C' });
    expect(seen).toEqual([
      ['A:waiting', 'B:waiting'],
      ['A:spoken', 'B:waiting'],
    ]);
  });

  it('moves by id as well as by index', () => {
    const doc = docWith('A', 'B', 'C');
    const c = listSpeakers(doc)[2]!;
    expect(moveSpeakerTo(doc, c.id, 0)).toBe(true);
    expect(names(doc)).toEqual(['C', 'A', 'B']);
    expect(moveSpeakerTo(doc, 'missing', 0)).toBe(false);
  });

  it('lets a loser take again from inside the watch callback', () => {
    const { a, b, sync } = pair();
    for (const n of ['A', 'B', 'C']) addSpeaker(a, { name: n });
    sync();
    const held = new Map<Y.Doc, string[]>([
      [a, []],
      [b, []],
    ]);
    const take = (doc: Y.Doc) => {
      const e = takeNext(doc);
      if (!e) return;
      held.get(doc)!.push(e.id);
      watchTake(doc, e.id, () => {
        held.set(
          doc,
          held.get(doc)!.filter((id) => id !== e.id),
        );
        take(doc); // a change made by an observer callback: Yjs runs it as its own transaction
      });
    };
    take(a);
    take(b);
    sync();
    sync();
    expect(names(a)).toEqual(names(b));
    const all = [...held.get(a)!, ...held.get(b)!];
    expect(new Set(all).size).toBe(2);
    for (const e of listSpeakers(a).filter((x) => x.taken)) {
      expect(held.get(e.taken!.clientId === a.clientID ? a : b)).toContain(e.id);
    }
  });
});
