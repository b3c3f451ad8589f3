import { afterEach, describe, expect, it } from 'vitest';
import { connectedClients, sameRecordEverywhere } from '../helpers/clientGroup.ts';
import { connectClient, waitFor } from '../helpers/clients.ts';
import { backends, createProcessStorage } from '../helpers/database.ts';
import { appendSpeakerBlock, blockText, recordString } from '../helpers/record.ts';
import { type ServerProcess, spawnServer } from '../helpers/server.ts';
import { createSessionHttp, type SessionTokens } from '../helpers/sessions.ts';

async function createSession(url: string, title: string): Promise<SessionTokens> {
  return createSessionHttp(url, title);
}

/** Every token `<c:i>` typed by client c must occur exactly once in `text`. */
function expectEachTokenOnce(text: string, typed: Map<number, number>): void {
  for (const [c, count] of typed) {
    for (let i = 0; i < count; i++) {
      const token = `<${c}:${i}>`;
      const occurrences = text.split(token).length - 1;
      expect(occurrences, `token ${token}`).toBe(1);
    }
  }
}

describe.each(backends())('durability of a server process on %s', (backend) => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });

  it('stopping and starting the server (same storage) loses nothing', async () => {
    const storage = await createProcessStorage(backend);
    cleanups.push(storage.drop);
    let server = await spawnServer(storage.env);
    cleanups.push(() => server.kill('SIGKILL'));
    const id = await createSession(server.url, 'Restart test');
    const a = connectClient(server.url, id.id, { token: id.noteTaker });
    await a.synced();
    appendSpeakerBlock(a.doc, { speaker: 'Malta' }, 'On behalf of the European Union.');
    await a.save.whenSaved();
    a.destroy();
    expect(await server.kill('SIGTERM')).toBe(0);

    server = await spawnServer(storage.env);
    const b = connectClient(server.url, id.id, { token: id.noteTaker });
    cleanups.push(() => b.destroy());
    await b.synced();
    await waitFor(() => recordString(b.doc).includes('European Union'), 'content after restart');
    expect(blockText(b.doc, 0).toString()).toBe('On behalf of the European Union.');
  });

  it('SIGTERM with pending writes stores them before exit', async () => {
    const storage = await createProcessStorage(backend);
    cleanups.push(storage.drop);
    let server = await spawnServer(storage.env);
    cleanups.push(() => server.kill('SIGKILL'));
    const id = await createSession(server.url, 'Shutdown test');
    const a = connectClient(server.url, id.id, { token: id.noteTaker });
    const watcher = connectClient(server.url, id.id, { token: id.noteTaker, persisted: false });
    await Promise.all([a.synced(), watcher.synced()]);
    appendSpeakerBlock(a.doc, { speaker: 'Peru' }, 'typed just before shutdown');
    // the watcher seeing it proves the server holds it; SIGTERM at once, inside the flush window
    await waitFor(() => recordString(watcher.doc).includes('typed just before shutdown'), 'server has the update');
    const killed = server.kill('SIGTERM');
    a.destroy();
    watcher.destroy();
    expect(await killed).toBe(0);
    server = await spawnServer(storage.env);
    const b = connectClient(server.url, id.id, { token: id.noteTaker });
    cleanups.push(() => b.destroy());
    await b.synced();
    await waitFor(() => recordString(b.doc).includes('typed just before shutdown'), 'pending write survived SIGTERM');
  });

  it('kill -9 while three clients type: after restart every character is present exactly once', async () => {
    const storage = await createProcessStorage(backend);
    cleanups.push(storage.drop);
    let server: ServerProcess = await spawnServer(storage.env);
    const port = server.port;
    cleanups.push(() => server.kill('SIGKILL'));
    const id = await createSession(server.url, 'Crash test');
    const clients = await connectedClients(3, server.url, id, (destroy) => cleanups.push(destroy));
    appendSpeakerBlock(clients[0]!.doc, { speaker: 'Chair' });
    await sameRecordEverywhere(clients, 'block everywhere');

    const typed = new Map<number, number>();
    let typing = true;
    const loops = clients.map(async (c, ci) => {
      let i = 0;
      while (typing) {
        const t = blockText(c.doc, 0);
        t.insert(t.length, `<${ci}:${i}>`);
        typed.set(ci, ++i);
        await new Promise((r) => setTimeout(r, 5 + ci));
      }
    });
    await new Promise((r) => setTimeout(r, 400));
    await server.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 300)); // clients keep typing while the server is down
    server = await spawnServer(storage.env, { port });
    await new Promise((r) => setTimeout(r, 400));
    typing = false;
    await Promise.all(loops);

    await sameRecordEverywhere(clients, 'all clients converge after the crash', 30_000);
    await Promise.all(clients.map((c) => c.save.whenSaved()));
    expectEachTokenOnce(blockText(clients[0]!.doc, 0).toString(), typed);

    // and the database alone holds it all: a fresh client after another restart sees the same
    clients.forEach((c) => {
      c.destroy();
    });
    await server.kill('SIGKILL');
    server = await spawnServer(storage.env, { port });
    const fresh = connectClient(server.url, id.id, { token: id.noteTaker });
    cleanups.push(() => fresh.destroy());
    await fresh.synced();
    await waitFor(() => blockText(fresh.doc, 0).length > 0, 'fresh client loads');
    expectEachTokenOnce(blockText(fresh.doc, 0).toString(), typed);
  });
});
