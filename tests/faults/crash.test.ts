import { afterEach, describe, expect, it } from 'vitest';
import { connectedClients, occurrences, sameRecordEverywhere, startTypingInOwnBlocks } from '../helpers/clientGroup.ts';
import { connectClient } from '../helpers/clients.ts';
import { backends, createProcessStorage } from '../helpers/database.ts';
import { seededRandom } from '../helpers/random.ts';
import { appendSpeakerBlock, blockText, recordString } from '../helpers/record.ts';
import { type ServerProcess, spawnServer } from '../helpers/server.ts';
import { createSessionHttp } from '../helpers/sessions.ts';

const SEEDS = [11, 2024, 90210];
const CLIENTS = 10;

describe.each(backends())('kill -9 at a random moment on %s', (backend) => {
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });

  it.each(SEEDS)('seed %i: ten typing clients lose nothing and duplicate nothing', async (seed) => {
    const rand = seededRandom(seed);
    const storage = await createProcessStorage(backend);
    cleanups.push(storage.drop);
    let server: ServerProcess = await spawnServer(storage.env);
    cleanups.push(() => server.kill('SIGKILL'));
    const s = await createSessionHttp(server.url, `crash ${seed}`);
    const clients = await connectedClients(CLIENTS, server.url, s, (destroy) => cleanups.push(destroy));

    // each client types into its own block, one token per keystroke
    const typed = new Array<number>(CLIENTS).fill(0);
    const typing = await startTypingInOwnBlocks(clients, typed, () => 20 + Math.floor(rand() * 40));
    await new Promise((r) => setTimeout(r, 300 + Math.floor(rand() * 1500)));
    const port = server.port;
    await server.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, Math.floor(rand() * 500)));
    server = await spawnServer(storage.env, { port });
    await new Promise((r) => setTimeout(r, 500));
    await typing.stop();

    await sameRecordEverywhere(clients, 'convergence', 60_000);
    await Promise.all(clients.map((c) => c.save.whenSaved()));
    const text = recordString(clients[0]!.doc);
    for (let i = 0; i < CLIENTS; i++)
      for (let n = 0; n < typed[i]!; n++) expect(occurrences(text, `<${i}:${n}>`), `<${i}:${n}>`).toBe(1);
  });

  it('when every client closes before the restart, all that was acknowledged as persisted survives', async () => {
    const rand = seededRandom(7);
    const storage = await createProcessStorage(backend);
    cleanups.push(storage.drop);
    let server: ServerProcess = await spawnServer(storage.env);
    cleanups.push(() => server.kill('SIGKILL'));
    const s = await createSessionHttp(server.url, 'acknowledged');
    const clients = await connectedClients(CLIENTS, server.url, s, (destroy) => cleanups.push(destroy));
    appendSpeakerBlock(clients[0]!.doc, { speaker: 'Chair' });
    await sameRecordEverywhere(clients, 'block everywhere');

    // type; whenever a client is told "saved", everything it typed so far counts as acknowledged
    let n = 0;
    const acknowledgedUpTo = new Array<number>(CLIENTS).fill(0);
    clients.forEach((c, i) => {
      c.save.subscribe((st) => {
        if (st.acknowledged && st.unsaved === 0) acknowledgedUpTo[i] = n;
      });
    });
    const end = Date.now() + 1500 + Math.floor(rand() * 1000);
    while (Date.now() < end) {
      clients.forEach((c, i) => {
        blockText(c.doc, 0).insert(0, `{${i}:${n}}`);
      });
      n++;
      await new Promise((r) => setTimeout(r, 30));
    }
    await server.kill('SIGKILL');
    clients.forEach((c) => {
      c.destroy();
    });

    server = await spawnServer(storage.env);
    const fresh = connectClient(server.url, s.id, { token: s.noteTaker });
    cleanups.push(() => fresh.destroy());
    await fresh.synced();
    const text = blockText(fresh.doc, 0).toString();
    let checked = 0;
    acknowledgedUpTo.forEach((upTo, i) => {
      for (let k = 0; k < upTo; k++) {
        expect(occurrences(text, `{${i}:${k}}`), `{${i}:${k}}`).toBe(1);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(0);
  });
});
