import { META_FIELD, SCHEMA_VERSION, SCHEMA_VERSION_KEY } from '@rapporteur/shared/schema/version';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SchemaGate } from './schemaGate.ts';

/** A document written by a newer server: its version and content in one update, as a sync brings them. */
function newerUpdate(version: number): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    doc.getMap(META_FIELD).set(SCHEMA_VERSION_KEY, version);
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    p.insert(0, [t]);
    doc.getXmlFragment('record').insert(0, [p]);
    t.insert(0, 'a newer mark', { highlight: { colour: 'yellow' } });
  });
  return Y.encodeStateAsUpdate(doc);
}

describe('SchemaGate', () => {
  it("tells its listeners of a newer document before the record's deep observers (y-prosemirror) see its content", () => {
    const doc = new Y.Doc();
    const gate = new SchemaGate(doc);
    const heard: string[] = [];
    let unbound = false;
    const deep = () => heard.push(unbound ? 'editor unbound first' : 'editor saw the newer content');
    doc.getXmlFragment('record').observeDeep(deep);
    gate.onNewer(() => {
      heard.push('gate');
      doc.getXmlFragment('record').unobserveDeep(deep); // what the editor extension does (binding.destroy)
      unbound = true;
    });
    expect(gate.newer).toBe(false);
    Y.applyUpdate(doc, newerUpdate(SCHEMA_VERSION + 1));
    expect(gate.newer).toBe(true);
    expect(heard).toEqual(['gate']);
    gate.destroy();
  });

  it('stays quiet for documents of our version or older, and knows a newer one it is opened on', () => {
    const same = new Y.Doc();
    const gate = new SchemaGate(same);
    let calls = 0;
    gate.onNewer(() => calls++);
    Y.applyUpdate(same, newerUpdate(SCHEMA_VERSION));
    expect(gate.newer).toBe(false);
    expect(calls).toBe(0);
    const newer = new Y.Doc();
    Y.applyUpdate(newer, newerUpdate(SCHEMA_VERSION + 3));
    expect(new SchemaGate(newer).newer).toBe(true);
  });
});
