import { type BlockPartsCache, extractRecord } from '@rapporteur/shared/blocks';
import type * as Y from 'yjs';
import { type ProjectionSnapshot, toRows } from './rows.ts';
import { docState } from './version.ts';

/** What the projector needs of a room: its session and its live document. */
export interface ProjectionSource {
  readonly sessionId: string;
  readonly doc: Y.Doc;
}

/**
 * Read a document into rows, synchronously (so it can run just before the doc is destroyed). A
 * live room passes the cache that follows its document, so only changed blocks are read again.
 */
export function takeSnapshot(source: ProjectionSource, cache?: BlockPartsCache): ProjectionSnapshot {
  const { version, key } = docState(source.doc);
  return { sessionId: source.sessionId, version, stateKey: key, ...toRows(extractRecord(source.doc, cache)) };
}
