import { readerItems, SYNC_PART_BYTES, splitUpdate } from '@rapporteur/shared/protocol';
import { RECORD_FIELD } from '@rapporteur/shared/schema/field';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { type OfflineCopy, openOfflineCopy, stateWithRows, type TrimOptions } from './offlineCopy.ts';
import { StagedUpdates } from './stagedUpdates.ts';
import { sampleRecordDoc } from './sampleRecord.testing.ts';

const textOf = (doc: Y.Doc) => doc.getXmlFragment(RECORD_FIELD).toString();

/** A change of `doc` as a note-taker makes it: a paragraph at the end of the record. */
function type(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(RECORD_FIELD).push([paragraph]);
}

/** The rows of the copy `name`, read straight from IndexedDB. */
async function rowsOf(name: string): Promise<Uint8Array[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const rows = await new Promise<Uint8Array[]>((resolve, reject) => {
    const request = db.transaction('updates', 'readonly').objectStore('updates').getAll();
    request.onsuccess = () => resolve(request.result as Uint8Array[]);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return rows;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the offline copy', () => {
  const open: Array<{ copy: OfflineCopy; doc: Y.Doc }> = [];

  /** A page's record and its copy `name`: a new document, as after a reload. */
  function page(name = 'rapporteur:test', trim?: TrimOptions, doc = new Y.Doc()) {
    const staged = new StagedUpdates(doc);
    const copy = openOfflineCopy(name, doc, staged, trim);
    open.push({ copy, doc });
    return { doc, copy, staged };
  }

  async function close(p: { copy: OfflineCopy; doc: Y.Doc }) {
    await p.copy.destroy();
    p.doc.destroy();
  }

  beforeEach(() => {
    // a new, empty IndexedDB for each test
    vi.stubGlobal('indexedDB', new IDBFactory());
    vi.stubGlobal('IDBKeyRange', IDBKeyRange);
  });
  afterEach(async () => {
    for (const p of open.splice(0)) await close(p);
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('opens a copy kept by the earlier pages (y-indexeddb), with everything it held', async () => {
    const earlier = sampleRecordDoc(40);
    const persistence = new IndexeddbPersistence('rapporteur:test', earlier);
    await persistence.whenSynced;
    type(earlier, 'typed offline before the update');
    await settle();
    await persistence.destroy();

    const { doc, copy } = page();
    await copy.loaded;
    expect(textOf(doc)).toBe(textOf(earlier));
    expect(textOf(doc)).toContain('typed offline before the update');
  });

  it('keeps what the record gets, typed before the database was open too, for the next page', async () => {
    const first = page();
    type(first.doc, 'before the database opened');
    await first.copy.loaded;
    type(first.doc, 'after it opened');
    await settle();
    await close(open.pop()!);

    const second = page();
    await second.copy.loaded;
    expect(textOf(second.doc)).toContain('before the database opened');
    expect(textOf(second.doc)).toContain('after it opened');
  });

  it('hands the kept rows to the record through its queue: no second document holds the record', async () => {
    const earlier = page();
    Y.applyUpdate(earlier.doc, Y.encodeStateAsUpdate(sampleRecordDoc(300)));
    await earlier.copy.loaded;
    await settle();
    await close(open.pop()!);

    // every document that runs a transaction while the copy loads and the record is typed into
    const docs = new Set<Y.Doc>();
    const emit = Y.Doc.prototype.emit;
    vi.spyOn(Y.Doc.prototype, 'emit').mockImplementation(function (this: Y.Doc, name, args) {
      if (name === 'beforeTransaction') docs.add(this);
      return emit.call(this, name, args);
    });
    const { doc, copy } = page();
    await copy.loaded;
    type(doc, 'a statement');
    await settle();
    expect(doc.getXmlFragment(RECORD_FIELD).length).toBe(302);
    expect([...docs]).toEqual([doc]);
  });

  it('names in its state vector what it read and the record has yet to apply', async () => {
    const earlier = page();
    await earlier.copy.read;
    // the record as the server sends it: in parts, each kept as a row of its own
    const parts = splitUpdate(Y.encodeStateAsUpdate(sampleRecordDoc(300)), SYNC_PART_BYTES, readerItems(new Y.Doc()));
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) Y.applyUpdate(earlier.doc, part());
    await settle();
    await close(open.pop()!);

    const { doc, copy, staged } = page();
    // as on the page before the editor shows: the rows wait
    const show = staged.hold();
    await copy.read;
    await settle();
    const named = Y.decodeStateVector(copy.stateVector());
    const held = Y.decodeStateVector(Y.encodeStateVector(doc));
    const full = Y.decodeStateVector(Y.encodeStateVector(earlier.doc));
    expect([...full].some(([client, clock]) => (held.get(client) ?? 0) < clock)).toBe(true);
    expect(named).toEqual(full);

    show();
    await copy.loaded;
    expect(textOf(doc)).toBe(textOf(earlier.doc));
    expect(copy.stateVector()).toEqual(Y.encodeStateVector(doc));
  });

  it('trims once enough rows were added, keeping every change and rows another tab wrote', async () => {
    const trim = { afterRows: 20, delayMs: 0 };
    const one = page('rapporteur:test', trim);
    await one.copy.loaded;
    // another tab of the same record, opened after the first had loaded
    const other = page('rapporteur:test', trim);
    await other.copy.loaded;
    type(other.doc, 'typed in the other tab');
    await settle();
    for (let i = 0; i < 30; i++) type(one.doc, `line ${i}`);
    // the whole state, the rows written after it, and the other tab's row: not 32 rows
    await vi.waitFor(async () => expect((await rowsOf('rapporteur:test')).length).toBeLessThan(15));
    await close(open.pop()!);
    await close(open.pop()!);

    const reopened = page();
    await reopened.copy.loaded;
    for (let i = 0; i < 30; i++) expect(textOf(reopened.doc)).toContain(`line ${i}`);
    expect(textOf(reopened.doc)).toContain('typed in the other tab');
  });

  it('skips a row that is not an update, and loads the rest', async () => {
    const earlier = page();
    type(earlier.doc, 'kept');
    await earlier.copy.loaded;
    await settle();
    await close(open.pop()!);
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('rapporteur:test');
      request.onsuccess = () => resolve(request.result);
    });
    db.transaction('updates', 'readwrite')
      .objectStore('updates')
      .add(new Uint8Array([255, 255, 255, 1, 2, 3]));
    db.transaction('updates', 'readwrite').objectStore('updates').add('not even bytes');
    db.close();

    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { doc, copy } = page();
    await copy.loaded;
    expect(textOf(doc)).toContain('kept');
    expect(stateWithRows(doc, [new Uint8Array([255, 255, 255, 1, 2, 3])])).toEqual(Y.encodeStateVector(doc));
  });

  it('when IndexedDB refuses, the record comes from the server alone and nothing throws', async () => {
    vi.stubGlobal('indexedDB', {
      open() {
        const request: { onerror?: (e: unknown) => void; error: Error } = { error: new Error('blocked') };
        setTimeout(() => request.onerror?.({ target: request }), 0);
        return request;
      },
    });
    const { doc, copy } = page();
    await copy.read;
    await copy.loaded;
    type(doc, 'still works');
    expect(textOf(doc)).toContain('still works');
    await expect(copy.values.get('persisted')).rejects.toThrow();
  });

  it('keeps named values beside the record', async () => {
    const first = page();
    await first.copy.values.set('session', '{"id":"s"}');
    await close(open.pop()!);
    const second = page();
    expect(await second.copy.values.get('session')).toBe('{"id":"s"}');
  });
});
