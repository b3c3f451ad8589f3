import type { AgendaItemRecord, BodyPart, RecordContent, SpeakerBlockRecord } from '../blocks/types.ts';
import { diffSequence } from './sequence.ts';
import { diffWords, hasChanges, type TextSegment } from './words.ts';

/** How an item fared between the two records. */
export type ChangeKind = 'added' | 'removed' | 'changed' | 'unchanged';

/** Header attributes of a speaker block that count as content (a change makes the block "changed"). */
export const COMPARED_BLOCK_ATTRIBUTES = [
  'speaker',
  'affiliation',
  'onBehalfOf',
  'kind',
  'startedAt',
  'status',
] as const;
export type ComparedBlockAttribute = (typeof COMPARED_BLOCK_ATTRIBUTES)[number];

/** One header attribute that differs. */
export interface AttributeChange {
  name: ComparedBlockAttribute;
  before: string;
  after: string;
}

/** A speaker block's header on one side: everything but its body. */
export type BlockHeader = Omit<SpeakerBlockRecord, 'id' | 'body' | 'text'>;

/** One speaker block, matched by id across the two records. */
export interface BlockDiff {
  id: string;
  change: ChangeKind;
  /** Kept, but in another order relative to the other kept blocks. */
  moved: boolean;
  /** The header in the first record (null when added). */
  before: BlockHeader | null;
  /** The header in the second record (null when removed). */
  after: BlockHeader | null;
  attributes: AttributeChange[];
  /** Word-level diff of the statement text (all inserted when added, all deleted when removed). */
  text: TextSegment[];
}

/** One agenda item, matched by id. */
export interface AgendaItemDiff {
  id: string;
  change: ChangeKind;
  moved: boolean;
  before: Omit<AgendaItemRecord, 'id'> | null;
  after: Omit<AgendaItemRecord, 'id'> | null;
  title: TextSegment[];
}

/** How many items fared which way. */
export interface ChangeCounts {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  moved: number;
}

/** Block-level comparison of two extracted records, in reading order (removed items where they stood). */
export interface RecordDiff {
  agendaItems: AgendaItemDiff[];
  blocks: BlockDiff[];
  /** Paragraphs and lists outside any speaker block, compared as one text. */
  loose: { change: 'changed' | 'unchanged'; text: TextSegment[] };
  counts: { agendaItems: ChangeCounts; blocks: ChangeCounts };
}

/** Compare two extracted records (`a` the older, `b` the newer). Pure. */
export function diffRecords(a: RecordContent, b: RecordContent): RecordDiff {
  const blocks = matchById(a.blocks, b.blocks, diffBlock);
  const agendaItems = matchById(a.agendaItems, b.agendaItems, diffAgendaItem);
  const looseText = diffWords(looseTextOf(a), looseTextOf(b));
  return {
    agendaItems,
    blocks,
    loose: { change: hasChanges(looseText) ? 'changed' : 'unchanged', text: looseText },
    counts: { agendaItems: countOf(agendaItems), blocks: countOf(blocks) },
  };
}

function diffBlock(before: SpeakerBlockRecord | null, after: SpeakerBlockRecord | null, moved: boolean): BlockDiff {
  const id = (after ?? before)!.id;
  const attributes: AttributeChange[] = [];
  if (before && after) {
    for (const name of COMPARED_BLOCK_ATTRIBUTES) {
      if (before[name] !== after[name]) attributes.push({ name, before: before[name], after: after[name] });
    }
  }
  const text = diffWords(before?.text ?? '', after?.text ?? '');
  return {
    id,
    change: changeOf(before, after, attributes.length > 0 || hasChanges(text)),
    moved,
    before: before ? headerOf(before) : null,
    after: after ? headerOf(after) : null,
    attributes,
    text,
  };
}

function diffAgendaItem(
  before: AgendaItemRecord | null,
  after: AgendaItemRecord | null,
  moved: boolean,
): AgendaItemDiff {
  const title = diffWords(before?.title ?? '', after?.title ?? '');
  return {
    id: (after ?? before)!.id,
    change: changeOf(before, after, hasChanges(title)),
    moved,
    before: before ? { position: before.position, title: before.title } : null,
    after: after ? { position: after.position, title: after.title } : null,
    title,
  };
}

function changeOf(before: unknown, after: unknown, differs: boolean): ChangeKind {
  if (!before) return 'added';
  if (!after) return 'removed';
  return differs ? 'changed' : 'unchanged';
}

function headerOf({ id: _id, body: _body, text: _text, ...header }: SpeakerBlockRecord): BlockHeader {
  return header;
}

/**
 * Pair items by id and list them in `b`'s order, each removed item placed right after the item
 * that preceded it in `a` and survives in `b` (or first). Kept items that fall outside the longest
 * common ordering of ids are marked as moved.
 */
function matchById<T extends { id: string }, D>(
  a: readonly T[],
  b: readonly T[],
  compare: (before: T | null, after: T | null, moved: boolean) => D,
): D[] {
  const inA = new Map(a.map((x) => [x.id, x]));
  const inB = new Map(b.map((x) => [x.id, x]));
  const keptA = a.filter((x) => inB.has(x.id)).map((x) => x.id);
  const keptB = b.filter((x) => inA.has(x.id)).map((x) => x.id);
  const inOrder = new Set<string>();
  for (const run of diffSequence(keptA, keptB)) {
    if (run.op === 'equal') for (const id of keptA.slice(run.aStart, run.aStart + run.length)) inOrder.add(id);
  }

  // removed items grouped under the nearest earlier survivor (null: before every survivor)
  const removedAfter = new Map<string | null, T[]>();
  let anchor: string | null = null;
  for (const x of a) {
    if (inB.has(x.id)) anchor = x.id;
    else removedAfter.set(anchor, [...(removedAfter.get(anchor) ?? []), x]);
  }

  const out: D[] = [];
  const emitRemoved = (key: string | null) => {
    for (const x of removedAfter.get(key) ?? []) out.push(compare(x, null, false));
  };
  emitRemoved(null);
  for (const x of b) {
    const old = inA.get(x.id) ?? null;
    out.push(compare(old, x, old !== null && !inOrder.has(x.id)));
    if (old) emitRemoved(x.id);
  }
  return out;
}

function countOf(items: readonly { change: ChangeKind; moved: boolean }[]): ChangeCounts {
  const counts: ChangeCounts = { added: 0, removed: 0, changed: 0, unchanged: 0, moved: 0 };
  for (const item of items) {
    counts[item.change]++;
    if (item.moved) counts.moved++;
  }
  return counts;
}

function partText(part: BodyPart): string {
  return part.type === 'paragraph' ? part.text : part.items.join('\n');
}

function looseTextOf(record: RecordContent): string {
  return record.loose
    .map((l) => partText(l.part))
    .filter((t) => t.trim() !== '')
    .join('\n\n');
}
