/**
 * Presence colours (issue 13): the server binds each writer's colour, and within a room no two
 * people show the same one, even when they all ask for the same; each client learns the colour it
 * was given, so its own swatch matches what the others see.
 */
import { PRESENCE_COLOURS } from '@rapporteur/shared/protocol';
import { describe, expect, it } from 'vitest';
import { type TestClient, waitFor } from '../helpers/clients.ts';
import { backends } from '../helpers/database.ts';
import { newSession } from '../helpers/sessions.ts';
import { useTestServer } from '../helpers/testServer.ts';

const PURPLE = '#6a1b9a';

/** The colour each client id shows in `client`'s copy of presence (its own entry included). */
function coloursSeenBy(client: TestClient): Map<number, string | undefined> {
  const seen = new Map<number, string | undefined>();
  for (const [id, state] of client.provider.awareness.getStates()) {
    const user = (state as { user?: { color?: string } }).user;
    if (user) seen.set(id, user.color);
  }
  return seen;
}

/** `coloursSeenBy` as comparable text, in client id order. */
const view = (client: TestClient) => JSON.stringify([...coloursSeenBy(client)].sort(([a], [b]) => a - b));

describe.each(backends())('presence colours on %s', (backend) => {
  const suite = useTestServer(backend, { clientsPerTest: true });

  it('gives people who all ask for purple distinct colours, and tells each the one it got', async () => {
    const s = await newSession(suite.server);
    const names = ['Ann', 'Ben', 'Cho', 'Dev'];
    const clients = names.map((name) => suite.connect(s, { token: s.noteTaker, name, color: PURPLE }));
    // the caret extension sets the user before connecting; its clients claim the colour they asked for
    for (const [i, c] of clients.entries()) {
      c.provider.awareness.setLocalStateField('user', { name: names[i], color: PURPLE });
    }
    await Promise.all(clients.map((c) => c.synced()));
    const ids = clients.map((c) => c.doc.clientID);
    await waitFor(
      () => clients.every((c) => ids.every((id) => coloursSeenBy(c).has(id))),
      'every client sees every other',
    );
    // the views settle once each client has adopted the colour the server gave it
    await waitFor(
      () => clients.every((c) => view(c) === view(clients[0]!)),
      'every client sees the same colours, its own included',
    );
    const colours = ids.map((id) => coloursSeenBy(clients[0]!).get(id));
    expect(new Set(colours).size).toBe(names.length);
    for (const colour of colours) expect([...PRESENCE_COLOURS]).toContain(colour);
    // the first to arrive keeps the colour asked for
    expect(colours).toContain(PURPLE);
  });

  it('lets a person keep their colour when they come back, and a second tab share it', async () => {
    const s = await newSession(suite.server);
    const ann = suite.connect(s, { token: s.noteTaker, name: 'Ann', color: PURPLE });
    ann.provider.awareness.setLocalStateField('user', { name: 'Ann', color: PURPLE });
    await ann.synced();
    const annAgain = suite.connect(s, { token: s.noteTaker, name: 'Ann', color: PURPLE });
    annAgain.provider.awareness.setLocalStateField('user', { name: 'Ann', color: PURPLE });
    const ben = suite.connect(s, { token: s.noteTaker, name: 'Ben', color: PURPLE });
    ben.provider.awareness.setLocalStateField('user', { name: 'Ben', color: PURPLE });
    await Promise.all([annAgain.synced(), ben.synced()]);
    await waitFor(() => coloursSeenBy(ben).size === 3, 'ben sees both of Ann’s tabs and himself');
    await waitFor(() => coloursSeenBy(ben).get(ben.doc.clientID) !== PURPLE, 'ben adopts the colour he was given');
    const seen = coloursSeenBy(ben);
    expect(seen.get(ann.doc.clientID)).toBe(PURPLE);
    expect(seen.get(annAgain.doc.clientID)).toBe(PURPLE);
    expect(seen.get(ben.doc.clientID)).not.toBe(PURPLE);
  });
});
