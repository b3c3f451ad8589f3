import { describe, expect, expectTypeOf, it } from 'vitest';
import * as Y from 'yjs';
import { extractRecord } from '../blocks/extract.ts';
import type { RecordContent } from '../blocks/types.ts';
import { diffRecords, type RecordDiff } from '../diff/records.ts';
import { RECORD_FIELD } from '../schema/field.ts';
import { CreateVersionRequest, VersionContent, VersionDiff, VersionDiffQuery } from './versions.ts';

describe('version API schemas', () => {
  it('describe exactly the shapes the shared functions produce', () => {
    expectTypeOf<VersionDiff>().toEqualTypeOf<RecordDiff>();
    expectTypeOf<VersionContent>().toEqualTypeOf<RecordContent>();
  });

  it('accept a real extracted record and its diff', () => {
    const doc = new Y.Doc();
    const block = new Y.XmlElement('speakerBlock');
    const para = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    doc.getXmlFragment(RECORD_FIELD).insert(0, [block]);
    block.setAttribute('id', 'b1');
    block.setAttribute('speaker', 'Malta');
    block.insert(0, [para]);
    para.insert(0, [text]);
    text.insert(0, 'The EU supports the draft.');
    const before = extractRecord(doc);
    text.insert(0, 'Indeed, ');
    const diff = diffRecords(before, extractRecord(doc));
    expect(VersionContent.parse(before)).toEqual(before);
    expect(VersionDiff.parse(diff)).toEqual(diff);
  });

  it('trim version names and refuse empty, long or control-character names', () => {
    expect(CreateVersionRequest.parse({ name: '  As presented to the Chair ' }).name).toBe('As presented to the Chair');
    for (const name of ['', '   ', 'x'.repeat(121), 'a\u0000b', 'line\nbreak']) {
      expect(CreateVersionRequest.safeParse({ name }).success).toBe(false);
    }
  });

  it('take "current" or a version id to diff against', () => {
    expect(VersionDiffQuery.parse({}).against).toBe('current');
    expect(VersionDiffQuery.parse({ against: '6f1c1a34-8d2e-4f6a-9a57-0c2f3e4b5a6d' }).against).toMatch(/^6f1c/);
    expect(VersionDiffQuery.safeParse({ against: 'yesterday' }).success).toBe(false);
  });
});
