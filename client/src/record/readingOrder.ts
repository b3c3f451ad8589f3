/**
 * A record's parts in reading order, for read-only display (observer view, versions). The
 * extracted record keeps agenda items, speaker blocks and loose text in separate lists; the
 * document's sequence of top-level kinds, when known, interleaves them exactly. Without it
 * (a stored version), each agenda item shows its loose text, then its speaker blocks.
 */
import type { AgendaItemRecord, BodyPart, SpeakerBlockRecord } from '@rapporteur/shared/blocks';

/** What the display needs of a speaker block (extracted live, or stored in a version). */
export type ReadableBlock = Pick<
  SpeakerBlockRecord,
  'id' | 'agendaItemId' | 'speaker' | 'affiliation' | 'onBehalfOf' | 'kind' | 'startedAt' | 'status' | 'body'
> & { statusBy?: string; statusAt?: string };

/** A record as the display reads it. */
export interface ReadableRecord {
  agendaItems: AgendaItemRecord[];
  blocks: ReadableBlock[];
  loose: { agendaItemId: string | null; part: BodyPart }[];
}

/** The kind of each top-level node of a document that the extraction keeps, in document order. */
export type NodeKind = 'agenda' | 'block' | 'loose';

/** One thing to show, with a key stable across re-renders. */
export type RecordEntry =
  | { kind: 'agenda'; key: string; item: AgendaItemRecord }
  | { kind: 'block'; key: string; block: ReadableBlock }
  | { kind: 'loose'; key: string; part: BodyPart };

/** The entries of `record` in reading order (`sequence` from the document, when there is one). */
export function readingOrder(record: ReadableRecord, sequence?: readonly NodeKind[]): RecordEntry[] {
  return sequence && fits(record, sequence) ? bySequence(record, sequence) : bySection(record);
}

function fits(record: ReadableRecord, sequence: readonly NodeKind[]): boolean {
  const count = (k: NodeKind) => sequence.filter((s) => s === k).length;
  return (
    count('agenda') === record.agendaItems.length &&
    count('block') === record.blocks.length &&
    count('loose') === record.loose.length
  );
}

function bySequence(record: ReadableRecord, sequence: readonly NodeKind[]): RecordEntry[] {
  let a = 0;
  let b = 0;
  let l = 0;
  return sequence.map((kind): RecordEntry => {
    if (kind === 'agenda') {
      const item = record.agendaItems[a++]!;
      return { kind, key: `a:${item.id}`, item };
    }
    if (kind === 'block') {
      const block = record.blocks[b++]!;
      return { kind, key: `b:${block.id}`, block };
    }
    // loose text has no id: its index among the loose parts is the best key there is
    return { kind, key: `l:${l}`, part: record.loose[l++]!.part };
  });
}

function bySection(record: ReadableRecord): RecordEntry[] {
  const out: RecordEntry[] = [];
  const section = (agendaItemId: string | null) => {
    record.loose.forEach((l, i) => {
      if (l.agendaItemId === agendaItemId) out.push({ kind: 'loose', key: `l:${i}`, part: l.part });
    });
    for (const block of record.blocks) {
      if (block.agendaItemId === agendaItemId) out.push({ kind: 'block', key: `b:${block.id}`, block });
    }
  };
  section(null);
  for (const item of record.agendaItems) {
    out.push({ kind: 'agenda', key: `a:${item.id}`, item });
    section(item.id);
  }
  return out;
}
