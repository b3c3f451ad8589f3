/**
 * The record's schema version and where the document keeps it. The server writes the version it
 * runs into every document it loads (never lowering it), and refuses clients' writes to that
 * field; a client whose version is older than the document's opens it read-only, because
 * y-prosemirror silently deletes content its schema cannot hold (issue 12).
 * Kept apart from the extension list so readers of documents need not load the editor.
 */
import type * as Y from 'yjs';

/** Raise this whenever a node, attribute or mark is added to or removed from the record schema. */
export const SCHEMA_VERSION = 1;

/** The Y.Map holding metadata about the document itself; only the server writes it. */
export const META_FIELD = 'meta';

/** The key in META_FIELD holding the schema version the document was written with. */
export const SCHEMA_VERSION_KEY = 'schemaVersion';

/** The schema version a document records (0 when it records none, or nothing sensible). */
export function documentSchemaVersion(doc: Y.Doc): number {
  const v = doc.getMap(META_FIELD).get(SCHEMA_VERSION_KEY);
  return typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : 0;
}

/**
 * Record in `doc` that it is written with this schema version, unless it records one as new; true
 * when it wrote. Documents are stamped where they are made (an import) as well as when a room
 * loads them: an import left unstamped was changed by its first load, and that change alone made
 * the room re-project every block of the record on the event loop.
 */
export function stampSchemaVersion(doc: Y.Doc, origin: unknown = 'schema-version'): boolean {
  if (documentSchemaVersion(doc) >= SCHEMA_VERSION) return false;
  doc.transact(() => doc.getMap(META_FIELD).set(SCHEMA_VERSION_KEY, SCHEMA_VERSION), origin);
  return true;
}

/** True when the document was written with a newer schema than `ours` (open it read-only). */
export function writtenByNewerSchema(doc: Y.Doc, ours: number = SCHEMA_VERSION): boolean {
  return documentSchemaVersion(doc) > ours;
}
