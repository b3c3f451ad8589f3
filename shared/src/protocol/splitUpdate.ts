/**
 * Split one large Yjs update into parts that can be applied one at a time (issue 17: opening a
 * 1,000-block record applied its 1.7 MB document, and rendered every block, in one task of
 * 200 ms or more).
 *
 * Each part is itself a valid update (format v1). Applied in order, the parts leave a document
 * equal to the one the whole update leaves; applied in any order they still converge, because
 * Yjs keeps what it cannot place yet until what it depends on arrives. A part holds, for every
 * client, one run of its structs in clock order, and the deletions that fall in that run.
 *
 * Where the parts are cut: each client's structs are shared out in proportion, so that part k
 * carries about the k-th slice of every client's history (the same stretch of the meeting), and
 * a cut is made only where a new item of a root type begins (a new block of the record). In a
 * record written block after block, a part then holds whole blocks: the reader never sees a
 * block without its header attributes or its statement.
 *
 * Yjs offers no such split, and decoding the update with `Y.decodeUpdate` to cut it turns every
 * text into a string first (as long as applying the whole update, which is what a reader
 * splitting it wants to avoid). So the update is scanned: the v1 format gives every struct's
 * ids, its parent when it has no neighbours, and the length of its content, so structs are found
 * without being decoded, and each part copies their bytes. The scan keeps a few numbers per struct
 * in columns, and whether an item belongs to a root type is worked out only near the cuts: a
 * page opening a record runs this once, before its code is optimised. The property tests check
 * the parts against the documents Yjs itself builds, for every kind of content.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** Kinds of struct: an item, a collected (deleted) range, a gap in the update. */
const ITEM = 0;
const COLLECTED = 1;
const GAP = 2;

/**
 * One client's structs in the update, in clock order, column by column (typed arrays: a 1.7 MB
 * record has some 20,000 structs, and a page scans them before its code is optimised).
 */
interface ClientStructs {
  client: number;
  /** clock[i]: the first clock of struct i; clock[n]: the clock after the last struct. */
  clock: Float64Array;
  /** start[i]: the byte offset of struct i in the update; start[n]: the byte after the last. */
  start: Float64Array;
  kind: Uint8Array;
  /** The id of the left neighbour, else of the right one; -1 when the item names its parent. */
  nextClient: Float64Array;
  nextClock: Float64Array;
  /** 1 when the item names its parent and that parent is a root type (by name). */
  rootParent: Uint8Array;
  /** Settled by `isRoot`: 0 not yet, 1 an item of a root type, 2 not. */
  root: Uint8Array;
}

interface DeleteRange {
  clock: number;
  len: number;
}

/** The v1 struct info's content reference (low 5 bits) of a collected struct and of a gap. */
const GC_REF = 0;
const SKIP_REF = 10;
/** Type references (ContentType) that carry a name: XML elements and hooks. */
const XML_ELEMENT = 3;
const XML_HOOK = 5;

const corrupt = () => new Error('not a Yjs update: it ends inside a struct');

