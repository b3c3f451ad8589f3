import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connectClient, type TestClient, waitFor } from '../helpers/clients.ts';
import { backends } from '../helpers/database.ts';
import { expectedOf, prng, randomEdit, type Rng, tableOf } from '../helpers/randomRecord.ts';
import { recordString } from '../helpers/record.ts';
import { newSession } from '../helpers/sessions.ts';
import { useTestServer } from '../helpers/testServer.ts';

/**
 * Randomised convergence in the manner of Yjs's own tests: several clients make seeded random
 * structural edits while their connections drop and come back at random and their outgoing
 * frames are delivered late and out of order (Yjs updates commute; a frame whose dependencies
 * have not arrived waits in the server's pending set). At the end every replica, the server's
 * document and the speaker_blocks table must agree. Replay a failure with CONVERGENCE_SEED.
 */
const SEEDS = process.env.CONVERGENCE_SEED ? [Number(process.env.CONVERGENCE_SEED)] : [1, 77, 4096];
const CLIENTS = 4;
const ROUNDS = 40;

/** A WebSocket whose outgoing frames are held back a random 0–40 ms each, so they overtake each other. */
function chaoticSocket(rng: Rng): typeof WebSocket {
  return class extends WebSocket {
    override send(data: unknown, ...rest: unknown[]): void {
      setTimeout(() => {
        if (this.readyState === WebSocket.OPEN) super.send(data as Buffer, ...(rest as []));
      }, rng.int(40));
    }
  } as unknown as typeof WebSocket;
}

describe.each(backends())('randomised convergence with drops and reordering on %s', (backend) => {
  const suite = useTestServer(backend);

  it.each(SEEDS)('seed %i: all replicas and the table agree', async (seed) => {
    const rng = prng(seed);
    const s = await newSession(suite.server);
    const clients: TestClient[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const c = connectClient(suite.server.url, s.id, { token: s.editor });
      // swap in the chaotic socket for every (re)connection of this provider
      (c.provider as unknown as { _WS: typeof WebSocket })._WS = chaoticSocket(rng);
      c.provider.disconnect();
      c.provider.connect();
      clients.push(c);
    }
    try {
      await Promise.all(clients.map((c) => c.synced()));
      for (let round = 0; round < ROUNDS; round++) {
        for (const c of clients) {
          for (let n = rng.int(3); n > 0; n--) randomEdit(c.doc, rng);
          const roll = rng.next();
          if (roll < 0.1 && c.provider.shouldConnect) c.provider.disconnect();
          else if (roll < 0.3 && !c.provider.shouldConnect) c.provider.connect();
        }
        await new Promise((r) => setTimeout(r, rng.pick([0, 5, 30, 120])));
      }
      for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();

      const serverDoc = () => suite.server.rooms.loadedRoom(s.id)?.doc;
      await waitFor(
        () => {
          const d = serverDoc();
          return !!d && clients.every((c) => recordString(c.doc) === recordString(d));
        },
        'every replica converges with the server',
        60_000,
      );
      await suite.server.projector.flush(s.id);
      const doc = serverDoc()!;
      expect(await tableOf(suite.db, s.id)).toEqual(expectedOf(doc));
      expect(expectedOf(doc).blocks.length).toBeGreaterThan(0);
    } finally {
      for (const c of clients) c.destroy();
    }
  });
});
