import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type ConnectOptions, waitFor } from '../helpers/clients.ts';
import { backends } from '../helpers/database.ts';
import { appendSpeakerBlock, blockText, recordString, typeChars } from '../helpers/record.ts';
import { newSession as createSession, type SessionTokens } from '../helpers/sessions.ts';
import { useTestServer } from '../helpers/testServer.ts';

describe.each(backends())('live sync on %s', (backend) => {
  const suite = useTestServer(backend);
  const connect = (session: SessionTokens, opts?: ConnectOptions) =>
    suite.connect(session, { token: session.noteTaker, ...opts });
  const newSession = () => createSession(suite.server);

  it('three clients typing at once converge to identical documents', async () => {
    const id = await newSession();
    const [a, b, c] = [connect(id), connect(id), connect(id)];
    await Promise.all([a.synced(), b.synced(), c.synced()]);
    appendSpeakerBlock(a.doc, { speaker: 'Malta', affiliation: '' });
    await waitFor(
      () => recordString(b.doc) === recordString(a.doc) && recordString(c.doc) === recordString(a.doc),
      'block reaches all',
    );
    await Promise.all([
      typeChars(blockText(a.doc, 0), 'alpha ', 1),
      typeChars(blockText(b.doc, 0), 'bravo ', 1),
      typeChars(blockText(c.doc, 0), 'charlie ', 1),
    ]);
    await waitFor(
      () => recordString(a.doc) === recordString(b.doc) && recordString(b.doc) === recordString(c.doc),
      'convergence',
    );
    // interleaving is up to Yjs; every character typed must be there exactly once
    const sorted = (s: string) => [...s].sort().join('');
    expect(sorted(blockText(a.doc, 0).toString())).toBe(sorted('alpha bravo charlie '));
  });

  it('a client that joins late receives everything', async () => {
    const id = await newSession();
    const a = connect(id);
    await a.synced();
    appendSpeakerBlock(a.doc, { speaker: 'Russian Federation' }, 'We continue to have grave concerns.');
    await a.save.whenSaved();
    const late = connect(id);
    await late.synced();
    await waitFor(() => recordString(late.doc) === recordString(a.doc), 'late joiner converges');
    expect(blockText(late.doc, 0).toString()).toBe('We continue to have grave concerns.');
  });

  it('sends "persisted" only after the rows are committed', async () => {
    const id = await newSession();
    const a = connect(id);
    await a.synced();
    const seen: number[] = [];
    a.save.subscribe((s) => {
      if (s.acknowledged && s.unsaved === 0) seen.push(Date.now());
    });
    appendSpeakerBlock(a.doc, { speaker: 'Brazil' }, 'Thank you, Chair.');
    expect(a.save.current.unsaved).toBeGreaterThan(0);
    await a.save.whenSaved();
    // the acknowledgement came: the committed rows must already reproduce the client's state
    const { update } = await suite.server.log.load(id.id);
    expect(update).not.toBeNull();
    const stored = new Y.Doc();
    Y.applyUpdate(stored, update!);
    expect(recordString(stored)).toBe(recordString(a.doc));
    stored.destroy();
  });
});
