import type { RunningServer } from '@rapporteur/server';
import type {
  RestoreVersionResponse,
  VersionDiffResponse,
  VersionListResponse,
  VersionMeta,
  VersionResponse,
} from '@rapporteur/shared/api';
import { extractRecord } from '@rapporteur/shared/blocks';
import { sideText } from '@rapporteur/shared/diff';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { waitFor } from '../helpers/clients.ts';
import { backends } from '../helpers/database.ts';
import { appendSpeakerBlock, blockText, recordString } from '../helpers/record.ts';
import { newSession, type SessionTokens } from '../helpers/sessions.ts';
import { useTestServer } from '../helpers/testServer.ts';

/** A JSON call to the API with a capability token. */
async function call<T = unknown>(
  server: RunningServer,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; user?: string } = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.user) headers['x-rapporteur-user'] = opts.user;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.url}/api/sessions${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** The speaker blocks' texts of a document. */
const texts = (doc: Y.Doc) => extractRecord(doc).blocks.map((b) => b.text);

describe.each(backends())('named versions on %s', (backend) => {
  const suite = useTestServer(backend);

  const connect = async (s: SessionTokens) => {
    const c = suite.connect(s, { token: s.editor, name: 'Alice' });
    await c.synced();
    return c;
  };
  const storedDoc = async (id: string) => {
    const d = new Y.Doc();
    const { update } = await suite.server.log.load(id);
    if (update) Y.applyUpdate(d, update);
    return d;
  };
  const rowIds = async (id: string) =>
    (
      await suite.server.db.query<{ id: string }>('SELECT id::text AS id FROM doc_updates WHERE session_id = $1', [id])
    ).map((r) => r.id);
  const save = async (s: SessionTokens, name: string) => {
    const res = await call<VersionMeta>(suite.server, 'POST', `/${s.id}/versions`, {
      token: s.editor,
      body: { name },
      user: 'Alice',
    });
    expect(res.status).toBe(201);
    return res.body;
  };

  it('lets an editor save a named version that every link of the session can list and view', async () => {
    const s = await newSession(suite.server);
    const a = await connect(s);
    appendSpeakerBlock(a.doc, { id: 'b-malta', speaker: 'Malta' }, 'The EU supports the draft resolution.');
    appendSpeakerBlock(a.doc, { id: 'b-peru', speaker: 'Peru' }, 'We give great importance to this item.');
    await a.save.whenSaved();

    const meta = await save(s, '  As presented to the Chair ');
    expect(meta).toMatchObject({
      sessionId: s.id,
      name: 'As presented to the Chair',
      author: 'Alice',
      kind: 'named',
      blockCount: 2,
      wordCount: 13,
    });

    for (const token of [s.observer, s.noteTaker, s.editor]) {
      const list = await call<VersionListResponse>(suite.server, 'GET', `/${s.id}/versions`, { token });
      expect(list.status).toBe(200);
      expect(list.body.versions).toEqual([meta]);
    }
    const view = await call<VersionResponse>(suite.server, 'GET', `/${s.id}/versions/${meta.id}`, {
      token: s.observer,
    });
    expect(view.status).toBe(200);
    expect(view.body.version).toEqual(meta);
    expect(view.body.record.blocks.map((b) => [b.id, b.speaker, b.text])).toEqual([
      ['b-malta', 'Malta', 'The EU supports the draft resolution.'],
      ['b-peru', 'Peru', 'We give great importance to this item.'],
    ]);
  });

  it('names the author by role when the client gives no name, and lists newest first', async () => {
    const s = await newSession(suite.server);
    const first = await call<VersionMeta>(suite.server, 'POST', `/${s.id}/versions`, {
      token: s.editor,
      body: { name: 'Empty' },
    });
    expect(first.body).toMatchObject({ author: 'editor', blockCount: 0, wordCount: 0 });
    const second = await save(s, 'Second');
    const list = await call<VersionListResponse>(suite.server, 'GET', `/${s.id}/versions`, { token: s.editor });
    expect(list.body.versions.map((v) => v.id)).toEqual([second.id, first.body.id]);
  });

  it('snapshots the stored log when no room is loaded', async () => {
    const s = await newSession(suite.server);
    const a = await connect(s);
    appendSpeakerBlock(a.doc, { id: 'b1', speaker: 'Kenya' }, 'Stored before everyone left.');
    await a.save.whenSaved();
    a.destroy();
    await waitFor(() => suite.server.rooms.loadedRoom(s.id) === undefined, 'room unloaded');
    const meta = await save(s, 'From the log');
    expect(meta.blockCount).toBe(1);
    const view = await call<VersionResponse>(suite.server, 'GET', `/${s.id}/versions/${meta.id}`, { token: s.editor });
    expect(view.body.record.blocks[0]!.text).toBe('Stored before everyone left.');
  });

  it('compares a version with the current text and with another version, block by block and word by word', async () => {
    const s = await newSession(suite.server);
    const a = await connect(s);
    appendSpeakerBlock(a.doc, { id: 'b1', speaker: 'Malta' }, 'The EU supports the draft resolution.');
    appendSpeakerBlock(a.doc, { id: 'b2', speaker: 'Peru' }, 'We give great importance to this item.');
    await a.save.whenSaved();
    const v1 = await save(s, 'Before corrections');

    const malta = blockText(a.doc, 0);
    a.doc.transact(() => {
      malta.delete(7, 8);
      malta.insert(7, 'opposes');
    });
    appendSpeakerBlock(a.doc, { id: 'b3', speaker: 'Chair' }, 'Thank you.');
    await waitFor(() => texts(suite.server.rooms.loadedRoom(s.id)!.doc).length === 3, 'edits reached the server');

    const current = await call<VersionDiffResponse>(
      suite.server,
      'GET',
      `/${s.id}/versions/${v1.id}/diff?against=current`,
      {
        token: s.noteTaker,
      },
    );
    expect(current.status).toBe(200);
    expect(current.body.from).toEqual(v1);
    expect(current.body.to).toBeNull();
    const { blocks, counts } = current.body.diff;
    expect(blocks.map((b) => [b.id, b.change])).toEqual([
      ['b1', 'changed'],
      ['b2', 'unchanged'],
      ['b3', 'added'],
    ]);
    expect(blocks[0]!.text.filter((t) => t.op !== 'equal')).toEqual([
      { op: 'delete', text: 'supports' },
      { op: 'insert', text: 'opposes' },
    ]);
    expect(sideText(blocks[0]!.text, 'after')).toBe('The EU opposes the draft resolution.');
    expect(counts.blocks).toMatchObject({ added: 1, removed: 0, changed: 1, unchanged: 1 });

    const v2 = await save(s, 'After corrections');
    const between = await call<VersionDiffResponse>(
      suite.server,
      'GET',
      `/${s.id}/versions/${v2.id}/diff?against=${v1.id}`,
      {
        token: s.observer,
      },
    );
    expect(between.body.to).toEqual(v1);
    expect(between.body.diff.blocks.map((b) => [b.id, b.change])).toEqual([
      ['b1', 'changed'],
      ['b2', 'unchanged'],
      ['b3', 'removed'],
    ]);
    // the default is the current text
    const byDefault = await call<VersionDiffResponse>(suite.server, 'GET', `/${s.id}/versions/${v2.id}/diff`, {
      token: s.editor,
    });
    expect(byDefault.body.diff.counts.blocks).toMatchObject({ added: 0, removed: 0, changed: 0, unchanged: 3 });
  });

  it('restores a version as a new change: connected clients converge and the update log only grows', async () => {
    const s = await newSession(suite.server);
    const a = await connect(s);
    const b = await connect(s);
    appendSpeakerBlock(a.doc, { id: 'b1', speaker: 'Malta' }, 'The EU supports the draft resolution.');
    await a.save.whenSaved();
    const version = await save(s, 'Good text');
    const versionXml = recordString(a.doc);

    // further edits after the version, by both clients
    const malta = blockText(a.doc, 0);
    malta.insert(malta.length, ' Later addition.');
    appendSpeakerBlock(b.doc, { id: 'b2', speaker: 'Peru' }, 'A statement that came later.');
    await Promise.all([a.save.whenSaved(), b.save.whenSaved()]);
    await waitFor(() => recordString(a.doc) === recordString(b.doc), 'clients in step before the restore');
    const idsBefore = await rowIds(s.id);
    const storedBefore = await storedDoc(s.id);

    const res = await call<RestoreVersionResponse>(suite.server, 'POST', `/${s.id}/versions/${version.id}/restore`, {
      token: s.editor,
      user: 'Bob',
    });
    expect(res.status).toBe(200);
    expect(res.body.restored).toEqual(version);
    expect(res.body.stored).toBe(true);
    expect(res.body.backup).toMatchObject({
      kind: 'auto',
      author: 'Bob',
      name: 'Before restoring “Good text”',
      blockCount: 2,
    });

    for (const c of [a, b]) await waitFor(() => recordString(c.doc) === versionXml, 'client shows the restored text');
    expect(texts(b.doc)).toEqual(['The EU supports the draft resolution.']);

    // history is not rewritten: every earlier row is still there, and the stored state includes
    // everything it held before (nothing the earlier log had is missing afterwards)
    const idsAfter = await rowIds(s.id);
    expect(idsAfter).toEqual(expect.arrayContaining(idsBefore));
    expect(idsAfter.length).toBeGreaterThan(idsBefore.length);
    const storedAfter = await storedDoc(s.id);
    expect(recordString(storedAfter)).toBe(versionXml);
    const after = Y.decodeStateVector(Y.encodeStateVector(storedAfter));
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(storedBefore))) {
      expect(after.get(client)).toBeGreaterThanOrEqual(clock);
    }

    // the text replaced is kept as the backup version, so the restore can itself be undone
    const backup = await call<VersionResponse>(suite.server, 'GET', `/${s.id}/versions/${res.body.backup!.id}`, {
      token: s.editor,
    });
    expect(backup.body.record.blocks.map((x) => x.text)).toEqual([
      'The EU supports the draft resolution. Later addition.',
      'A statement that came later.',
    ]);

    // and clients keep editing on top of the restored text
    const restored = blockText(b.doc, 0);
    restored.insert(restored.length, ' Still editable.');
    await waitFor(() => recordString(a.doc) === recordString(b.doc), 'clients converge after editing on top');
    expect(texts(a.doc)).toEqual(['The EU supports the draft resolution. Still editable.']);
  });

  it('restores into a session nobody has open, storing the change and unloading the room again', async () => {
    const s = await newSession(suite.server);
    const a = await connect(s);
    appendSpeakerBlock(a.doc, { id: 'b1', speaker: 'Kenya' }, 'Original.');
    await a.save.whenSaved();
    const version = await save(s, 'Original');
    blockText(a.doc, 0).insert(0, 'Edited. ');
    await a.save.whenSaved();
    a.destroy();
    await waitFor(() => suite.server.rooms.loadedRoom(s.id) === undefined, 'room unloaded');

    const res = await call<RestoreVersionResponse>(suite.server, 'POST', `/${s.id}/versions/${version.id}/restore`, {
      token: s.editor,
    });
    expect(res.status).toBe(200);
    expect(res.body.stored).toBe(true);
    expect(texts(await storedDoc(s.id))).toEqual(['Original.']);
    await waitFor(() => suite.server.rooms.loadedRoom(s.id) === undefined, 'room unloaded after the restore');

    // restoring the same version again changes nothing and keeps no backup
    const again = await call<RestoreVersionResponse>(suite.server, 'POST', `/${s.id}/versions/${version.id}/restore`, {
      token: s.editor,
    });
    expect(again.body.backup).toBeNull();
  });

  it('refuses saving and restoring to observers and note-takers (403) and to requests without a token (401)', async () => {
    const s = await newSession(suite.server);
    const other = await newSession(suite.server);
    const version = await save(s, 'Base');
    const rowsBefore = await rowIds(s.id);
    for (const token of [s.observer, s.noteTaker, other.editor]) {
      expect((await call(suite.server, 'POST', `/${s.id}/versions`, { token, body: { name: 'Nope' } })).status).toBe(
        403,
      );
      expect((await call(suite.server, 'POST', `/${s.id}/versions/${version.id}/restore`, { token })).status).toBe(403);
    }
    expect((await call(suite.server, 'GET', `/${s.id}/versions`, { token: other.observer })).status).toBe(403);
    for (const [method, path] of [
      ['POST', `/${s.id}/versions`],
      ['GET', `/${s.id}/versions`],
      ['GET', `/${s.id}/versions/${version.id}`],
      ['GET', `/${s.id}/versions/${version.id}/diff`],
      ['POST', `/${s.id}/versions/${version.id}/restore`],
    ] as const) {
      const res = await call<{ error: { code: string } }>(
        suite.server,
        method,
        path,
        method === 'POST' ? { body: { name: 'x' } } : {},
      );
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
    const list = await call<VersionListResponse>(suite.server, 'GET', `/${s.id}/versions`, { token: s.editor });
    expect(list.body.versions.map((v) => v.id)).toEqual([version.id]);
    expect(await rowIds(s.id)).toEqual(rowsBefore);
  });

  it('answers bad input with a clear 400 and unknown versions with 404', async () => {
    const s = await newSession(suite.server);
    const other = await newSession(suite.server);
    const theirs = await save(other, 'Theirs');
    const bad = async (method: string, path: string, body?: unknown) => {
      const res = await call<{ error: { code: string; message: string } }>(suite.server, method, path, {
        token: s.editor,
        body,
      });
      return [res.status, res.body.error.code] as const;
    };
    expect(await bad('POST', `/${s.id}/versions`, { name: '' })).toEqual([400, 'bad_request']);
    expect(await bad('POST', `/${s.id}/versions`, { name: 'x'.repeat(500) })).toEqual([400, 'bad_request']);
    expect(await bad('POST', `/${s.id}/versions`, { title: 'wrong field' })).toEqual([400, 'bad_request']);
    expect(await bad('GET', `/${s.id}/versions/not-a-uuid`)).toEqual([400, 'bad_request']);
    expect(await bad('GET', `/${s.id}/versions/${theirs.id}`)).toEqual([404, 'not_found']); // another session's
    expect(await bad('POST', `/${s.id}/versions/${theirs.id}/restore`)).toEqual([404, 'not_found']);
    const mine = await save(s, 'Mine');
    expect(await bad('GET', `/${s.id}/versions/${mine.id}/diff?against=yesterday`)).toEqual([400, 'bad_request']);
    expect(await bad('GET', `/${s.id}/versions/${mine.id}/diff?against=${theirs.id}`)).toEqual([404, 'not_found']);
    const raw = await fetch(`${suite.server.url}/api/sessions/${s.id}/versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.editor}`, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(raw.status).toBe(400);
  });

  it('refuses to restore while the session is final (423) and leaves the document as it was', async () => {
    const s = await newSession(suite.server);
    const a = await connect(s);
    appendSpeakerBlock(a.doc, { id: 'b1', speaker: 'Malta' }, 'Version text.');
    await a.save.whenSaved();
    const version = await save(s, 'Early');
    blockText(a.doc, 0).insert(0, 'Final ');
    await a.save.whenSaved();
    const final = await call(suite.server, 'POST', `/${s.id}/status`, { token: s.editor, body: { status: 'final' } });
    expect(final.status).toBe(200);
    const before = recordString(await storedDoc(s.id));

    const res = await call<{ error: { code: string } }>(
      suite.server,
      'POST',
      `/${s.id}/versions/${version.id}/restore`,
      {
        token: s.editor,
      },
    );
    expect(res.status).toBe(423);
    expect(res.body.error.code).toBe('locked');
    expect(recordString(await storedDoc(s.id))).toBe(before);
    expect(texts(a.doc)).toEqual(['Final Version text.']);

    // also when nobody has the session open (the room is not loaded, the lock is in the table)
    a.destroy();
    await waitFor(() => suite.server.rooms.loadedRoom(s.id) === undefined, 'room unloaded');
    expect(
      (await call(suite.server, 'POST', `/${s.id}/versions/${version.id}/restore`, { token: s.editor })).status,
    ).toBe(423);
    expect(suite.server.rooms.loadedRoom(s.id)).toBeUndefined();
    // viewing and comparing stay possible
    expect(
      (await call(suite.server, 'GET', `/${s.id}/versions/${version.id}/diff`, { token: s.observer })).status,
    ).toBe(200);
  });
});

describe.each(backends())('automatic versions on %s', (backend) => {
  const QUIET_MS = 400;
  const suite = useTestServer(backend, { autoVersionQuietMs: QUIET_MS });

  const autoVersions = async (s: SessionTokens) =>
    (
      await call<VersionListResponse>(suite.server, 'GET', `/${s.id}/versions`, { token: s.observer })
    ).body.versions.filter((v) => v.kind === 'auto');

  it('takes one automatic version when a session goes quiet, and none while nothing changes', async () => {
    const s = await newSession(suite.server);
    const a = suite.connect(s, { token: s.noteTaker });
    await a.synced();
    const text = appendSpeakerBlock(a.doc, { id: 'b1', speaker: 'Malta' }, 'First');
    for (const word of [' words', ' of', ' the', ' statement.']) {
      text.insert(text.length, word);
      await new Promise((r) => setTimeout(r, QUIET_MS / 4)); // typing: never quiet for long
    }
    // newest first; under load a pause between words may already count as quiet, so wait for the
    // version of the whole statement rather than assuming it is the only one
    await waitFor(async () => (await autoVersions(s))[0]?.wordCount === 5, 'an automatic version of the statement');
    const [latest] = await autoVersions(s);
    expect(latest).toMatchObject({ kind: 'auto', author: 'Rapporteur', blockCount: 1, wordCount: 5 });
    const taken = (await autoVersions(s)).length;

    await new Promise((r) => setTimeout(r, QUIET_MS * 3));
    expect(await autoVersions(s)).toHaveLength(taken); // quiet, and nothing new: no further version

    text.insert(text.length, ' More.');
    await waitFor(
      async () => (await autoVersions(s)).length === taken + 1,
      'another automatic version after new edits',
    );
    const view = await call<VersionResponse>(
      suite.server,
      'GET',
      `/${s.id}/versions/${(await autoVersions(s))[0]!.id}`,
      {
        token: s.observer,
      },
    );
    expect(view.body.record.blocks[0]!.text).toBe('First words of the statement. More.');
  });

  it('versions the last edits of a session everyone left before it went quiet', async () => {
    const s = await newSession(suite.server);
    const a = suite.connect(s, { token: s.noteTaker });
    await a.synced();
    appendSpeakerBlock(a.doc, { id: 'b1', speaker: 'Kenya' }, 'Typed just before closing the laptop.');
    await a.save.whenSaved();
    a.destroy();
    await waitFor(() => suite.server.rooms.loadedRoom(s.id) === undefined, 'room unloaded');
    await waitFor(async () => (await autoVersions(s)).length === 1, 'an automatic version after the room unloaded');
    expect((await autoVersions(s))[0]).toMatchObject({ blockCount: 1, wordCount: 6 });
  });

  it('skips the automatic version when a named version already holds the same text', async () => {
    const s = await newSession(suite.server);
    const a = suite.connect(s, { token: s.editor });
    await a.synced();
    appendSpeakerBlock(a.doc, { id: 'b1', speaker: 'Peru' }, 'Saved by hand.');
    await a.save.whenSaved();
    const named = await call<VersionMeta>(suite.server, 'POST', `/${s.id}/versions`, {
      token: s.editor,
      body: { name: 'By hand' },
    });
    expect(named.status).toBe(201);
    await new Promise((r) => setTimeout(r, QUIET_MS * 3));
    expect(await autoVersions(s)).toHaveLength(0);
  });
});
