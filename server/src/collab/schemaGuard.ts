/**
 * Refuses updates that would put content outside the record schema into the room's document
 * (issue 12, item 7): elements with unknown node names, unknown attributes on known nodes (the
 * editor would drop them), text formats that are not marks of the schema or carry attributes the
 * mark lacks (y-prosemirror deletes the whole text then), and anything in the record that is
 * neither element nor text. Writes to the document's own metadata (schema version) are refused too:
 * only the server writes them.
 *
 * The check reads the decoded structs before anything is applied, in one pass: each struct's
 * parent is found through its parent id, or its left/right origin (the encoding names the parent
 * only for an item without origins), in the update itself or in the document. Only causally
 * complete updates reach it (causality.ts), so every reference resolves; a reference that still
 * does not (a garbage-collected item) leaves the struct to be garbage-collected as well.
 */
import { MAX_RECORD_DEPTH } from '@rapporteur/shared/protocol';
import { RECORD_FIELD } from '@rapporteur/shared/schema/field';
import { META_FIELD, SCHEMA_VERSION, SCHEMA_VERSION_KEY } from '@rapporteur/shared/schema/version';
import type { SchemaRules } from '@rapporteur/shared/schema';
import * as Y from 'yjs';
import type { DecodedUpdate } from './codec.ts';

// biome-ignore lint/suspicious/noExplicitAny: Yjs types are parametrised by their event type
type AnyType = Y.AbstractType<any>;

/** Where content sits: its top-level field, the kind of its parent, and the parent's node name. */
interface Place {
  root: string | null;
  kind: 'element' | 'text' | 'fragment' | 'other';
  name: string | null;
  depth: number;
}

/** A struct's place and, for a map entry (an attribute), its key. */
interface Slot {
  place: Place | null;
  key: string | null;
}

/** y-prosemirror names a mark that may overlap itself `name--<8 chars>`. */
const OVERLAPPING_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/;

class Resolver {
  private readonly local = new Map<number, Y.Item[]>();
  private readonly slots = new Map<Y.Item, Slot>();
  private readonly typePlaces = new Map<AnyType, Place>();
  private rootNames: Map<AnyType, string> | null = null;

  constructor(
    structs: DecodedUpdate['structs'],
    private readonly doc: Y.Doc,
  ) {
    for (const s of structs) {
      if (!(s instanceof Y.Item)) continue;
      const list = this.local.get(s.id.client);
      if (list) list.push(s);
      else this.local.set(s.id.client, [s]);
    }
  }

  /** The item of this update containing `id` (structs of one client come in clock order). */
  private findLocal(id: Y.ID): Y.Item | undefined {
    const list = this.local.get(id.client);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return undefined;
  }

  private findStored(id: Y.ID): Y.Item | undefined {
    try {
      const s = Y.getItem(this.doc.store, id);
      return s instanceof Y.Item ? s : undefined;
    } catch {
      return undefined;
    }
  }

  /** Where an item of this update goes. Origin chains are followed iteratively (they can be long). */
  slot(item: Y.Item, nesting = 0): Slot {
    const chain: Y.Item[] = [];
    let found: Slot | undefined;
    let cur: Y.Item = item;
    while (!found) {
      const memo = this.slots.get(cur);
      if (memo) {
        found = memo;
        break;
      }
      chain.push(cur);
      if (typeof cur.parent === 'string') {
        found = { place: this.rootPlace(cur.parent), key: cur.parentSub };
      } else if (cur.parent instanceof Y.ID) {
        found = { place: this.placeOfParentId(cur.parent, nesting), key: cur.parentSub };
      } else {
        const ref: Y.ID | null = cur.origin ?? cur.rightOrigin;
        const next: Y.Item | undefined = ref ? this.findLocal(ref) : undefined;
        if (next) {
          cur = next;
          continue;
        }
        const stored = ref ? this.findStored(ref) : undefined;
        found =
          stored && stored.parent instanceof Y.AbstractType
            ? { place: this.placeOfType(stored.parent), key: stored.parentSub }
            : { place: null, key: null };
      }
    }
    for (const c of chain) this.slots.set(c, found);
    return found;
  }

  private rootPlace(name: string): Place {
    return { root: name, kind: name === RECORD_FIELD ? 'fragment' : 'other', name: null, depth: 0 };
  }

  private placeOfParentId(id: Y.ID, nesting: number): Place | null {
    const local = this.findLocal(id);
    if (local) {
      if (!(local.content instanceof Y.ContentType)) return null;
      if (nesting > MAX_RECORD_DEPTH) throw new SchemaViolation('elements nested too deep');
      const outer = this.slot(local, nesting + 1).place;
      return outer ? { ...kindOf(local.content.type), root: outer.root, depth: outer.depth + 1 } : null;
    }
    const stored = this.findStored(id);
    return stored && stored.content instanceof Y.ContentType ? this.placeOfType(stored.content.type) : null;
  }

