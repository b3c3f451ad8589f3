/**
 * The page's collaboration socket (client/src/editor/collabSocket.ts) against a real server with a
 * real y-websocket provider: its handshake runs while the offline copy is read, the provider sees
 * it open only once the copy is read, and its sync request names the copy's state, so a page that
 * has the record in its copy is sent only what is new (issue 17).
 */
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { collabSocket } from '../../client/src/editor/collabSocket.ts';
import { waitFor } from '../helpers/clients.ts';
import { backends } from '../helpers/database.ts';
import { longRecordText } from '../helpers/longRecord.ts';
import { appendSpeakerBlock, recordString } from '../helpers/record.ts';
import { importSessionHttp } from '../helpers/sessions.ts';
import { useTestServer } from '../helpers/testServer.ts';

const NodeSocket = WebSocket as unknown as typeof globalThis.WebSocket;

/** Bytes of the updates the server sent `doc` through `provider`. */
function bytesReceived(doc: Y.Doc, provider: unknown): () => number {
  let bytes = 0;
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === provider) bytes += update.byteLength;
  });
  return () => bytes;
}

describe.each(backends())("the page's collaboration socket on %s", (backend) => {
  const suite = useTestServer(backend);

  it('opens while the offline copy is read; the provider syncs only once the copy is read', async () => {
    const session = await importSessionHttp(suite.server.url, longRecordText(30), 'Opening plenary');
    let copyRead!: () => void;
    const openWhen = new Promise<void>((resolve) => {
      copyRead = resolve;
    });
    const doc = new Y.Doc();
    const page = suite.connect(session, {
      token: session.noteTaker,
      doc,
      WebSocketPolyfill: collabSocket({ openWhen, stateVector: () => Y.encodeStateVector(doc) }, NodeSocket),
    });
    // the socket itself is open, its handshake done, while the copy is still being read
    await waitFor(() => page.provider.ws?.readyState === WebSocket.OPEN, 'socket open');
    await new Promise((resolve) => setTimeout(resolve, 300)); // the server's first messages arrive meanwhile
    expect(page.provider.wsconnected).toBe(false);
    expect(page.provider.synced).toBe(false);
    expect(recordString(doc)).toBe('');
    copyRead();
    await page.synced();
    const reference = suite.connect(session, { token: session.observer });
    await reference.synced();
    expect(recordString(doc)).toBe(recordString(reference.doc));
  });

  it('asks for what the offline copy lacks: a page holding the record in its copy is sent only what is new', async () => {
    const session = await importSessionHttp(suite.server.url, longRecordText(300), 'Long plenary');
    const writer = suite.connect(session, { token: session.noteTaker });
    await writer.synced();
    // the copy a earlier visit kept, then one more statement made while the page was closed
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(writer.doc));
    const whole = Y.encodeStateAsUpdate(copy).byteLength;
    expect(whole).toBeGreaterThan(300 * 1024);
    appendSpeakerBlock(writer.doc, { speaker: 'Late speaker' }, 'A statement made while the page was closed.');
    await writer.save.whenSaved();

    // the page's document holds nothing yet: the copy goes into it part by part, after the request
    const doc = new Y.Doc();
    const page = suite.connect(session, {
      token: session.noteTaker,
      doc,
      connect: false,
      WebSocketPolyfill: collabSocket(
        { openWhen: Promise.resolve(), stateVector: () => Y.encodeStateVector(copy) },
        NodeSocket,
      ),
    });
    const received = bytesReceived(doc, page.provider);
    page.provider.connect();
    await page.synced();
    expect(received()).toBeLessThan(16 * 1024);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(copy)); // the copy's parts arrive
    await waitFor(() => recordString(doc) === recordString(writer.doc), 'the page holds the whole record');
    expect(recordString(doc)).toContain('A statement made while the page was closed.');
  });
});
