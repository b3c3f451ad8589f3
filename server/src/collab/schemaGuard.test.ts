import { MAX_RECORD_DEPTH } from '@rapporteur/shared/protocol';
import { recordSchema, schemaRules } from '@rapporteur/shared/schema';
import { META_FIELD, SCHEMA_VERSION_KEY } from '@rapporteur/shared/schema/version';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { schemaViolation } from './schemaGuard.ts';

const rules = schemaRules(recordSchema);

/**
 * A server document; `check` makes a change in a fresh client copy of it and returns the verdict
 * on that change's update (applied to the server when accepted).
 */
function setup() {
  const server = new Y.Doc();
  server.getXmlFragment('record');
  server.getMap(META_FIELD).set(SCHEMA_VERSION_KEY, 1);
  const check = (change: (doc: Y.Doc, record: Y.XmlFragment) => void): string | null => {
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(server);
    change(client, client.getXmlFragment('record'));
    const update = Y.encodeStateAsUpdate(client, before);
    const verdict = schemaViolation(Y.decodeUpdate(update), server, rules);
    if (verdict === null) Y.applyUpdate(server, update);
    return verdict;
  };
  return { server, check };
}

function block(text: Y.XmlText): Y.XmlElement {
  const b = new Y.XmlElement('speakerBlock');
  b.setAttribute('id', 'b1');
  b.setAttribute('speaker', 'Malta');
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [text]);
  b.insert(0, [p]);
  return b;
}

function firstText(record: Y.XmlFragment): Y.XmlText {
  return ((record.get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

describe('schemaViolation', () => {
  it('accepts speaker blocks, paragraphs, known marks and attributes, and overwrites of known attributes', () => {
    const { check } = setup();
    expect(
      check((_d, record) => {
        const t = new Y.XmlText();
        t.insert(0, 'Thank you, Chair.', { bold: {} });
        record.insert(0, [block(t)]);
      }),
    ).toBeNull();
    // an overwrite names its left origin, not its key: the key is found in the stored document
    expect(check((_d, record) => (record.get(0) as Y.XmlElement).setAttribute('speaker', 'Peru'))).toBeNull();
    expect(check((_d, record) => firstText(record).format(0, 5, { italic: {}, 'strike--AbCd1234': {} }))).toBeNull();
    expect(check((_d, record) => firstText(record).insert(3, 'more'))).toBeNull();
  });

  it('refuses an unknown node name', () => {
    const { check } = setup();
    expect(check((_d, record) => record.insert(0, [new Y.XmlElement('script')]))).toBe('unknown node script');
  });

  it('refuses an unknown attribute on a known node, in the update or on a stored element', () => {
    const { check } = setup();
    expect(
      check((_d, record) => {
        const b = block(new Y.XmlText('x'));
        b.setAttribute('onclick', 'alert(1)');
        record.insert(0, [b]);
      }),
    ).toBe('unknown attribute onclick on speakerBlock');
    expect(check((_d, record) => record.insert(0, [block(new Y.XmlText('x'))]))).toBeNull();
    expect(check((_d, record) => (record.get(0) as Y.XmlElement).setAttribute('colour', 'red'))).toBe(
      'unknown attribute colour on speakerBlock',
    );
  });

  it('refuses an unknown mark, and a known mark with an unknown attribute, typed into stored text', () => {
    const { check } = setup();
    expect(check((_d, record) => record.insert(0, [block(new Y.XmlText('Statement'))]))).toBeNull();
    expect(check((_d, record) => firstText(record).insert(9, ' secret', { comment: { id: 1 } }))).toBe(
      'unknown mark comment',
    );
    expect(check((_d, record) => firstText(record).format(0, 4, { bold: { level: 3 } }))).toBe(
      'unknown attribute level of mark bold',
    );
  });

  it('refuses raw values and embeds in the record', () => {
    const { check } = setup();
    expect(check((_d, record) => record.insert(0, [block(new Y.XmlText('x'))]))).toBeNull();
    expect(check((_d, record) => firstText(record).insertEmbed(0, { image: 'x' }))).toBe(
      'text may hold only characters and marks',
    );
    expect(check((_d, record) => record.insert(0, [new Y.XmlHook('hook') as unknown as Y.XmlElement]))).toBe(
      'the record may hold only elements and text',
    );
  });

  it('refuses writes to the document metadata (not deletes, which every resync repeats), and ignores other fields', () => {
    const { check } = setup();
    expect(check((d) => d.getMap(META_FIELD).set(SCHEMA_VERSION_KEY, 99))).toBe(
      'only the server writes the document metadata',
    );
    expect(check((d) => d.getMap(META_FIELD).delete(SCHEMA_VERSION_KEY))).toBe(null);
    expect(check((d) => d.getArray('speakersList').insert(0, [new Y.Map([['name', 'Malta']])]))).toBeNull();
  });

  it('accepts a client re-sending a delete of a version entry the server itself already deleted', () => {
    // every client sends its whole delete set when it syncs (e.g. after a reload): deletes the
    // server made of its own metadata come back with it and must not close the client
    const { server } = setup();
    server.getMap(META_FIELD).delete(SCHEMA_VERSION_KEY);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    client.getXmlFragment('record').insert(0, [new Y.XmlText('x')]);
    const resync = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)); // with the whole delete set
    expect(schemaViolation(Y.decodeUpdate(resync), server, rules)).toBeNull();
  });

  it('accepts a version entry an earlier load of the room wrote, re-sent by a client, but no newer one', () => {
    // the room wrote version 1 on a load whose row this server no longer has; a page that saw it
    // sends it back when it resyncs (a reload): that is the server's own fact, not a client's write
    const earlier = new Y.Doc();
    earlier.getMap(META_FIELD).set(SCHEMA_VERSION_KEY, 1);
    const server = new Y.Doc();
    const resent = Y.encodeStateAsUpdate(earlier, Y.encodeStateVector(server));
    expect(schemaViolation(Y.decodeUpdate(resent), server, rules)).toBeNull();
    const newer = new Y.Doc();
    newer.getMap(META_FIELD).set(SCHEMA_VERSION_KEY, 99);
    expect(schemaViolation(Y.decodeUpdate(Y.encodeStateAsUpdate(newer)), server, rules)).toBe(
      'only the server writes the document metadata',
    );
  });

  it('refuses elements nested deeper than the limit, without recursing on the update', () => {
    const { check } = setup();
    expect(
      check((_d, record) => {
        let inner = new Y.XmlElement('bulletList');
        for (let i = 0; i < MAX_RECORD_DEPTH * 4; i++) {
          const outer = new Y.XmlElement(i % 2 ? 'bulletList' : 'listItem');
          outer.insert(0, [inner]);
          inner = outer;
        }
        record.insert(0, [inner]);
      }),
    ).toBe('elements nested too deep');
  });
});
