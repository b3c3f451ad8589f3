/**
 * The shared speakers list of a session. It lives in the session's Y.Doc (so it syncs, persists
 * and works offline like the record) as a Y.Array named `speakersList` of Y.Map entries:
 *
 *   id, name, affiliation, onBehalfOf, kind, registryId, addedBy, addedAt   (set once)
 *   rank    number: the display order, smallest first
 *   taken   null while waiting; { clientId, by, at } once taken as "next speaker"
 *
 * Order is a rank per entry, not the array position: Y.Array has no move, and delete + insert
 * would duplicate an entry that two people drag at once. Setting one entry's rank is a single
 * map write, so concurrent moves converge (last writer wins) and never duplicate anything.
 * Equal ranks (two people appending at once) are ordered by id, the same on every replica.
 *
 * The review guard on the server watches map keys named `status`; this structure has none, so
 * note-takers' writes here are never mistaken for review-status changes.
 *
 * Taking the next speaker and concurrency. `takeNext` reads the head and marks it taken inside
 * one transaction: on one replica no two calls can get the same entry (JavaScript runs the
 * transaction to completion, and other clients see one update with the change). Two clients
 * that take at the same moment (neither has seen the other's update yet) both mark the same
 * head. Yjs resolves concurrent writes of one map key the same way on every replica: the write
 * of the client with the higher clientID wins. `taken` is a single key, so all of its fields
 * come from the same winner. The other client learns it lost as soon as the winner's update
 * arrives: `watchTake` calls it back, and it takes the next entry instead (the integration
 * test tests/integration/speakersList.test.ts does exactly that). So no entry ends up handed to
 * two people; a loser's first pick is corrected within one round trip.
 */
import * as Y from 'yjs';
import { oneOf, SPEAKER_KINDS, type SpeakerKind } from '../schema/attributes.ts';

/** The Y.Doc field holding the speakers list. */
export const SPEAKERS_LIST_FIELD = 'speakersList';
/** Most entries a list holds; more is a runaway script, not a meeting. */
export const MAX_SPEAKERS_LIST = 500;
/** Longest name, affiliation or group kept in an entry. */
export const MAX_ENTRY_TEXT = 200;

/** Who took an entry, and when. */
export interface Take {
  /** The Y.Doc clientID of the taker (decides concurrent takes). */
  clientId: number;
  /** The taker's display name. */
  by: string;
  /** ISO time of the take. */
  at: string;
}

/** One entry of the speakers list, as read from the document. */
export interface SpeakersListEntry {
  id: string;
  name: string;
  affiliation: string;
  onBehalfOf: string;
  kind: SpeakerKind;
  /** The registry entry it was picked from, or ''. */
  registryId: string;
  addedBy: string;
  addedAt: string;
  rank: number;
  status: 'waiting' | 'spoken';
  /** Set once taken as "next speaker". */
  taken: Take | null;
}

/** What `addSpeaker` needs; everything but the name is optional. */
export interface NewSpeaker {
  name: string;
  affiliation?: string;
  onBehalfOf?: string;
  kind?: SpeakerKind;
  registryId?: string;
  addedBy?: string;
}

type EntryMap = Y.Map<unknown>;

/** The Y.Array behind the list. */
export function speakersListArray(doc: Y.Doc): Y.Array<EntryMap> {
  return doc.getArray<EntryMap>(SPEAKERS_LIST_FIELD);
}

const text = (v: unknown): string => (typeof v === 'string' ? v.slice(0, MAX_ENTRY_TEXT) : '');

function readTake(v: unknown): Take | null {
  if (!v || typeof v !== 'object') return null;
  const t = v as Record<string, unknown>;
  if (typeof t.clientId !== 'number') return null;
  return { clientId: t.clientId, by: text(t.by), at: text(t.at) };
}

/** Read one map defensively: any client can write anything into the document. */
function readEntry(map: unknown, index: number): SpeakersListEntry | null {
  if (!(map instanceof Y.Map)) return null;
  const id = map.get('id');
  const name = map.get('name');
  if (typeof id !== 'string' || !id || typeof name !== 'string') return null;
  const rank = map.get('rank');
  const taken = readTake(map.get('taken'));
  return {
    id: id.slice(0, MAX_ENTRY_TEXT),
    name: text(name),
    affiliation: text(map.get('affiliation')),
    onBehalfOf: text(map.get('onBehalfOf')),
    kind: oneOf(SPEAKER_KINDS, map.get('kind'), 'other'),
    registryId: text(map.get('registryId')),
    addedBy: text(map.get('addedBy')),
    addedAt: text(map.get('addedAt')),
    rank: typeof rank === 'number' && Number.isFinite(rank) ? rank : index,
    status: taken ? 'spoken' : 'waiting',
    taken,
  };
}

/** Entries with their maps, in list order; a duplicated id keeps its first occurrence. */
function ordered(doc: Y.Doc): { entry: SpeakersListEntry; map: EntryMap }[] {
  const seen = new Set<string>();
  const out: { entry: SpeakersListEntry; map: EntryMap }[] = [];
  speakersListArray(doc)
    .toArray()
    .forEach((map, i) => {
      const entry = readEntry(map, i);
      if (!entry || seen.has(entry.id)) return;
      seen.add(entry.id);
      out.push({ entry, map });
    });
  return out.sort(
    (a, b) => a.entry.rank - b.entry.rank || (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0),
  );
}

/** The list in display order: waiting and spoken entries where they stand. */
export function listSpeakers(doc: Y.Doc): SpeakersListEntry[] {
  return ordered(doc).map((o) => o.entry);
}

