import { SessionStore, UpdateLog } from '@rapporteur/server';
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
    expect(await log.compact(id)).toEqual({ merged: 5 });
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
});