/** Reads the v1 format's numbers and strings from a position, without making strings. */
class Scanner {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}

  uint(): number {
    let num = 0;
    let mult = 1;
    for (;;) {
      const b = this.bytes[this.pos++];
      if (b === undefined) throw corrupt();
      num += (b & 0x7f) * mult;
      if (b < 0x80) return num;
      mult *= 0x80;
      if (mult > Number.MAX_SAFE_INTEGER) throw new Error('not a Yjs update: a number too large');
    }
  }

  skip(n: number): void {
    this.pos += n;
    if (this.pos > this.bytes.length) throw corrupt();
  }

  skipString(): void {
    this.skip(this.uint());
  }

  /** The UTF-16 length of a string written as UTF-8 (a text item's clock length). */
  stringLength(): number {
    const n = this.uint();
    const end = this.pos + n;
    if (end > this.bytes.length) throw corrupt();
    let units = n;
    for (let i = this.pos; i < end; i++) {
      const b = this.bytes[i]!;
      if (b >= 0x80) {
        if (b < 0xc0)
          units--; // a continuation byte
        else if (b >= 0xf0) units++; // a 4-byte sequence is a surrogate pair
      }
    }
    this.pos = end;
    return units;
  }

  /** A value of lib0's `any` encoding (maps' values), read past with lib0 itself. */
  skipAny(): void {
    const d = decoding.createDecoder(this.bytes);
    d.pos = this.pos;
    decoding.readAny(d);
    this.pos = d.pos;
    if (this.pos > this.bytes.length) throw corrupt();
  }

  /** Read past an item's content (by its reference, as Yjs's readItemContent does); its clock length. */
  contentLength(ref: number): number {
    switch (ref) {
      case 1: // deleted
        return this.uint();
      case 2: {
        // JSON (old documents)
        const len = this.uint();
        for (let i = 0; i < len; i++) this.skipString();
        return len;
      }
      case 3: // binary
      case 5: // embed
        this.skipString();
        return 1;
      case 4: // string
        return this.stringLength();
      case 6: // format: key and value
        this.skipString();
        this.skipString();
        return 1;
      case 7: {
        // type
        const type = this.uint();
        if (type === XML_ELEMENT || type === XML_HOOK) this.skipString();
        return 1;
      }
      case 8: {
        // any
        const len = this.uint();
        for (let i = 0; i < len; i++) this.skipAny();
        return len;
      }
      case 9: // sub-document: guid and options
        this.skipString();
        this.skipAny();
        return 1;
      default:
        throw new Error(`not a Yjs update: unknown content ${ref}`);
    }
  }
}

/** Every struct of the update by client, and the deletions by client. */
function scan(update: Uint8Array): { byClient: Map<number, ClientStructs>; deleted: Map<number, DeleteRange[]> } {
  const s = new Scanner(update);
  const byClient = new Map<number, ClientStructs>();
  const runs = s.uint();
  for (let r = 0; r < runs; r++) {
    const count = s.uint();
    const client = s.uint();
    if (byClient.has(client)) throw new Error('not a Yjs update: a client written twice');
    let clock = s.uint();
    if (count > update.length) throw corrupt(); // every struct takes a byte at least
    const cs: ClientStructs = {
      client,
      clock: new Float64Array(count + 1),
      start: new Float64Array(count + 1),
      kind: new Uint8Array(count),
      nextClient: new Float64Array(count).fill(-1),
      nextClock: new Float64Array(count).fill(-1),
      rootParent: new Uint8Array(count),
      root: new Uint8Array(count),
    };
    for (let j = 0; j < count; j++) {
      cs.clock[j] = clock;
      cs.start[j] = s.pos;
      const info = s.bytes[s.pos++];
      if (info === undefined) throw corrupt();
      const ref = info & 0x1f;
      let length: number;
      if (ref === GC_REF || ref === SKIP_REF) {
        cs.kind[j] = ref === GC_REF ? COLLECTED : GAP;
        length = s.uint();
      } else {
        cs.kind[j] = ITEM;
        const hasLeft = (info & 0x80) !== 0;
        const hasRight = (info & 0x40) !== 0;
        if (hasLeft) {
          cs.nextClient[j] = s.uint();
          cs.nextClock[j] = s.uint();
        }
        if (hasRight) {
          const c = s.uint();
          const k = s.uint();
          if (!hasLeft) {
            cs.nextClient[j] = c;
            cs.nextClock[j] = k;
          }
        }
        if (!hasLeft && !hasRight) {
          if (s.uint() === 1) {
            cs.rootParent[j] = 1;
            s.skipString();
          } else {
            s.uint();
            s.uint();
          }
          if ((info & 0x20) !== 0) s.skipString(); // its key in a map
        }
        length = s.contentLength(ref);
      }
      clock += length;
    }
    cs.clock[count] = clock;
    cs.start[count] = s.pos;
    byClient.set(client, cs);
  }
  const deleted = new Map<number, DeleteRange[]>();
  const clients = s.uint();
  for (let c = 0; c < clients; c++) {
    const client = s.uint();
    const n = s.uint();
    const ranges: DeleteRange[] = [];
    for (let i = 0; i < n; i++) ranges.push({ clock: s.uint(), len: s.uint() });
    deleted.set(client, ranges);
  }
  return { byClient, deleted };
}

