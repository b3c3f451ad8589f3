/**
 * Whether the open document was written by a newer schema than this client's (issue 12, item 7).
 * y-prosemirror deletes whatever its schema cannot hold, for everyone, the moment it renders it;
 * so a client older than the document must not let its editor render the record at all. The gate
 * observes the document's metadata map directly: Yjs calls a type's own observers before any deep
 * observer (y-prosemirror's binding is one), so listeners hear of a newer version before the
 * editor sees the newer content arriving in the same update, and can unbind it first
 * (schemaGateExtension.ts). The gate itself needs no editor code: the record opens before the
 * editor's code has loaded (openedAhead.ts).
 */
import { META_FIELD, SCHEMA_VERSION, writtenByNewerSchema } from '@rapporteur/shared/schema/version';
import type * as Y from 'yjs';

/** The schema version the open document records, compared with ours, as it changes. */
export class SchemaGate {
  private readonly listeners = new Set<() => void>();
  private readonly meta: Y.Map<unknown>;
  private newerFlag: boolean;

  constructor(
    private readonly doc: Y.Doc,
    private readonly ours: number = SCHEMA_VERSION,
  ) {
    this.meta = doc.getMap(META_FIELD);
    this.newerFlag = writtenByNewerSchema(doc, ours);
    this.meta.observe(this.onMeta);
  }

  /** True once the document records a schema newer than this client's. */
  get newer(): boolean {
    return this.newerFlag;
  }

  /** Call `listener` synchronously when the document turns out newer; returns the unsubscribe. */
  onNewer(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stop observing. */
  destroy(): void {
    this.meta.unobserve(this.onMeta);
    this.listeners.clear();
  }

  private readonly onMeta = (): void => {
    if (this.newerFlag || !writtenByNewerSchema(this.doc, this.ours)) return;
    this.newerFlag = true;
    for (const l of [...this.listeners]) l();
  };
}
