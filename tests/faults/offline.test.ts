import { afterEach, describe, expect, it } from 'vitest';
import { connectedClients } from '../helpers/clientGroup.ts';
import { type TestClient, waitFor } from '../helpers/clients.ts';
import { backends, createProcessStorage } from '../helpers/database.ts';
import { appendSpeakerBlock, blockText, recordString } from '../helpers/record.ts';
import { type ServerProcess, spawnServer } from '../helpers/server.ts';
import { createSessionHttp } from '../helpers/sessions.ts';

// Past the 30 s awareness timeout, so the others forget the offline client's presence meanwhile.
const OFFLINE_MS = Number(process.env.OFFLINE_MS ?? 35_000);

describe.concurrent.each(backends())('a long offline client on %s', (backend) => {
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });

  it('rejoins after others edited and the server restarted, losing and duplicating nothing', async () => {
    const storage = await createProcessStorage(backend);
    cleanups.push(storage.drop);
    let server: ServerProcess = await spawnServer(storage.env);
    cleanups.push(() => server.kill('SIGKILL'));
    const port = server.port;
    const s = await createSessionHttp(server.url, 'offline');
    const [away, ...others] = (await connectedClients(
      3,
      server.url,
      s,
      (destroy) => cleanups.push(destroy),
      (i) => ({ name: i === 0 ? 'Away' : `Here ${i - 1}` }),
    )) as [TestClient, ...TestClient[]];
    appendSpeakerBlock(others[0]!.doc, { speaker: 'Argentina' }, 'shared block. ');
    await waitFor(() => recordString(away.doc) === recordString(others[0]!.doc), 'all have the block');

    away.provider.disconnect();
    const offlineTokens: string[] = [];
    const onlineTokens: string[] = [];
    const start = Date.now();
    let i = 0;
    let restarted = false;
    while (Date.now() - start < OFFLINE_MS) {
      // the offline client types into the shared block and into its own new blocks
      const t = blockText(away.doc, 0);
      t.insert(t.length, `<off${i}>`);
      offlineTokens.push(`<off${i}>`);
      if (i % 20 === 0) {
        appendSpeakerBlock(away.doc, { speaker: `Offline ${i}` }, `<offblock${i}>`);
        offlineTokens.push(`<offblock${i}>`);
      }
      // the others edit the same block while it is away
      const o = blockText(others[i % 2]!.doc, 0);
      o.insert(0, `<on${i}>`);
      onlineTokens.push(`<on${i}>`);
      if (!restarted && Date.now() - start > OFFLINE_MS / 2) {
        await Promise.all(others.map((c) => c.save.whenSaved()));
        await server.kill('SIGKILL');
        server = await spawnServer(storage.env, { port });
        restarted = true;
      }
      i++;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(restarted).toBe(true);

    away.provider.connect();
    await waitFor(
      () => [away, ...others].every((c) => recordString(c.doc) === recordString(away.doc)),
      'everyone converges after the long absence',
      60_000,
    );
    await Promise.all([away, ...others].map((c) => c.save.whenSaved()));
    const text = recordString(others[0]!.doc);
    for (const token of [...offlineTokens, ...onlineTokens]) expect(text.split(token).length - 1, token).toBe(1);
  });
});
