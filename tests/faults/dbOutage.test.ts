import type { RunningServer } from '@rapporteur/server';
import { FLUSH_INTERVAL_MS } from '@rapporteur/shared/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectedClients, sameRecordEverywhere } from '../helpers/clientGroup.ts';
import { backends } from '../helpers/database.ts';
import { outageStorage } from '../helpers/faults.ts';
import { appendSpeakerBlock, blockText, recordString } from '../helpers/record.ts';
import { startTestServer } from '../helpers/server.ts';
import { newSession } from '../helpers/sessions.ts';

const OUTAGE_MS = Number(process.env.OUTAGE_MS ?? 30_000);

describe.concurrent.each(backends())('a %s outage while clients type', (backend) => {
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });

  it('keeps serving, reports unsaved honestly, retries with backoff, and stores everything after recovery', async () => {
    const storage = await outageStorage(backend);
    cleanups.push(storage.drop);
    const server: RunningServer = await startTestServer(storage.db);
    cleanups.push(() => server.close());
    const s = await newSession(server);
    const clients = await connectedClients(
      3,
      server.url,
      s,
      (destroy) => cleanups.push(destroy),
      (i) => ({ name: `n${i}` }),
    );
    appendSpeakerBlock(clients[0]!.doc, { speaker: 'Chair' });
    await sameRecordEverywhere(clients, 'block everywhere');
    await Promise.all(clients.map((c) => c.save.whenSaved()));

    storage.down();
    const started = Date.now();
    const room = server.rooms.loadedRoom(s.id)!;
    const writesBefore = room.queue.writes;
    let typed = 0;
    while (Date.now() - started < OUTAGE_MS) {
      for (const [i, c] of clients.entries()) {
        const t = blockText(c.doc, 0);
        t.insert(t.length, `[${i}.${typed}]`);
      }
      typed++;
      await new Promise((r) => setTimeout(r, 100));
    }
    // clients still sync with each other through the server during the outage
    await sameRecordEverywhere(clients, 'live sync during outage');
    // and nobody is told "saved"
    for (const c of clients) expect(c.save.current.unsaved).toBeGreaterThan(0);
    expect(room.queue.writes).toBe(writesBefore);
    expect(room.queue.failureCount).toBeGreaterThan(0);
    // backoff: far fewer attempts than flush intervals in the outage
    expect(room.queue.failureCount).toBeLessThan(OUTAGE_MS / FLUSH_INTERVAL_MS / 10);

    storage.up();
    const recovered = Date.now();
    await Promise.all(clients.map((c) => c.save.whenSaved()));
    const writesAfterRecovery = room.queue.writes - writesBefore;
    // at most one write per room per flush interval since recovery (plus the one in flight)
    expect(writesAfterRecovery).toBeLessThanOrEqual(Math.ceil((Date.now() - recovered) / FLUSH_INTERVAL_MS) + 1);

    const { update } = await server.log.load(s.id);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, update!);
    expect(recordString(stored)).toBe(recordString(clients[0]!.doc));
    for (let n = 0; n < typed; n++) for (let i = 0; i < 3; i++) expect(recordString(stored)).toContain(`[${i}.${n}]`);
    stored.destroy();
  });
});
