/**
 * Block rules the server enforces on note-takers, with real y-websocket clients against a real
 * server (issue 13, items 3-4): a final block is read-only for them (what they change in it is
 * undone for everyone, the rest of their edit stands, nothing of it is stored), and what they
 * change after a block was checked, or once the session is in review, is marked for the editor.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/clients.ts';
import { backends } from '../helpers/database.ts';
import { appendSpeakerBlock, blockText, recordString } from '../helpers/record.ts';
import { newSession, type SessionTokens } from '../helpers/sessions.ts';
import { useTestServer } from '../helpers/testServer.ts';

const blockEl = (d: Y.Doc, n: number) => d.getXmlFragment('record').get(n) as Y.XmlElement;

describe.each(backends())('block rules enforced by the server on %s', (backend) => {
  const suite = useTestServer(backend);
  const storedText = async (id: string) => {
    const room = suite.server.rooms.loadedRoom(id);
    if (room) await room.flush();
    const { update } = await suite.server.log.load(id);
    const d = new Y.Doc();
    if (update) Y.applyUpdate(d, update);
    return recordString(d);
  };
  const setStatus = async (s: SessionTokens, status: 'live' | 'review' | 'final') => {
    const res = await fetch(`${suite.server.url}/api/sessions/${s.id}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.editor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status }),
    });
    expect(res.status).toBe(200);
  };

  it("undoes a note-taker's change to a final block for everyone, keeps the rest of the edit, and stores none of it", async () => {
    const s = await newSession(suite.server);
    const ben = suite.connect(s, { token: s.noteTaker, name: 'Ben' });
    const eve = suite.connect(s, { token: s.editor, name: 'Eve' });
    await Promise.all([ben.synced(), eve.synced()]);
    appendSpeakerBlock(eve.doc, { speaker: 'Chair' }, 'The floor is open.');
    appendSpeakerBlock(eve.doc, { speaker: 'Peru' }, 'We support the draft.');
    blockEl(eve.doc, 0).setAttribute('status', 'final');
    await waitFor(
      () => blockEl(ben.doc, 1) !== undefined && blockEl(ben.doc, 0).getAttribute('status') === 'final',
      'Ben has the final block',
    );

    // one transaction: typing in the final block and in the draft beside it
    ben.doc.transact(() => {
      blockText(ben.doc, 0).insert(0, 'FORGED ');
      blockText(ben.doc, 1).insert(blockText(ben.doc, 1).length, ' Thank you.');
    });
    await waitFor(() => blockText(ben.doc, 0).toString() === 'The floor is open.', "the server undoes Ben's change");
    await waitFor(() => blockText(eve.doc, 1).toString() === 'We support the draft. Thank you.', 'the rest stands');
    expect(blockText(eve.doc, 0).toString()).toBe('The floor is open.');

    // attributes and deletion of the whole block are undone too
    blockEl(ben.doc, 0).setAttribute('speaker', 'Mallory');
    ben.doc.getXmlFragment('record').delete(0, 1);
    await waitFor(
      () => recordString(ben.doc) === recordString(eve.doc) && blockEl(ben.doc, 0)?.getAttribute('speaker') === 'Chair',
      'the final block is back, unchanged, on both',
    );
    expect(blockText(ben.doc, 0).toString()).toBe('The floor is open.');
    expect(blockEl(eve.doc, 0).getAttribute('status')).toBe('final');
    const stored = await storedText(s.id);
    expect(stored).not.toContain('FORGED');
    expect(stored).not.toContain('Mallory');
    expect(stored).toContain('Thank you.');

    // an editor reopens the block; then Ben's typing there stands
    blockEl(eve.doc, 0).setAttribute('status', 'draft');
    await waitFor(() => blockEl(ben.doc, 0).getAttribute('status') === 'draft', 'Ben sees it reopened');
    blockText(ben.doc, 0).insert(0, 'Chair: ');
    await waitFor(
      () => blockText(eve.doc, 0).toString() === 'Chair: The floor is open.',
      'typing in a reopened block syncs',
    );
  });

  it('marks what a note-taker changes after a check, or once in review, with their name; an editor clears it', async () => {
    const s = await newSession(suite.server);
    const ben = suite.connect(s, { token: s.noteTaker, name: 'Ben' });
    const eve = suite.connect(s, { token: s.editor, name: 'Eve' });
    await Promise.all([ben.synced(), eve.synced()]);
    appendSpeakerBlock(ben.doc, { speaker: 'Peru' }, 'We support the draft.');
    appendSpeakerBlock(ben.doc, { speaker: 'Chile' }, 'Thank you.');
    await waitFor(() => blockEl(eve.doc, 1) !== undefined, 'Eve has both blocks');
    blockEl(eve.doc, 0).setAttribute('status', 'checked');
    await waitFor(() => blockEl(ben.doc, 0).getAttribute('status') === 'checked', 'Ben sees the check');

    blockText(ben.doc, 0).insert(0, 'Peru: ');
    blockText(ben.doc, 1).insert(0, 'Chile: '); // a draft while the session is live: not marked
    await waitFor(() => blockEl(eve.doc, 0).getAttribute('changedBy') === 'Ben', 'the checked block is marked');
    expect(Date.parse(String(blockEl(eve.doc, 0).getAttribute('changedAt')))).toBeGreaterThan(Date.now() - 60_000);
    expect(blockEl(eve.doc, 1).getAttribute('changedBy') ?? '').toBe('');
    // a note-taker cannot wipe the mark
    blockEl(ben.doc, 0).setAttribute('changedBy', '');
    await waitFor(() => blockEl(ben.doc, 0).getAttribute('changedBy') === 'Ben', 'the mark is restored');

    await setStatus(s, 'review');
    await waitFor(
      () =>
        (suite.server.rooms.loadedRoom(s.id)?.awareness.getLocalState() as { server?: { status?: string } })?.server
          ?.status === 'review',
      'the room knows the session is in review',
    );
    blockText(ben.doc, 1).insert(blockText(ben.doc, 1).length, ' We agree.');
    await waitFor(() => blockEl(eve.doc, 1).getAttribute('changedBy') === 'Ben', 'in review, a draft is marked too');
    blockText(eve.doc, 1).insert(0, '[Eve] '); // the editor's own change is not a change to flag
    // the editor reviews the block: the mark goes
    eve.doc.transact(() => {
      blockEl(eve.doc, 1).setAttribute('changedBy', '');
      blockEl(eve.doc, 1).setAttribute('changedAt', '');
    });
    await waitFor(() => (blockEl(ben.doc, 1).getAttribute('changedBy') ?? '') === '', 'the editor cleared the mark');
    expect(blockText(ben.doc, 1).toString()).toBe('[Eve] Chile: Thank you. We agree.');
    expect(await storedText(s.id)).toContain('changedBy="Ben"');
  });
});
