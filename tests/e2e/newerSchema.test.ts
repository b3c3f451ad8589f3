/**
 * A record written by a newer version of the application opens read-only, with "reload to
 * update", in a browser whose editor is older: y-prosemirror would otherwise delete what its
 * schema cannot hold (here a paragraph under an unknown mark), for everyone (issue 12, item 7).
 */
import { openDatabase } from '@rapporteur/server';
import { META_FIELD, SCHEMA_VERSION, SCHEMA_VERSION_KEY } from '@rapporteur/shared/schema/version';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient } from '../helpers/clients.ts';
import { recordString } from '../helpers/record.ts';
import { browserUnavailable } from './browser.ts';
import { browserSuite } from './harness.ts';
import { SessionPage } from './pages/sessionPage.ts';

const unavailable = browserUnavailable();
if (unavailable) console.warn(unavailable);

const NEWER_TEXT = 'Written under a mark only a newer version knows';

/** What the server holds of a session's record, read by a plain Yjs client (no editor). */
async function serverRecord(url: string, sessionId: string, token: string): Promise<string> {
  const client = connectClient(url, sessionId, { token });
  try {
    await client.synced();
    return recordString(client.doc);
  } finally {
    client.destroy();
  }
}

describe.skipIf(unavailable !== null)('a record newer than the browser', () => {
  const suite = browserSuite();

  it('opens read-only with "reload to update", and nothing of the newer content is lost, also after a reload', async () => {
    const s = await suite.newSession('Written by a newer version');
    // a newer server wrote the document: its schema version, and content of that newer schema
    await suite.stopServer();
    const env = suite.storageEnv;
    const db = await openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.DATA_DIR ?? '' });
    try {
      // on top of what is stored (the server wrote its own version when the session was created),
      // so the newer version overwrites it rather than racing it
      const newer = new Y.Doc();
      const rows = await db.query<{ update: Uint8Array }>('SELECT update FROM doc_updates WHERE session_id = $1', [
        s.id,
      ]);
      for (const row of rows) Y.applyUpdate(newer, row.update);
      newer.transact(() => {
        newer.getMap(META_FIELD).set(SCHEMA_VERSION_KEY, SCHEMA_VERSION + 1);
        const p = new Y.XmlElement('paragraph');
        const t = new Y.XmlText();
        p.insert(0, [t]);
        newer.getXmlFragment('record').insert(0, [p]);
        t.insert(0, NEWER_TEXT, { highlight: { colour: 'yellow' } });
      });
      await db.query('INSERT INTO doc_updates (session_id, update) VALUES ($1, $2)', [
        s.id,
        Y.encodeStateAsUpdate(newer),
      ]);
    } finally {
      await db.close();
    }
    await suite.startServerAgain();

    const page = new SessionPage(await (await suite.freshContext()).newPage(), suite.url);
    await page.openNewer(s.id, s.noteTaker, 'Ana');
    await expect
      .poll(() => page.newerSchemaNotice.textContent())
      .toContain('This record was written by a newer version — reload to update');
    await expect.poll(() => page.page.locator('.record-view').textContent()).toContain(NEWER_TEXT);
    expect(await page.page.locator('[contenteditable="true"]').count()).toBe(0);
    expect(await serverRecord(suite.url, s.id, s.noteTaker)).toContain(NEWER_TEXT);

    await page.page.reload();
    await page.newerSchemaNotice.waitFor();
    await expect.poll(() => page.page.locator('.record-view').textContent()).toContain(NEWER_TEXT);
    expect(await serverRecord(suite.url, s.id, s.noteTaker)).toContain(NEWER_TEXT);
  });
});
