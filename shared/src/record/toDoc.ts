/**
 * Write a parsed record into a session document. The ProseMirror document is built with the
 * shared `recordSchema` and converted by @tiptap/y-tiptap, so the Y.XmlFragment has exactly the
 * structure the editor's Collaboration extension reads and writes.
 */
import type { JSONContent } from '@tiptap/core';
import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { newBlockId, type SpeakerBlockAttrs } from '../schema/attributes.ts';
import { RECORD_FIELD, recordSchema } from '../schema/extensions.ts';
import { stampSchemaVersion } from '../schema/version.ts';
import { identify } from './identity.ts';
import { qualifierSuffix } from './qualifiers.ts';
import type { ParsedBlock, ParsedRecord } from './types.ts';

const textContent = (text: string): JSONContent[] => (text ? [{ type: 'text', text }] : []);

/** A paragraph string as nodes: one with newlines was a bullet list (one item per line). */
function bodyNode(paragraph: string): JSONContent {
  if (!paragraph.includes('\n')) return { type: 'paragraph', content: textContent(paragraph) };
  return {
    type: 'bulletList',
    content: paragraph.split('\n').map((item) => ({
      type: 'listItem',
      content: [{ type: 'paragraph', content: textContent(item) }],
    })),
  };
}

function speakerBlockNode(block: ParsedBlock): JSONContent {
  const attrs: SpeakerBlockAttrs = {
    id: newBlockId(),
    // the schema has no place for qualifiers: they are written after the name, as records write them
    speaker: block.speaker + qualifierSuffix(block.qualifiers),
    affiliation: block.affiliation ?? '',
    onBehalfOf: block.onBehalfOf ?? '',
    kind: block.kind ?? identify(block, null).kind,
    startedAt: '',
    status: 'draft',
    statusBy: '',
    statusAt: '',
  };
  const body = block.paragraphs.map(bodyNode);
  // the schema needs at least one body node; an opener with no statement gets an empty paragraph
  return { type: 'speakerBlock', attrs: { ...attrs }, content: body.length ? body : [{ type: 'paragraph' }] };
}

/** The record as ProseMirror JSON in the shared schema (agenda items, speaker blocks, loose text). */
export function recordToProseMirrorJSON(record: ParsedRecord): JSONContent {
  const content: JSONContent[] = [];
  for (const section of record.sections) {
    if (section.heading !== null) {
      content.push({ type: 'agendaItem', attrs: { id: newBlockId() }, content: textContent(section.heading) });
    }
    for (const block of section.blocks) {
      // text before the first speaker belongs to nobody: ordinary paragraphs, not a block
      if (block.speaker === '') content.push(...block.paragraphs.map(bodyNode));
      else content.push(speakerBlockNode(block));
    }
  }
  if (content.length === 0) content.push({ type: 'paragraph' });
  return { type: 'doc', content };
}

/** Write a record into `doc`'s record fragment (expected empty: a new session's document). */
export function writeRecordToDoc(record: ParsedRecord, doc: Y.Doc): void {
  const node = recordSchema.nodeFromJSON(recordToProseMirrorJSON(record));
  node.check(); // throws on content the schema does not allow, before anything is written
  prosemirrorToYXmlFragment(node, doc.getXmlFragment(RECORD_FIELD));
}

/** A new Y.Doc holding the record. */
export function recordToDoc(record: ParsedRecord): Y.Doc {
  const doc = new Y.Doc();
  writeRecordToDoc(record, doc);
  // made by this version of the schema: its first load then changes nothing (see stampSchemaVersion)
  stampSchemaVersion(doc);
  return doc;
}
