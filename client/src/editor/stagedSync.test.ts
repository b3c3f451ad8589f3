import { splitUpdate } from '@rapporteur/shared/protocol';
import { RECORD_FIELD } from '@rapporteur/shared/schema/field';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type StagingProvider, stageLargeSyncs } from './stagedSync.ts';
import { sampleRecordDoc } from './sampleRecord.testing.ts';
import { StagedUpdates } from './stagedUpdates.ts';

/** A sync message as the server sends it: its reply to our request (step 2), or an update. */
function syncMessage(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  write(e);
  return encoding.toUint8Array(e);
}
const step2 = (doc: Y.Doc) => syncMessage((e) => syncProtocol.writeSyncStep2(e, doc));
const update = (u: Uint8Array) => syncMessage((e) => syncProtocol.writeUpdate(e, u));
const step2FromUpdate = (u: Uint8Array) =>
  syncMessage((e) => {
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(e, u);
  });
const step1 = (doc: Y.Doc) => syncMessage((e) => syncProtocol.writeSyncStep1(e, doc));

class NeverConnects {
  constructor() {
    throw new Error('this provider is fed its messages by the test');
  }
}

const blocksOf = (doc: Y.Doc) => doc.getXmlFragment(RECORD_FIELD).length;

describe('applying a long record in parts', () => {
  const providers: WebsocketProvider[] = [];
  afterEach(() => {
    for (const p of providers.splice(0)) {
      p.destroy();
      p.doc.destroy();
    }
  });

  /** A real provider, not connected: messages are handed to it as its socket would. */
  function setUp() {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider('ws://127.0.0.1:9', 'session', doc, {
      connect: false,
      disableBc: true,
      // Node 20 has no WebSocket; this provider is never connected
      WebSocketPolyfill: NeverConnects as unknown as typeof WebSocket,
    });
    providers.push(provider);
    const staging = provider as unknown as StagingProvider;
    staging.wsconnected = true; // as while its socket is open
    const turns: Array<() => void> = [];
    const staged = new StagedUpdates(doc, {
      splitAbove: 16 * 1024,
      partBytes: 8 * 1024,
      yieldToPage: () => new Promise((resolve) => turns.push(resolve)),
    });
    stageLargeSyncs(staging, staged, 4 * 1024);
    /** The page's turn: the next part (or message) goes in; false when nothing was waiting. */
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0)); // everything up to the next yield
    const nextTurn = async () => {
      await settle();
      const turn = turns.shift();
      turn?.();
      await settle();
      return turn !== undefined;
    };
    const receive = (message: Uint8Array) => {
      const decoder = decoding.createDecoder(message);
      const encoder = encoding.createEncoder();
      const type = decoding.readVarUint(decoder);
      provider.messageHandlers[type]!(encoder, decoder, provider, true, type);
      return encoding.toUint8Array(encoder);
    };
    const transactions: number[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin === provider) transactions.push(blocksOf(doc));
    });
    return { doc, provider, staged, nextTurn, receive, transactions };
  }

  it('shows the first blocks at once, the rest one part per task, and is synced after the last', async () => {
    const source = sampleRecordDoc(200);
    const { doc, provider, nextTurn, receive, transactions } = setUp();
    receive(step2(source));
    // the first part is in before the message handler returns; not the whole record
    expect(blocksOf(doc)).toBeGreaterThan(0);
    expect(blocksOf(doc)).toBeLessThan(blocksOf(source));
    expect(provider.synced).toBe(false);
    while (await nextTurn()) expect(transactions.length).toBeGreaterThan(1);
    expect(transactions.length).toBeGreaterThan(10);
    // each part added blocks: the record grew from the top, part by part
    expect(transactions).toEqual([...transactions].sort((a, b) => a - b));
    expect(doc.getXmlFragment(RECORD_FIELD).toJSON()).toEqual(source.getXmlFragment(RECORD_FIELD).toJSON());
    expect(provider.synced).toBe(true);
  });

  it('applies an answer the server sent in parts one part per task, even when they come together', async () => {
    const source = sampleRecordDoc(200);
    const { doc, provider, nextTurn, receive, transactions, staged } = setUp();
    // as the server sends it (syncReply.ts): updates, then the last part as the sync answer
    const parts = splitUpdate(Y.encodeStateAsUpdate(source), { first: 4 * 1024, rest: 12 * 1024 }).map((p) => p());
    expect(parts.length).toBeGreaterThan(5);
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      receive(last ? step2FromUpdate(part) : update(part));
    });
    expect(transactions.length).toBeLessThan(3); // the first part or two, not all of them
    expect(provider.synced).toBe(false);
    while (await nextTurn()) expect(staged.pending).toBeLessThan(parts.length);
    expect(transactions.length).toBeGreaterThanOrEqual(parts.length);
    expect(doc.getXmlFragment(RECORD_FIELD).toJSON()).toEqual(source.getXmlFragment(RECORD_FIELD).toJSON());
    expect(provider.synced).toBe(true);
  });

  it('applies a short message at once, as the stock provider does', () => {
    const source = sampleRecordDoc(3);
    const { doc, provider, receive, transactions } = setUp();
    receive(step2(source));
    expect(transactions).toEqual([blocksOf(source)]); // one transaction, the heading and three blocks
    expect(blocksOf(doc)).toBe(blocksOf(source));
    expect(provider.synced).toBe(true);
  });

  it('keeps later updates behind the record, in order, and loses none', async () => {
    const source = sampleRecordDoc(200);
    const { doc, staged, nextTurn, receive } = setUp();
    receive(step2(source));
    // another note-taker appends a block and types into it while the record is still arriving
    const record = source.getXmlFragment(RECORD_FIELD);
    const typed: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => typed.push(u));
    const block = new Y.XmlElement('paragraph');
    record.insert(record.length, [block]);
    const text = new Y.XmlText();
    block.insert(0, [text]);
    for (const ch of 'late words') text.insert(text.length, ch);
    for (const u of typed) receive(update(u));
    expect(staged.pending).toBe(typed.length);
    expect(doc.store.pendingStructs).toBeNull();
    while (await nextTurn());
    expect(staged.pending).toBe(0);
    expect(doc.getXmlFragment(RECORD_FIELD).toJSON()).toEqual(record.toJSON());
    expect(doc.store.pendingStructs).toBeNull();
  });

  it('answers a sync request at once, while the record is still arriving', () => {
    const source = sampleRecordDoc(200);
    const { doc, receive } = setUp();
    receive(step2(source));
    doc.getMap('local').set('typed', 'here'); // ours, which the server lacks
    const reply = receive(step1(source));
    expect(reply.byteLength).toBeGreaterThan(1);
    const d = decoding.createDecoder(reply);
    expect(decoding.readVarUint(d)).toBe(0);
    expect(decoding.readVarUint(d)).toBe(syncProtocol.messageYjsSyncStep2);
    const back = new Y.Doc();
    Y.applyUpdate(back, Y.encodeStateAsUpdate(source));
    Y.applyUpdate(back, decoding.readVarUint8Array(d));
    expect(back.getMap('local').get('typed')).toBe('here');
  });

  it('does not call a closed connection synced', async () => {
    const source = sampleRecordDoc(200);
    const { doc, provider, nextTurn, receive } = setUp();
    receive(step2(source));
    (provider as unknown as StagingProvider).wsconnected = false; // the socket closed meanwhile
    while (await nextTurn());
    expect(blocksOf(doc)).toBe(blocksOf(source)); // what arrived is kept
    expect(provider.synced).toBe(false);
  });

  it('stops when the page leaves the session', async () => {
    const source = sampleRecordDoc(200);
    const { doc, nextTurn, receive } = setUp();
    receive(step2(source));
    const shown = blocksOf(doc);
    doc.destroy();
    while (await nextTurn());
    expect(blocksOf(doc)).toBe(shown);
  });

  it('while held (no editor yet), applies nothing; the record follows part by part once released', async () => {
    const source = sampleRecordDoc(200);
    const { doc, provider, staged, nextTurn, receive, transactions } = setUp();
    const release = staged.hold();
    receive(step2(source));
    // turns pass (the page renders other things, creates the editor), the record waits
    for (let i = 0; i < 5; i++) await nextTurn();
    expect(blocksOf(doc)).toBe(0);
    expect(transactions).toHaveLength(0);
    // an update that arrives meanwhile waits behind the record, in order
    const later = new Y.Doc();
    Y.applyUpdate(later, Y.encodeStateAsUpdate(source));
    later.getMap('local').set('typed', 'after');
    receive(update(Y.encodeStateAsUpdate(later, Y.encodeStateVector(source))));
    expect(doc.getMap('local').get('typed')).toBeUndefined();
    release();
    while (await nextTurn());
    // after the release, still one part per task: the editor renders the record in parts
    expect(transactions.length).toBeGreaterThan(10);
    expect(doc.getXmlFragment(RECORD_FIELD).toJSON()).toEqual(source.getXmlFragment(RECORD_FIELD).toJSON());
    expect(doc.getMap('local').get('typed')).toBe('after');
    expect(provider.synced).toBe(true);
  });

  it('while held, holds an answer the server sends in parts over time, as they come, then applies them part by part', async () => {
    const source = sampleRecordDoc(200);
    const { doc, provider, staged, nextTurn, receive, transactions } = setUp();
    const release = staged.hold();
    const parts = splitUpdate(Y.encodeStateAsUpdate(source), { first: 4 * 1024, rest: 12 * 1024 }).map((p) => p());
    expect(parts.length).toBeGreaterThan(5);
    // each part in its own task, the queue idle in between (the network is slower than the page)
    for (const [i, part] of parts.entries()) {
      receive(i === parts.length - 1 ? step2FromUpdate(part) : update(part));
      while (await nextTurn());
    }
    expect(transactions).toHaveLength(0); // nothing yet
    // a short update meanwhile waits behind them
    const later = new Y.Doc();
    Y.applyUpdate(later, Y.encodeStateAsUpdate(source));
    later.getMap('local').set('typed', 'after');
    receive(update(Y.encodeStateAsUpdate(later, Y.encodeStateVector(source))));
    expect(doc.getMap('local').get('typed')).toBeUndefined();
    expect(provider.synced).toBe(false);
    release();
    const applied = transactions.length;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(transactions.length).toBe(applied); // not in the task that released it
    while (await nextTurn());
    expect(transactions.length).toBeGreaterThanOrEqual(parts.length);
    expect(doc.getXmlFragment(RECORD_FIELD).toJSON()).toEqual(source.getXmlFragment(RECORD_FIELD).toJSON());
    expect(doc.getMap('local').get('typed')).toBe('after');
    expect(provider.synced).toBe(true);
  });
});
