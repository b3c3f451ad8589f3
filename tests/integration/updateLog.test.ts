import { SessionStore, UpdateLog } from '@rapporteur/server';
import { firstToMerge } from '../../server/src/persistence/updateLog.ts';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backends, createTestDatabase, type TestDatabase } from '../helpers/database.ts';

/** An update that appends `s` to text `t` of a fresh client. */
function edit(doc: Y.Doc, s: string): Uint8Array {
  let update: Uint8Array | null = null;
  const grab = (u: Uint8Array) => {
    update = u;
  };
  doc.once('update', grab);
  doc.getText('t').insert(doc.getText('t').length, s);
  return update!;
}

function textOf(update: Uint8Array | null): string {
  const d = new Y.Doc();
  if (update) Y.applyUpdate(d, update);
  return d.getText('t').toString();
}

describe.each(backends())('the update log on %s', (backend) => {
  let t: TestDatabase;
  afterEach(async () => {
    await t?.drop();
  });

  async function sessionWithLog() {
    t = await createTestDatabase(backend);
    const session = await new SessionStore(t.db).create({ title: 'Update log' });
    return { log: new UpdateLog(t.db), id: session.id };
  }

  it('loads an empty session as no update and no rows', async () => {
    const { log, id } = await sessionWithLog();
    expect(await log.load(id)).toEqual({ update: null, rows: 0 });
  });

  it('loads every appended row merged, whatever their order and repeats', async () => {
    const { log, id } = await sessionWithLog();
    const doc = new Y.Doc();
    const first = edit(doc, 'Malta, ');
    const second = edit(doc, 'on behalf of the EU');
    await log.append(id, second);
    await log.append(id, first);
    await log.append(id, second); // a row written twice changes nothing
    const loaded = await log.load(id);
    expect(loaded.rows).toBe(3);
    expect(textOf(loaded.update)).toBe('Malta, on behalf of the EU');
  });

  it('compacts rows into one that loads the same, and keeps rows appended after it read', async () => {
    const { log, id } = await sessionWithLog();
    const doc = new Y.Doc();
    for (const w of ['The ', 'Chair ', 'opened ', 'the ', 'meeting.']) await log.append(id, edit(doc, w));
    expect(await log.compact(id)).toEqual({ merged: 5, rows: 1 });
    expect((await log.stats(id)).rows).toBe(1);
    await log.append(id, edit(doc, ' Peru'));
    const loaded = await log.load(id);
    expect(loaded.rows).toBe(2);
    expect(textOf(loaded.update)).toBe('The Chair opened the meeting. Peru');
  });

  it('loses nothing when another writer appends while it compacts', async () => {
    const { log, id } = await sessionWithLog();
    const doc = new Y.Doc();
    for (const w of ['a', 'b', 'c']) await log.append(id, edit(doc, w));
    const late = edit(doc, 'd');
    // the append races the compaction; whichever order the database picks, nothing is lost
    await Promise.all([log.compact(id), log.append(id, late)]);
    expect(textOf((await log.load(id)).update)).toBe('abcd');
  });

  it("compacts a long record's keystrokes without rewriting its large row, until they have grown as large", async () => {
    const { log, id } = await sessionWithLog();
    const ids = async () =>
      (
        await t.db.query<{ id: string }>('SELECT id::text AS id FROM doc_updates WHERE session_id = $1 ORDER BY id', [
          id,
        ])
      ).map((r) => r.id);
    const doc = new Y.Doc();
    await log.append(id, edit(doc, 'x'.repeat(100_000))); // the imported record
    const [large] = await ids();
    for (let i = 0; i < 50; i++) await log.append(id, edit(doc, `k${i} `)); // keystrokes
    expect(await log.compact(id)).toEqual({ merged: 50, rows: 2 });
    const kept = await ids();
    expect(kept).toHaveLength(2);
    expect(kept[0]).toBe(large); // not read, merged and written again
    expect((await log.stats(id)).bytes).toBeLessThan(100_000 + 2_000);
    // once what came after it is as large as it, everything is merged into one row
    await log.append(id, edit(doc, 'y'.repeat(120_000)));
    await log.append(id, edit(doc, 'end'));
    expect(await log.compact(id)).toEqual({ merged: 4, rows: 1 });
    expect(await ids()).not.toContain(large);
    const text = textOf((await log.load(id)).update);
    expect(text.startsWith('x'.repeat(100_000))).toBe(true);
    expect(text).toContain('k49 ');
    expect(text.endsWith(`${'y'.repeat(120_000)}end`)).toBe(true);
  });
});

describe('which rows compaction merges', () => {
  it('keeps each oldest row larger than all the rows after it, and merges the rest', () => {
    expect(firstToMerge([])).toBe(0);
    expect(firstToMerge([5])).toBe(1); // one row: nothing to merge
    expect(firstToMerge([30, 20, 25, 20])).toBe(0);
    expect(firstToMerge([1_000, 10, 10, 10])).toBe(1);
    expect(firstToMerge([1_000, 100, 10, 10, 10])).toBe(2);
    expect(firstToMerge([1_000, 100, 10, 60, 10, 10])).toBe(2); // 10 is not larger than 80
    expect(firstToMerge([100, 200])).toBe(0);
  });
});
