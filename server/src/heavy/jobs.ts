/**
 * The heavy jobs a worker thread runs and what each returns: the contract between the HTTP routes
 * (main thread) and worker.ts. Payloads are structured-cloned; every Uint8Array in a result owns
 * its whole buffer, so the worker can transfer it instead of copying it.
 */
import type { ExportFormat, ParsedRecord, RecordSummary } from '@rapporteur/shared/record';
import type { MinutesSession } from '../export/minutes.ts';
import type { ProjectionSnapshot } from '../projection/rows.ts';

/** Render an export of the document that `updates` rebuild. */
export interface ExportJob {
  kind: 'export';
  format: ExportFormat;
  session: MinutesSession;
  /** Yjs updates that together make the document (stored rows, or a snapshot and a diff). */
  updates: Uint8Array[];
  /** Also return the document's full state, for the caller's snapshot cache. */
  snapshot: boolean;
}

/** The rendered export, its body as bytes (UTF-8 for the text formats, as served before). */
export interface ExportResult {
  body: Uint8Array;
  contentType: string;
  filename: string;
  snapshot?: { update: Uint8Array; stateVector: Uint8Array };
}

/** A record to import: plain text to parse, or a record the preview parsed and the user corrected. */
export type ImportSource = { text: string; record?: undefined } | { record: ParsedRecord; text?: undefined };

/** Parse a plain-text record (or take a corrected one); with `build`, also build its session document. */
export type ImportJob = { kind: 'import'; build: boolean } & ImportSource;

/** The parse as the import API answers it, and (when built) the document and its projection. */
export interface ImportResult {
  title: string;
  summary: RecordSummary;
  /** `JSON.stringify(record)` as UTF-8, spliced into the response as it is. */
  recordJson: Uint8Array;
  /** Y.encodeStateAsUpdate of the new document. */
  update?: Uint8Array;
  /** The document's rows for search, with an empty sessionId the caller fills in. */
  projection?: ProjectionSnapshot;
}

/** Summarise a document state for a version (its content hash, blocks and words). */
export interface SummaryJob {
  kind: 'summary';
  state: Uint8Array;
}

export type HeavyJob = ExportJob | ImportJob | SummaryJob;

/** A job the worker refuses with a stable error code and HTTP status (a record over a limit). */
export class JobRefusal extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