/** The index of the struct of `cs` that holds `clock`, by bisection; -1 when the update has none. */
function indexAt(cs: ClientStructs, clock: number): number {
  let lo = 0;
  let hi = cs.kind.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (clock < cs.clock[mid]!) hi = mid - 1;
    else if (clock >= cs.clock[mid + 1]!) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Whether an item the update does not carry, but the reader has, is an item of a root type
 * (`readerItems`); `false` when not known.
 */
export type KnownItems = (id: Y.ID) => boolean;

/** Nothing known beyond the update: a reader starting from an empty document. */
const nothingKnown: KnownItems = () => false;

/** The items of `doc` (the document the parts will be applied to), for `splitUpdate`. */
export function readerItems(doc: Y.Doc): KnownItems {
  return (id) => {
    const structs = doc.store.clients.get(id.client);
    if (!structs || id.clock >= Y.getState(doc.store, id.client)) return false;
    const s = structs[Y.findIndexSS(structs, id.clock)];
    return s instanceof Y.Item && s.parent instanceof Y.AbstractType && s.parent._item === null;
  };
}

/**
 * Whether struct `i` of `cs` is an item of a root type (a block of the record, an entry of a root
 * map). An item names its parent only when it has no neighbour; otherwise it shares the parent of
 * its left (or right) neighbour, which may be any client's. Chains of neighbours are as long as
 * the text typed, so they are followed with a loop, and every struct on the way is settled.
 */
function isRoot(byClient: Map<number, ClientStructs>, known: KnownItems, cs: ClientStructs, i: number): boolean {
  const chain: ClientStructs[] = [];
  const at: number[] = [];
  let c = cs;
  let j = i;
  let root = 2;
  for (;;) {
    if (c.root[j] !== 0) {
      root = c.root[j]!;
      break;
    }
    chain.push(c);
    at.push(j);
    if (c.kind[j] !== ITEM) break;
    const nextClient = c.nextClient[j]!;
    if (nextClient < 0) {
      root = c.rootParent[j] === 1 ? 1 : 2;
      break;
    }
    const nc = byClient.get(nextClient);
    const nj = nc ? indexAt(nc, c.nextClock[j]!) : -1;
    if (nc === undefined || nj < 0) {
      // a neighbour the update does not carry: the reader may know it
      root = known(Y.createID(nextClient, c.nextClock[j]!)) ? 1 : 2;
      break;
    }
    c = nc;
    j = nj;
  }
  for (let k = 0; k < chain.length; k++) chain[k]!.root[at[k]!] = root;
  return root === 1;
}

/**
 * Split points of one client's structs: an index per part boundary, from 0 to its struct count.
 * Part k ends where the client's share of `ends[k]` (bytes of the whole update) is reached, at
 * the next item of a root type.
 */
function cutsOf(cs: ClientStructs, ends: number[], total: number, root: (i: number) => boolean): number[] {
  const n = cs.kind.length;
  const own = cs.start[n]! - cs.start[0]!;
  const cuts = [0];
  let i = 0;
  for (let k = 0; k < ends.length - 1; k++) {
    const target = cs.start[0]! + (own * ends[k]!) / total;
    while (i < n && cs.start[i]! < target) i++;
    while (i < n && (i === cuts[cuts.length - 1] || !root(i))) i++;
    cuts.push(i);
  }
  cuts.push(n);
  return cuts;
}

/** The deletions of `ranges` that fall in [from, to), clipped to it. */
function deletionsIn(ranges: DeleteRange[], from: number, to: number): DeleteRange[] {
  const out: DeleteRange[] = [];
  for (const r of ranges) {
    const start = Math.max(r.clock, from);
    const end = Math.min(r.clock + r.len, to);
    if (start < end) out.push({ clock: start, len: end - start });
  }
  return out;
}

/** The deletions of `ranges` outside [from, to). */
function deletionsOutside(ranges: DeleteRange[], from: number, to: number): DeleteRange[] {
  return [...deletionsIn(ranges, 0, from), ...deletionsIn(ranges, to, Number.MAX_SAFE_INTEGER)];
}

/** Structs [from, to) of one client. */
interface Run {
  cs: ClientStructs;
  from: number;
  to: number;
}

/** One part: a run of structs per client (their bytes copied from the update), deletions per client. */
function encodePart(update: Uint8Array, runs: Run[], deletions: Map<number, DeleteRange[]>): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, runs.length);
  for (const { cs, from, to } of [...runs].sort((a, b) => b.cs.client - a.cs.client)) {
    encoding.writeVarUint(e, to - from);
    encoding.writeVarUint(e, cs.client);
    encoding.writeVarUint(e, cs.clock[from]!);
    encoding.writeUint8Array(e, update.subarray(cs.start[from], cs.start[to]));
  }
  const deleting = [...deletions.entries()].filter(([, r]) => r.length > 0).sort((a, b) => b[0] - a[0]);
  encoding.writeVarUint(e, deleting.length);
  for (const [client, ranges] of deleting) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, ranges.length);
    for (const r of ranges) {
      encoding.writeVarUint(e, r.clock);
      encoding.writeVarUint(e, r.len);
    }
  }
  return encoding.toUint8Array(e);
}

