/**
 * A group of note-takers typing into one session, the set-up the crash, durability, outage and
 * cluster tests share: connect n clients and wait for their first sync, give each a block of its
 * own, type numbered tokens into it, and check that every replica holds the same record.
 */
import { RECORD_FIELD } from '@rapporteur/shared/schema';
import * as Y from 'yjs';
import { type ConnectOptions, connectClient, type TestClient, waitFor } from './clients.ts';
import { appendSpeakerBlock, blockText, recordString } from './record.ts';

/** A session and the token the group connects with. */
export interface GroupSession {
  id: string;
  noteTaker: string;
}

/**
 * `n` note-takers of `session` at `baseUrl`, each synced once. Their teardown is handed to
 * `onTeardown` before anything is awaited, so a test that fails while they connect still closes
 * them. `options(i)` adds to client i's connection (a name, another token, …).
 */
export async function connectedClients(
  n: number,
  baseUrl: string,
  session: GroupSession,
  onTeardown: (destroyAll: () => void) => void,
  options: (i: number) => ConnectOptions = () => ({}),
): Promise<TestClient[]> {
  const clients = Array.from({ length: n }, (_, i) =>
    connectClient(baseUrl, session.id, { token: session.noteTaker, ...options(i) }),
  );
  onTeardown(() => {
    for (const c of clients) c.destroy();
  });
  await Promise.all(clients.map((c) => c.synced()));
  return clients;
}

/** Wait until every client holds the same record. */
export function sameRecordEverywhere(clients: readonly TestClient[], message: string, timeout?: number): Promise<void> {
  const first = clients[0];
  if (!first) return Promise.resolve();
  return waitFor(() => clients.every((c) => recordString(c.doc) === recordString(first.doc)), message, timeout);
}

const delegation = (i: number) => `Delegation ${i}`;

/** Client i appends a block for "Delegation i"; resolves once every client has them all. */
async function blockPerClient(clients: readonly TestClient[], timeout = 30_000): Promise<void> {
  clients.forEach((c, i) => {
    appendSpeakerBlock(c.doc, { speaker: delegation(i) });
  });
  await sameRecordEverywhere(clients, 'every block everywhere', timeout);
}

/** The statement text of client i's own block ("Delegation i") in `doc`. */
export function ownBlockText(doc: Y.Doc, i: number): Y.XmlText {
  const blocks = doc.getXmlFragment(RECORD_FIELD).toArray();
  const idx = blocks.findIndex((b) => b instanceof Y.XmlElement && b.getAttribute('speaker') === delegation(i));
  return blockText(doc, idx);
}

/**
 * Give every client a block of its own ("Delegation i"), wait until all have them all, then let
 * each type tokens `<i:n>` (n = 0, 1, …) into its block, pausing `pauseMs()` after each, until
 * `stop()`; `typed[i]` counts client i's tokens as they are typed.
 */
export async function startTypingInOwnBlocks(
  clients: readonly TestClient[],
  typed: number[],
  pauseMs: () => number,
): Promise<{ stop(): Promise<void> }> {
  await blockPerClient(clients);
  let typing = true;
  const loops = clients.map(async (c, i) => {
    while (typing) {
      const t = ownBlockText(c.doc, i);
      const n = typed[i] ?? 0;
      t.insert(t.length, `<${i}:${n}>`);
      typed[i] = n + 1;
      await new Promise((r) => setTimeout(r, pauseMs()));
    }
  });
  return {
    async stop() {
      typing = false;
      await Promise.all(loops);
    },
  };
}

/** How many times `token` occurs in `text`. */
export function occurrences(text: string, token: string): number {
  return text.split(token).length - 1;
}
