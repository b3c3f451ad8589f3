/**
 * Large records must not block the server (issue 12 item 5, issue 17's record limits): imports
 * are held to named limits, exports render in a worker thread while the server goes on answering,
 * each client's heavy requests are capped (429), the queue is bounded (503), and a worker that
 * dies fails its own request with a clear error while the server keeps serving.
 */
import type { RunningServer } from '@rapporteur/server';
import { MAX_IMPORT_BLOCKS } from '@rapporteur/shared/protocol';
import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import { waitFor } from '../helpers/clients.ts';
import { CRASH_TITLE } from '../helpers/crashingWorker.ts';
import { backends } from '../helpers/database.ts';
import { longRecordDoc, longRecordText, manyOpenersText } from '../helpers/longRecord.ts';
import { appendSpeakerBlock, recordString } from '../helpers/record.ts';
import { TEST_ADMIN_TOKEN } from '../helpers/server.ts';
import { newSession } from '../helpers/sessions.ts';
import { useTestServer } from '../helpers/testServer.ts';
import { summariseState } from '../../server/src/versions/index.ts';

// a first PGlite template under a loaded machine can take longer than the default minute
vi.setConfig({ hookTimeout: 180_000 });

interface Imported {
  session: { id: string; links: { editor: string; observer: string } };
  summary: { blocks: number };
}
const tokenOf = (link: string) => new URL(link, 'http://x').searchParams.get('token')!;

const importText = (url: string, text: string) =>
  fetch(`${url}/api/sessions/import`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    body: text,
  });

const exportOf = (url: string, id: string, format: string, token?: string) =>
  fetch(
    `${url}/api/sessions/${id}/export?format=${format}`,
    token ? { headers: { authorization: `Bearer ${token}` } } : {},
  );

/** Import `text`, expecting success. */
async function imported(url: string, text: string): Promise<Imported> {
  const res = await importText(url, text);
  if (res.status !== 201) throw new Error(`import: ${res.status} ${await res.text()}`);
  return (await res.json()) as Imported;
}

/** A session whose stored document holds `blocks` statements of 60 words (no import involved). */
async function storedRecord(server: RunningServer, blocks: number) {
  const session = await newSession(server, `A record of ${blocks} statements`);
  await server.log.append(session.id, Y.encodeStateAsUpdate(longRecordDoc(blocks, 60)));
  return session;
}

describe.each(backends())('record limits on %s', (backend) => {
  const suite = useTestServer(backend);

  it('refuses an import with more speaker blocks than the limit with a 413 naming the limit', async () => {
    const res = await importText(suite.server.url, manyOpenersText(MAX_IMPORT_BLOCKS + 1));
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('too_many_blocks');
    expect(body.error.message).toContain('MAX_IMPORT_BLOCKS');
    expect(body.error.message).toContain(MAX_IMPORT_BLOCKS.toLocaleString('en'));
    expect((await suite.server.sessions.list()).length).toBe(0); // nothing half-created
  });

  it('imports a day of 1,000 statements of ~200 words (~1.3 M characters)', async () => {
    const text = longRecordText(1_000, 200);
    expect(text.length).toBeGreaterThan(1_200_000);
    const { session, summary } = await imported(suite.server.url, text);
    expect(summary.blocks).toBe(1_000);
    const md = await exportOf(suite.server.url, session.id, 'md', tokenOf(session.links.observer));
    expect(md.status).toBe(200);
    expect((await md.text()).length).toBeGreaterThan(1_200_000);
  }, 180_000);
});

describe('a version’s summary in a worker', () => {
  const suite = useTestServer('pglite');

  it('is the summary this thread makes of the same state, for a 1,000-block record', async () => {
    const state = Y.encodeStateAsUpdate(longRecordDoc(1_000, 60));
    const inWorker = await suite.server.heavy.summariseState(state);
    expect(inWorker).toEqual(summariseState(state));
    expect(inWorker.blockCount).toBe(1_000);
  });
});