/**
 * Bytes of a part: one size for all, or a first part of its own size (what a reader shows first)
 * and then parts that double in size up to `rest`.
 */
export type PartSizes = number | { first: number; rest: number };

/**
 * Parts of about `size` bytes each (a part may be larger when one block is). `known` tells where
 * the update continues what the reader already has (a sync reply to a reader with an older copy:
 * `readerItems(doc)`); without it, such an update is cut only where it says itself that a new
 * root item begins. An update that fits in one part is returned as it is. Throws on bytes that
 * are not a v1 update.
 *
 * Each part is written when its function is called, so that a reader applying one part per task
 * also copies each part's bytes in the task that applies it.
 */
export function splitUpdate(
  update: Uint8Array,
  size: PartSizes,
  known: KnownItems = nothingKnown,
): Array<() => Uint8Array> {
  const whole = [() => update];
  const total = update.byteLength;
  const { first, rest } = typeof size === 'number' ? { first: size, rest: size } : size;
  if (total <= first) return whole;
  // where each part ends, in bytes of the whole update: a first part, then parts twice as large
  // as the one before, up to `rest` (the reader's first parts run code not yet optimised)
  const ends = [first];
  for (let part = first; ends[ends.length - 1]! < total; ) {
    part = Math.min(rest, part * 2);
    ends.push(Math.min(total, ends[ends.length - 1]! + part));
  }
  const { byClient, deleted } = scan(update);

  const parts = ends.map(() => ({ runs: [] as Run[], deletions: new Map<number, DeleteRange[]>() }));
  for (const cs of byClient.values()) {
    const n = cs.kind.length;
    if (n === 0) continue;
    const cuts = cutsOf(cs, ends, total, (i) => isRoot(byClient, known, cs, i));
    const ranges = deleted.get(cs.client) ?? [];
    for (let k = 0; k < parts.length; k++) {
      // a run must start and end on a struct, not on a gap
      let from = cuts[k]!;
      let to = cuts[k + 1]!;
      while (from < to && cs.kind[from] === GAP) from++;
      while (to > from && cs.kind[to - 1] === GAP) to--;
      if (from < to) parts[k]!.runs.push({ cs, from, to });
      // the part's whole stretch of clocks, gaps included, so that no deletion falls between parts
      const within = deletionsIn(ranges, cs.clock[cuts[k]!]!, cs.clock[cuts[k + 1]!]!);
      if (within.length > 0) parts[k]!.deletions.set(cs.client, within);
    }
    // deletions of what this update does not carry (the reader has it already) go first
    const outside = deletionsOutside(ranges, cs.clock[0]!, cs.clock[n]!);
    if (outside.length > 0) {
      const inFirst = parts[0]!.deletions.get(cs.client) ?? [];
      parts[0]!.deletions.set(
        cs.client,
        [...outside, ...inFirst].sort((a, b) => a.clock - b.clock),
      );
    }
  }
  for (const [client, ranges] of deleted) {
    if (!byClient.get(client)?.kind.length) parts[0]!.deletions.set(client, ranges);
  }
  const kept = parts.filter((p, k) => k === 0 || p.runs.length > 0 || p.deletions.size > 0);
  if (kept.length <= 1) return whole;
  return kept.map((p) => () => encodePart(update, p.runs, p.deletions));
}
