/**
 * A long record reaches a joining client in parts (issue 17, server/src/collab/syncReply.ts):
 * several frames, the first one small, none large, the client synced only once all are in; and
 * the same for a client coming back with an older copy.
 */
import { RECORD_FIELD } from '@rapporteur/shared/schema/field';
import { SYNC_PART_BYTES } from '@rapporteur/shared/protocol';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type TestClient, waitFor } from '../helpers/clients.ts';
import { backends } from '../helpers/database.ts';
import { longRecordText } from '../helpers/longRecord.ts';
import { appendSpeakerBlock, recordString } from '../helpers/record.ts';
import { importSessionHttp } from '../helpers/sessions.ts';
import { useTestServer } from '../helpers/testServer.ts';

/** Sizes of the updates the server sent a client, in order, as the client applied them. */
function received(client: TestClient): number[] {
  const sizes: number[] = [];
  client.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === client.provider) sizes.push(update.byteLength);
  });
  return sizes;
}

const blocks = (doc: Y.Doc) => doc.getXmlFragment(RECORD_FIELD).length;

describe.each(backends())('a long record sent in parts on %s', (backend) => {
  const suite = useTestServer(backend);

  it('reaches a new reader in several frames, the first small, and the reader is synced with all of it', async () => {
    const session = await importSessionHttp(suite.server.url, longRecordText(300), 'Long plenary');
    const reference = suite.connect(session, { token: session.observer });
    await reference.synced();
    const total = Y.encodeStateAsUpdate(reference.doc).byteLength;
    expect(total).toBeGreaterThan(300 * 1024);

    const reader = suite.connect(session, { token: session.noteTaker, connect: false });
    const sizes = received(reader);
    let blocksWhenSynced = -1;
    reader.provider.on('sync', (synced: boolean) => {
      if (synced && blocksWhenSynced < 0) blocksWhenSynced = blocks(reader.doc);
    });
    reader.provider.connect();
    await reader.synced();

    expect(sizes.length).toBeGreaterThan(3);
    expect(sizes[0]).toBeLessThan(SYNC_PART_BYTES.first + 8 * 1024);
    for (const size of sizes) expect(size).toBeLessThan(SYNC_PART_BYTES.rest + 8 * 1024);
    expect(blocksWhenSynced).toBe(blocks(reference.doc));
    expect(recordString(reader.doc)).toBe(recordString(reference.doc));
  });

  it('sends a reader with an older copy what it lacks in parts too, and it converges', async () => {
    const session = await importSessionHttp(suite.server.url, longRecordText(20), 'Growing plenary');
    const writer = suite.connect(session, { token: session.noteTaker });
    const reader = suite.connect(session, { token: session.noteTaker });
    await Promise.all([writer.synced(), reader.synced()]);
    reader.provider.disconnect();
    // the meeting goes on while the reader is away: 150 statements
    const words = 'the delegation supported the draft and asked for the text to be circulated '.repeat(25);
    for (let i = 0; i < 150; i++) appendSpeakerBlock(writer.doc, { speaker: `Speaker ${i}` }, words);
    await writer.save.whenSaved();

    const sizes = received(reader);
    reader.provider.connect();
    await reader.synced();
    await waitFor(() => recordString(reader.doc) === recordString(writer.doc), 'reader converges');
    expect(sizes.length).toBeGreaterThan(3);
    for (const size of sizes) expect(size).toBeLessThan(SYNC_PART_BYTES.rest + 8 * 1024);
  });
});
