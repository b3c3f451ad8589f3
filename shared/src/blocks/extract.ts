import * as Y from 'yjs';
import { BLOCK_STATUSES, oneOf, SPEAKER_KINDS } from '../schema/attributes.ts';
import { RECORD_FIELD } from '../schema/extensions.ts';
import type { AgendaItemRecord, BodyPart, RecordContent, SpeakerBlockRecord } from './types.ts';

/** Plain text of an element: concatenates text inserts, ignoring marks and embeds. */
function textOf(node: Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText) {
    let out = '';
    for (const op of node.toDelta() as { insert: unknown }[]) {
      if (typeof op.insert === 'string') out += op.insert;
    }
    return out;
  }
  let out = '';
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText || child instanceof Y.XmlElement) {
      // hardBreak is an element with no children: it stands for a newline
      out += child instanceof Y.XmlElement && child.nodeName === 'hardBreak' ? '\n' : textOf(child);
    }
  }
  return out;
}

/** A list's items; nested lists are flattened into their parent item's lines. */
function listItems(list: Y.XmlElement): string[] {
  const items: string[] = [];
  for (const li of list.toArray()) {
    if (!(li instanceof Y.XmlElement)) continue;
    const lines: string[] = [];
    for (const part of li.toArray()) {
      if (!(part instanceof Y.XmlElement)) continue;
      if (part.nodeName === 'bulletList' || part.nodeName === 'orderedList') lines.push(...listItems(part));
      else lines.push(textOf(part));
    }
    items.push(lines.join('\n'));
  }
  return items;
}

/** Read a body element (paragraph or list) into a BodyPart, or null for anything else. */
export function bodyPartOf(el: Y.XmlElement): BodyPart | null {
  switch (el.nodeName) {
    case 'paragraph':
      return { type: 'paragraph', text: textOf(el) };
    case 'bulletList':
    case 'orderedList':
      return { type: 'list', ordered: el.nodeName === 'orderedList', items: listItems(el) };
    default:
      return null;
  }
}

/** Body parts as plain text: parts separated by blank lines, list items by newlines. */
export function bodyText(body: BodyPart[]): string {
  return body
    .map((p) => (p.type === 'paragraph' ? p.text : p.items.join('\n')))
    .filter((t) => t.trim() !== '')
    .join('\n\n');
}

/** Count words the way a reader would: runs of letters or digits. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)?.length ?? 0;
}

function attr(el: Y.XmlElement, name: string): string {
  const v = el.getAttribute(name) as unknown;
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
}

/**
 * Extract agenda items and speaker blocks from a session document. Pure: reads only the doc.
 * Ids are made unique (a pasted copy of a block may repeat its id): a repeat gets a derived id
 * so the projection's upsert by id stays well-defined.
 */
export function extractRecord(doc: Y.Doc): RecordContent {
  const fragment = doc.getXmlFragment(RECORD_FIELD);
  const agendaItems: AgendaItemRecord[] = [];
  const blocks: SpeakerBlockRecord[] = [];
  const loose: RecordContent['loose'] = [];
  const seen = new Map<string, number>();
  const uniqueId = (raw: string, fallback: string): string => {
    const id = raw || fallback;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}~${n}`;
  };
  let current: string | null = null;

  fragment.toArray().forEach((node, index) => {
    if (!(node instanceof Y.XmlElement)) return;
    if (node.nodeName === 'agendaItem') {
      current = uniqueId(attr(node, 'id'), `agenda-${index}`);
      agendaItems.push({ id: current, position: agendaItems.length, title: textOf(node).trim() });
    } else if (node.nodeName === 'speakerBlock') {
      const body = node.toArray().flatMap((c) => {
        const part = c instanceof Y.XmlElement ? bodyPartOf(c) : null;
        return part ? [part] : [];
      });
      const text = bodyText(body);
      blocks.push({
        id: uniqueId(attr(node, 'id'), `block-${index}`),
        position: blocks.length,
        agendaItemId: current,
        speaker: attr(node, 'speaker').trim(),
        affiliation: attr(node, 'affiliation').trim(),
        onBehalfOf: attr(node, 'onBehalfOf').trim(),
        kind: oneOf(SPEAKER_KINDS, node.getAttribute('kind'), 'other'),
        startedAt: attr(node, 'startedAt'),
        status: oneOf(BLOCK_STATUSES, node.getAttribute('status'), 'draft'),
        body,
        text,
        wordCount: countWords(text),
      });
    } else {
      const part = bodyPartOf(node);
      if (part) loose.push({ agendaItemId: current, part });
    }
  });
  return { agendaItems, blocks, loose };
}
