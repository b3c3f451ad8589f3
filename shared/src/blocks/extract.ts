import * as Y from 'yjs';
import { BLOCK_STATUSES, oneOf, SPEAKER_KINDS } from '../schema/attributes.ts';
import { RECORD_FIELD } from '../schema/field.ts';
import type {
  ActionRecord,
  AgendaItemRecord,
  BodyPart,
  DecisionRecord,
  RecordContent,
  SpeakerBlockRecord,
} from './types.ts';

function attr(el: Y.XmlElement, name: string): string {
  const v = el.getAttribute(name) as unknown;
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
}

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

/**
 * The line an action item reads as in a body: "Action: owner — text (due 2017-02-01)". W3C minutes
 * write ACTION in capitals, but the text importer would read a capitalised word before a colon
 * as a speaker ("UNODC: ..."), while "Action:" is a label it leaves in the statement.
 */
export function actionLine(action: { owner: string; due: string; text: string }): string {
  const owner = action.owner.trim();
  const due = action.due.trim();
  return `Action: ${owner ? `${owner} — ` : ''}${action.text.trim()}${due ? ` (due ${due})` : ''}`;
}

/** The line a decision reads as in a body: "Decision: text" (the W3C RESOLUTION line). */
export function decisionLine(decision: { text: string }): string {
  return `Decision: ${decision.text.trim()}`;
}

/** An action item's or decision's line, or null for any other element. */
function markerLine(el: Y.XmlElement): string | null {
  if (el.nodeName === 'actionItem')
    return actionLine({ owner: attr(el, 'owner'), due: attr(el, 'due'), text: textOf(el) });
  if (el.nodeName === 'decision') return decisionLine({ text: textOf(el) });
  return null;
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
      else lines.push(markerLine(part) ?? textOf(part));
    }
    items.push(lines.join('\n'));
  }
  return items;
}

/**
 * Read a body element into a BodyPart, or null for anything else. An action item or decision
 * reads as a paragraph with its marker line, so every reader of bodies (exports, search, diff)
 * shows it where it was said without knowing about it.
 */
