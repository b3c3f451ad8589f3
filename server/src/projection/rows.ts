import { createHash } from 'node:crypto';
import type { RecordContent } from '@rapporteur/shared/blocks';

/** One `speaker_blocks` row as the projector writes it (columns in camelCase). */
export interface BlockRow {
  blockId: string;
  position: number;
  agendaItemId: string | null;
  speaker: string;
  affiliation: string;
  onBehalfOf: string;
  kind: string;
  startedAt: string;
  /** `startedAt` as an ISO instant when it is a full ISO date-time, else null. */
  startedTs: string | null;
  status: string;
  /** Who set the status and when (ISO), as the block's attributes hold them ('' when unset). */
  statusBy: string;
  statusAt: string;
  text: string;
  wordCount: number;
}

/** One `agenda_items` row. */
export interface ItemRow {
  itemId: string;
  position: number;
  title: string;
}

/** A document state reduced to the rows that represent it, with the version it was taken at. */
export interface ProjectionSnapshot {
  sessionId: string;
  version: number;
  /** Names the exact state the rows were taken from (version.ts, docState). */
  stateKey: string;
  blocks: BlockRow[];
  items: ItemRow[];
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant a `startedAt` attribute names, or null for anything that is not an ISO date-time. */
export function parseStartedAt(value: string): string | null {
  if (!ISO_DATE_TIME.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Make a document string storable: Postgres text cannot hold NUL, and JSON with a lone surrogate
 * escape is rejected. Any client can put either into a document; dropping them here keeps one
 * hostile character from failing every projection of the session.
 */
export function storable(s: string): string {
  return s.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD');
}

/** Ids longer than this are shortened: they are primary keys, and btree entries are bounded. */
export const MAX_ID_LENGTH = 200;

/**
 * Storable, bounded, unique ids. extractRecord already makes ids unique, but making them storable
 * could merge two (`a` and `a` + NUL), and an upsert may not touch one row twice.
 */
function idMapper(): (raw: string) => string {
  const used = new Set<string>();
  return (raw) => {
    let id = storable(raw);
    if (id.length > MAX_ID_LENGTH) id = `${id.slice(0, 100)}~${createHash('sha256').update(id).digest('hex')}`;
    for (let n = 2; used.has(id); n++) id = `${storable(raw).slice(0, 100)}~${n}`;
    used.add(id);
    return id;
  };
}

/** The rows that represent an extracted record. */
export function toRows(record: RecordContent): { blocks: BlockRow[]; items: ItemRow[] } {
  const itemId = new Map<string, string>();
  const mapItem = idMapper();
  const items = record.agendaItems.map((a) => {
    const id = mapItem(a.id);
    itemId.set(a.id, id);
    return { itemId: id, position: a.position, title: storable(a.title) };
  });
  const mapBlock = idMapper();
  const blocks = record.blocks.map((b) => ({
    blockId: mapBlock(b.id),
    position: b.position,
    agendaItemId: b.agendaItemId === null ? null : (itemId.get(b.agendaItemId) ?? null),
    speaker: storable(b.speaker),
    affiliation: storable(b.affiliation),
    onBehalfOf: storable(b.onBehalfOf),
    kind: b.kind,
    startedAt: storable(b.startedAt),
    startedTs: parseStartedAt(b.startedAt),
    status: b.status,
    statusBy: storable(b.statusBy),
    statusAt: storable(b.statusAt),
    text: storable(b.text),
    wordCount: b.wordCount,
  }));
  return { blocks, items };
}