  private placeOfType(type: AnyType): Place {
    const memo = this.typePlaces.get(type);
    if (memo) return memo;
    let top = type;
    let depth = 0;
    while (top._item && top._item.parent instanceof Y.AbstractType) {
      top = top._item.parent;
      depth++;
    }
    const root = this.rootName(top);
    const place = { ...(depth === 0 ? this.rootPlace(root ?? '') : kindOf(type)), root, depth };
    this.typePlaces.set(type, place);
    return place;
  }

  private rootName(type: AnyType): string | null {
    if (!this.rootNames) {
      this.rootNames = new Map();
      for (const [name, t] of this.doc.share) this.rootNames.set(t, name);
    }
    return this.rootNames.get(type) ?? null;
  }
}

function kindOf(type: AnyType): Pick<Place, 'kind' | 'name'> {
  if (type instanceof Y.XmlElement) return { kind: 'element', name: type.nodeName };
  if (type instanceof Y.XmlText) return { kind: 'text', name: null };
  if (type instanceof Y.XmlFragment) return { kind: 'fragment', name: null };
  return { kind: 'other', name: null };
}

/** A schema-version entry no newer than this server's schema (what a server writes on load). */
function isServerVersionEntry(item: Y.Item, key: string | null): boolean {
  if (key !== SCHEMA_VERSION_KEY || !(item.content instanceof Y.ContentAny)) return false;
  const [value] = item.content.getContent();
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= SCHEMA_VERSION;
}

/** Why an update was refused (internal to the check). */
class SchemaViolation extends Error {}

function checkItem(item: Y.Item, slot: Slot, rules: SchemaRules): void {
  const { place, key } = slot;
  if (!place) return; // its parent is gone: Yjs garbage-collects it on arrival
  if (place.root === META_FIELD) {
    // a version entry that a server wrote (this one or an earlier load of the room) comes back
    // with every client's resync; accept it when it claims no newer schema than this server's
    if (isServerVersionEntry(item, key)) return;
    throw new SchemaViolation('only the server writes the document metadata');
  }
  if (place.root !== RECORD_FIELD) return;
  const content = item.content;
  if (content instanceof Y.ContentDeleted) return;
  if (key !== null) {
    if (content instanceof Y.ContentType) throw new SchemaViolation('an attribute value may not be a shared type');
    if (place.kind === 'element' && !rules.nodes.get(place.name ?? '')?.has(key)) {
      throw new SchemaViolation(`unknown attribute ${key} on ${place.name}`);
    }
    return;
  }
  if (place.kind === 'text') {
    if (content instanceof Y.ContentString) return;
    if (content instanceof Y.ContentFormat) {
      checkFormat(content, rules);
      return;
    }
    throw new SchemaViolation('text may hold only characters and marks');
  }
  if (place.kind === 'element' || place.kind === 'fragment') {
    if (place.depth >= MAX_RECORD_DEPTH) throw new SchemaViolation('elements nested too deep');
    if (content instanceof Y.ContentType) {
      const type = content.type;
      if (type instanceof Y.XmlText) return;
      if (type instanceof Y.XmlElement && rules.nodes.has(type.nodeName)) return;
      if (type instanceof Y.XmlElement) throw new SchemaViolation(`unknown node ${type.nodeName}`);
    }
    throw new SchemaViolation('the record may hold only elements and text');
  }
}

function checkFormat(format: Y.ContentFormat, rules: SchemaRules): void {
  if (format.value === null) return; // the end of a formatted run
  const name = OVERLAPPING_MARK.exec(format.key)?.[1] ?? format.key;
  const attrs = rules.marks.get(name);
  if (!attrs) throw new SchemaViolation(`unknown mark ${name}`);
  const value = format.value as unknown;
  if (typeof value !== 'object' || Array.isArray(value)) return;
  for (const attr of Object.keys(value as object)) {
    if (!attrs.has(attr)) throw new SchemaViolation(`unknown attribute ${attr} of mark ${name}`);
  }
}

/**
 * Why an update, about to be applied to `doc`, would put content outside the schema there
 * (or touch the document metadata), or null when it is within the schema. Linear in the update.
 */
export function schemaViolation(decoded: DecodedUpdate, doc: Y.Doc, rules: SchemaRules): string | null {
  try {
    const resolver = new Resolver(decoded.structs, doc);
    for (const s of decoded.structs) if (s instanceof Y.Item) checkItem(s, resolver.slot(s), rules);
    // deletes of the metadata are not refused: every client re-sends its whole delete set when it
    // syncs, and pages reloaded after a review or a finalise were closed by deletes the server
    // itself had made (browser tests of review and finalise). Writes stay refused (checkItem).
    return null;
  } catch (err) {
    if (err instanceof SchemaViolation) return err.message;
    throw err;
  }
}