export function bodyPartOf(el: Y.XmlElement): BodyPart | null {
  switch (el.nodeName) {
    case 'paragraph':
      return { type: 'paragraph', text: textOf(el) };
    case 'actionItem':
    case 'decision':
      return { type: 'paragraph', text: markerLine(el)! };
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

/**
 * Extract agenda items and speaker blocks from a session document. Pure: reads only the doc.
 * Ids are made unique (a pasted copy of a block may repeat its id): a repeat gets a derived id
 * so the projection's upsert by id stays well-defined.
 */
export function extractRecord(doc: Y.Doc, cache?: BlockPartsCache): RecordContent {
  const fragment = doc.getXmlFragment(RECORD_FIELD);
  const partsOf = (el: Y.XmlElement) => (cache ? cache.get(el) : readBlockParts(el));
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
  const { actions, decisions, collect } = markerCollector();

  fragment.toArray().forEach((node, index) => {
    if (!(node instanceof Y.XmlElement)) return;
    if (node.nodeName === 'agendaItem') {
      current = uniqueId(attr(node, 'id'), `agenda-${index}`);
      agendaItems.push({ id: current, position: agendaItems.length, title: textOf(node).trim() });
    } else if (node.nodeName === 'speakerBlock') {
      const { body, text, wordCount, markers } = partsOf(node);
      const id = uniqueId(attr(node, 'id'), `block-${index}`);
      collect(markers, current, id);
      blocks.push({
        id,
        position: blocks.length,
        agendaItemId: current,
        speaker: attr(node, 'speaker').trim(),
        affiliation: attr(node, 'affiliation').trim(),
        onBehalfOf: attr(node, 'onBehalfOf').trim(),
        kind: oneOf(SPEAKER_KINDS, node.getAttribute('kind'), 'other'),
        startedAt: attr(node, 'startedAt'),
        status: oneOf(BLOCK_STATUSES, node.getAttribute('status'), 'draft'),
        statusBy: attr(node, 'statusBy'),
        statusAt: attr(node, 'statusAt'),
        body,
        text,
        wordCount,
      });
    } else {
      collect(markersOf(node), current, null);
      const part = bodyPartOf(node);
      if (part) loose.push({ agendaItemId: current, part });
    }
  });
  return { agendaItems, blocks, loose, actions, decisions };
}

/** An action item or decision as written, before it is placed in the record. */
type RawMarker =
  | { kind: 'action'; id: string; owner: string; due: string; text: string }
  | { kind: 'decision'; id: string; text: string };

/** The action items and decisions in an element and everything inside it (a list item may hold one). */
function markersOf(el: Y.XmlElement, out: RawMarker[] = []): RawMarker[] {
  if (el.nodeName === 'actionItem') {
    out.push({
      kind: 'action',
      id: attr(el, 'id'),
      owner: attr(el, 'owner').trim(),
      due: attr(el, 'due').trim(),
      text: textOf(el).trim(),
    });
  } else if (el.nodeName === 'decision') {
    out.push({ kind: 'decision', id: attr(el, 'id'), text: textOf(el).trim() });
  } else {
    for (const child of el.toArray()) if (child instanceof Y.XmlElement) markersOf(child, out);
  }
  return out;
}

/**
 * Places markers in the record in document order, with their agenda item and block, and ids
 * made unique among themselves like block ids.
 */
function markerCollector() {
  const actions: ActionRecord[] = [];
  const decisions: DecisionRecord[] = [];
  const seen = new Map<string, number>();
  const uniqueId = (raw: string, fallback: string): string => {
    const id = raw || fallback;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}~${n}`;
  };
  const collect = (markers: readonly RawMarker[], agendaItemId: string | null, blockId: string | null): void => {
    for (const m of markers) {
      if (m.kind === 'action') {
        const position = actions.length;
        const id = uniqueId(m.id, `action-${position}`);
        actions.push({ id, position, agendaItemId, blockId, owner: m.owner, due: m.due, text: m.text });
      } else {
        const position = decisions.length;
        const id = uniqueId(m.id, `decision-${position}`);
        decisions.push({ id, position, agendaItemId, blockId, text: m.text });
      }
    }
  };
  return { actions, decisions, collect };
}

/** What a speaker block's children read as; depends only on the block itself. */
interface BlockParts {
  body: BodyPart[];
  text: string;
  wordCount: number;
  markers: RawMarker[];
}

/** Read a speaker block's children. */
function readBlockParts(block: Y.XmlElement): BlockParts {
  const body = block.toArray().flatMap((c) => {
    const part = c instanceof Y.XmlElement ? bodyPartOf(c) : null;
    return part ? [part] : [];
  });
  const text = bodyText(body);
  return { body, text, wordCount: countWords(text), markers: markersOf(block) };
}

/**
 * Remembers what each speaker block of a live document reads as, and forgets a block as soon as
 * a transaction touches it or anything inside it. Extracting a long record then costs the blocks
 * that changed since the last extraction, not all of them: a 3,000-paragraph record took ~10 ms
 * to read whole, on the server's one thread, about once a second while people type.
 */
export class BlockPartsCache {
  private parts = new WeakMap<Y.XmlElement, BlockParts>();
  private readonly fragment: Y.XmlFragment;
  private readonly onTransaction = (tr: Y.Transaction) => {
    // changedParentTypes holds every changed type and all of its ancestors
    for (const type of tr.changedParentTypes.keys()) {
      if (type instanceof Y.XmlElement && type._item?.parent === this.fragment) this.parts.delete(type);
    }
  };

  constructor(private readonly doc: Y.Doc) {
    this.fragment = doc.getXmlFragment(RECORD_FIELD);
    doc.on('afterTransaction', this.onTransaction);
  }

  /** The parts of a top-level speaker block, read now or remembered. */
  get(block: Y.XmlElement): BlockParts {
    let parts = this.parts.get(block);
    if (!parts) {
      parts = readBlockParts(block);
      this.parts.set(block, parts);
    }
    return parts;
  }

  /** Stop following the document. */
  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
    this.parts = new WeakMap();
  }
}