/** Append a speaker (or insert at `index` of the displayed order). Returns its id, or null when full. */
export function addSpeaker(doc: Y.Doc, input: NewSpeaker, opts: { index?: number; now?: Date } = {}): string | null {
  const id = globalThis.crypto.randomUUID();
  let added = false;
  doc.transact(() => {
    const list = ordered(doc);
    if (list.length >= MAX_SPEAKERS_LIST) return;
    const map: EntryMap = new Y.Map<unknown>(
      Object.entries({
        id,
        name: input.name.trim().slice(0, MAX_ENTRY_TEXT),
        affiliation: (input.affiliation ?? '').trim().slice(0, MAX_ENTRY_TEXT),
        onBehalfOf: (input.onBehalfOf ?? '').trim().slice(0, MAX_ENTRY_TEXT),
        kind: oneOf(SPEAKER_KINDS, input.kind, 'other'),
        registryId: input.registryId ?? '',
        addedBy: (input.addedBy ?? '').slice(0, MAX_ENTRY_TEXT),
        addedAt: (opts.now ?? new Date()).toISOString(),
        rank: rankAt(
          list.map((o) => o.entry.rank),
          opts.index ?? list.length,
        ),
        taken: null,
      }),
    );
    speakersListArray(doc).push([map]);
    added = true;
  });
  return added ? id : null;
}

/** A rank that sorts at `index` among `ranks` (ascending); NaN when no float fits between. */
function rankAt(ranks: number[], index: number): number {
  const i = Math.max(0, Math.min(index, ranks.length));
  const before = ranks[i - 1];
  const after = ranks[i];
  if (before === undefined && after === undefined) return 0;
  if (before === undefined) return after! - 1;
  if (after === undefined) return before + 1;
  const mid = (before + after) / 2;
  return mid > before && mid < after ? mid : Number.NaN;
}

/** Remove an entry (every copy of its id). Returns whether anything was removed. */
export function removeSpeaker(doc: Y.Doc, id: string): boolean {
  let removed = false;
  doc.transact(() => {
    const array = speakersListArray(doc);
    // from the end, so earlier indices stay valid while deleting
    for (let i = array.length - 1; i >= 0; i--) {
      const map = array.get(i);
      if (map instanceof Y.Map && map.get('id') === id) {
        array.delete(i, 1);
        removed = true;
      }
    }
  });
  return removed;
}

/** Move the entry `id` so that it stands at `to` in the displayed order. */
export function moveSpeakerTo(doc: Y.Doc, id: string, to: number): boolean {
  let moved = false;
  doc.transact(() => {
    const list = ordered(doc);
    const from = list.findIndex((o) => o.entry.id === id);
    if (from < 0) return;
    const [item] = list.splice(from, 1);
    const target = Math.max(0, Math.min(to, list.length));
    if (target === from) return;
    const rank = rankAt(
      list.map((o) => o.entry.rank),
      target,
    );
    if (Number.isNaN(rank)) {
      // ranks got too close for floats to split: renumber everyone in the new order
      list.splice(target, 0, item!);
      list.forEach((o, n) => {
        o.map.set('rank', n);
      });
    } else {
      item!.map.set('rank', rank);
    }
    moved = true;
  });
  return moved;
}

/** Move the entry at displayed index `from` to displayed index `to` (drag and drop, Alt+arrows). */
export function moveSpeaker(doc: Y.Doc, from: number, to: number): boolean {
  const entry = listSpeakers(doc)[from];
  return entry ? moveSpeakerTo(doc, entry.id, to) : false;
}

/**
 * Take the first waiting entry and mark it spoken, in one transaction. Returns it (as taken by
 * this client) or null when nobody is waiting. See the module comment for concurrent takes.
 */
export function takeNext(doc: Y.Doc, by: { name?: string; now?: Date } = {}): SpeakersListEntry | null {
  let taken: SpeakersListEntry | null = null;
  doc.transact(() => {
    const head = ordered(doc).find((o) => o.entry.status === 'waiting');
    if (!head) return;
    const take: Take = {
      clientId: doc.clientID,
      by: (by.name ?? '').slice(0, MAX_ENTRY_TEXT),
      at: (by.now ?? new Date()).toISOString(),
    };
    head.map.set('taken', take);
    taken = { ...head.entry, status: 'spoken', taken: take };
  });
  return taken;
}

/** Put a spoken entry back to waiting (an accidental "next speaker"). */
export function markWaiting(doc: Y.Doc, id: string): boolean {
  const item = ordered(doc).find((o) => o.entry.id === id);
  if (!item?.entry.taken) return false;
  doc.transact(() => item.map.set('taken', null));
  return true;
}

/** Whether this replica's client holds the take of entry `id` (after any concurrent take resolved). */
export function holdsTake(doc: Y.Doc, id: string): boolean {
  return listSpeakers(doc).find((e) => e.id === id)?.taken?.clientId === doc.clientID;
}

/**
 * Call `onLost` once if another client's concurrent take of entry `id` wins over ours (or the
 * entry is put back to waiting or removed). Returns a function that stops watching.
 */
export function watchTake(doc: Y.Doc, id: string, onLost: (entry: SpeakersListEntry | null) => void): () => void {
  const array = speakersListArray(doc);
  const check = () => {
    const entry = listSpeakers(doc).find((e) => e.id === id) ?? null;
    if (entry?.taken?.clientId === doc.clientID) return;
    array.unobserveDeep(check);
    onLost(entry);
  };
  array.observeDeep(check);
  return () => array.unobserveDeep(check);
}

/** Call `onChange` with the list whenever it changes (for a UI); returns the unsubscribe function. */
export function observeSpeakersList(doc: Y.Doc, onChange: (list: SpeakersListEntry[]) => void): () => void {
  const array = speakersListArray(doc);
  const handler = () => onChange(listSpeakers(doc));
  array.observeDeep(handler);
  return () => array.unobserveDeep(handler);
}
