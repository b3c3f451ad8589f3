/**
 * Read a session document back into sections, in document order: each agenda item with the
 * statements and loose text under it. Block attributes and bodies come from `extractRecord`,
 * so export and projection read a document the same way.
 */
import * as Y from 'yjs';
import { bodyPartOf, extractRecord } from '../blocks/extract.ts';
import type { BodyPart, SpeakerBlockRecord } from '../blocks/types.ts';
import { RECORD_FIELD } from '../schema/field.ts';
import { splitQualifiers } from './qualifiers.ts';
import type { ParsedBlock, ParsedRecord, ParsedSection } from './types.ts';

/** A statement (speaker block) or text that belongs to no speaker. */
export type DocEntry = { type: 'statement'; block: SpeakerBlockRecord } | { type: 'note'; body: BodyPart[] };

/** An agenda item (or the part before the first one, heading null) and what stands under it. */
export interface DocSection {
  heading: string | null;
  entries: DocEntry[];
}

/** The document's sections in order; consecutive loose paragraphs are gathered into one note. */
export function readSections(doc: Y.Doc): DocSection[] {
  const { agendaItems, blocks } = extractRecord(doc);
  const sections: DocSection[] = [{ heading: null, entries: [] }];
  let nextItem = 0;
  let nextBlock = 0;
  for (const node of doc.getXmlFragment(RECORD_FIELD).toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    const entries = sections[sections.length - 1]!.entries;
    if (node.nodeName === 'agendaItem') {
      sections.push({ heading: agendaItems[nextItem++]!.title, entries: [] });
    } else if (node.nodeName === 'speakerBlock') {
      entries.push({ type: 'statement', block: blocks[nextBlock++]! });
    } else {
      const part = bodyPartOf(node);
      if (!part) continue;
      const last = entries[entries.length - 1];
      if (last?.type === 'note') last.body.push(part);
      else entries.push({ type: 'note', body: [part] });
    }
  }
  // no empty leading section when the document starts with an agenda item
  return sections[0]!.entries.length === 0 ? sections.slice(1) : sections;
}

/** Body parts as the parse format's paragraphs: lists become one string, items joined by "\n". */
export function bodyToParagraphs(body: BodyPart[]): string[] {
  return body
    .map((p) => (p.type === 'paragraph' ? p.text.trim() : p.items.map((i) => i.trim()).join('\n')))
    .filter((p) => p.replace(/\n/g, '').trim() !== '');
}

function toParsedBlock(entry: DocEntry): ParsedBlock {
  if (entry.type === 'note') {
    return {
      speaker: '',
      affiliation: null,
      onBehalfOf: null,
      paragraphs: bodyToParagraphs(entry.body),
      qualifiers: [],
    };
  }
  const b = entry.block;
  // the document holds qualifiers after the name ("Brazil (right of reply)"); the record keeps them apart
  const { head, qualifiers } = splitQualifiers(b.speaker);
  return {
    speaker: head,
    affiliation: b.affiliation || null,
    onBehalfOf: b.onBehalfOf || null,
    paragraphs: bodyToParagraphs(b.body),
    qualifiers,
  };
}

/** Sections read from a document, in the structure `parseText` returns. */
export function sectionsToRecord(docSections: DocSection[], title: string): ParsedRecord {
  const sections: ParsedSection[] = docSections
    .map((s) => ({
      heading: s.heading,
      blocks: s.entries.map(toParsedBlock).filter((b) => b.speaker !== '' || b.paragraphs.length > 0),
    }))
    // an empty document still holds one empty paragraph: that is no section
    .filter((s) => s.heading !== null || s.blocks.length > 0);
  return { title, sections };
}

/** The document as a parsed record (the structure `parseText` returns), titled by the session. */
export function recordFromDoc(doc: Y.Doc, title: string): ParsedRecord {
  return sectionsToRecord(readSections(doc), title);
}