describe.each(backends())('heavy requests on %s', (backend) => {
  const suite = useTestServer(backend, { clientsPerTest: true, heavy: { workers: 1, queueLimit: 1 } });

  it('keeps answering /health and relaying keystrokes while a large export renders', async () => {
    // a week's plenary, written straight to the update log (the old import cap would refuse it)
    const big = await newSession(suite.server, 'A week of plenary');
    await suite.server.log.append(big.id, Y.encodeStateAsUpdate(longRecordDoc(3_000, 200)));
    // a live room: the export reads the document as it is being typed
    const reader = suite.connect(big.id, { token: big.observer });
    await reader.synced();

    const meeting = await newSession(suite.server);
    const typist = suite.connect(meeting.id, { token: meeting.noteTaker });
    const watcher = suite.connect(meeting.id, { token: meeting.observer });
    await Promise.all([typist.synced(), watcher.synced()]);
    // a first export starts the worker (before worker threads: warmed the renderer), so that the
    // large export below is rendering when the probes go out
    expect((await exportOf(suite.server.url, meeting.id, 'md', meeting.observer)).status).toBe(200);

    // the probes go out once the export route has looked up the room, i.e. when rendering starts
    // (the old code rendered synchronously right after this look-up, so the probes waited for it)
    const { rooms } = suite.server;
    const loadedRoom = rooms.loadedRoom.bind(rooms);
    let rendering = false;
    rooms.loadedRoom = (id: string) => {
      if (id === big.id) rendering = true;
      return loadedRoom(id);
    };
    let exportDone = false; // set when the export's response arrives (headers)
    // Markdown: rendered in one synchronous pass (Word's zip step yields to the event loop anyway)
    const exporting = exportOf(suite.server.url, big.id, 'md', big.observer).then(async (res) => {
      exportDone = true;
      return { status: res.status, bytes: (await res.arrayBuffer()).byteLength };
    });
    await waitFor(() => rendering, 'the export route reaches its rendering step');
    rooms.loadedRoom = loadedRoom;

    const health = await fetch(`${suite.server.url}/health`);
    expect(health.status).toBe(200);
    expect(exportDone).toBe(false); // /health answered while the export was still rendering
    const text = appendSpeakerBlock(typist.doc, { speaker: 'Malta' }, 'typed during the export');
    await waitFor(
      () => exportDone || recordString(watcher.doc).includes('typed during the export'),
      'the keystroke reaches the observer',
    );
    expect(text.toString()).toBe('typed during the export');
    expect(exportDone).toBe(false); // and so did a keystroke, through the sync server

    const done = await exporting;
    expect(done.status).toBe(200);
    expect(done.bytes).toBeGreaterThan(10_000);
  }, 300_000);

  it('answers 429 with Retry-After when one client asks for more exports at once than it may', async () => {
    const big = await storedRecord(suite.server, 1_000);
    const other = await newSession(suite.server);
    const results = await Promise.all([0, 1, 2].map(() => exportOf(suite.server.url, big.id, 'docx', big.observer)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 429]);
    const refused = results.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('too_many_requests');
    expect(body.error.message).toContain('MAX_HEAVY_PER_CLIENT');
    // another client is not held back by this one's limit
    expect((await exportOf(suite.server.url, other.id, 'md', other.observer)).status).toBe(200);
  }, 180_000);

  it('answers 503 with Retry-After once the queue of heavy jobs is full', async () => {
    const big = await storedRecord(suite.server, 1_000);
    const clients = await Promise.all([0, 1, 2].map(() => suite.server.access.mint(big.id, 'observer')));
    // one worker, a queue of one: three clients at once leave the third without a place
    const results = await Promise.all(clients.map(({ token }) => exportOf(suite.server.url, big.id, 'docx', token)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 503]);
    const busy = results.find((r) => r.status === 503)!;
    expect(busy.headers.get('retry-after')).toBeTruthy();
    expect(((await busy.json()) as { error: { code: string } }).error.code).toBe('busy');
  }, 180_000);
});

describe.each(backends())('a crashing export worker on %s', (backend) => {
  const suite = useTestServer(backend, {
    heavy: { workerEntry: new URL('../helpers/crashingWorker.ts', import.meta.url) },
  });

  it('fails that export with a clear 500, and the server and a new worker go on serving', async () => {
    const doomed = await newSession(suite.server, CRASH_TITLE);
    const res = await exportOf(suite.server.url, doomed.id, 'md', doomed.observer);
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('worker_crashed');
    expect(body.error.message).toMatch(/worker thread stopped unexpectedly/);

    expect((await fetch(`${suite.server.url}/health`)).status).toBe(200);
    const fine = await newSession(suite.server, 'A meeting that exports fine');
    const doc = new Y.Doc();
    appendSpeakerBlock(doc, { speaker: 'Malta' }, 'Thank you, Chair.');
    await suite.server.log.append(fine.id, Y.encodeStateAsUpdate(doc));
    const ok = await exportOf(suite.server.url, fine.id, 'md', fine.observer);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Thank you, Chair.');
  }, 180_000);
});
