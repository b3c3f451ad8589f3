/**
 * What a heavy worker does with each job (runs inside the worker thread, never on the event
 * loop): rebuild a document and render an export, or parse a record, check its limits and build
 * its document. Returns the result and the buffers to transfer with it.
 */
import { parseText, summarise } from '@rapporteur/shared/record';
import * as Y from 'yjs';
import { renderExport } from '../export/index.ts';
import { takeSnapshot } from '../projection/snapshot.ts';
import { type StateSummary, summariseState } from '../versions/capture.ts';
import {
  type ExportJob,
  type ExportResult,
  type HeavyJob,
  type ImportJob,
  type ImportResult,
  JobRefusal,
} from './jobs.ts';
import { shared } from './docSnapshots.ts';
import { recordLimitBreach } from './recordLimits.ts';

const utf8 = new TextEncoder();

/** `bytes` as a view owning its whole buffer (transferable without detaching anything else). */
function owned(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

async function runExport(job: ExportJob): Promise<ExportResult> {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const update of job.updates) Y.applyUpdate(doc, update);
    });
    const rendered = await renderExport(job.format, job.session, doc);
    const body = typeof rendered.body === 'string' ? utf8.encode(rendered.body) : owned(rendered.body);
    // in shared memory: the main thread keeps it and sends it back with later jobs, never copied
    const snapshot = job.snapshot
      ? { update: shared(Y.encodeStateAsUpdate(doc)), stateVector: Y.encodeStateVector(doc) }
      : undefined;
    return { body, contentType: rendered.contentType, filename: rendered.filename, snapshot };
  } finally {
    doc.destroy();
  }
}

async function runImport(job: ImportJob): Promise<ImportResult> {
  const record = job.record ?? parseText(job.text);
  if (record.sections.length === 0) {
    throw new JobRefusal('bad_request', 400, 'no record found in the text: no statements, headings or paragraphs');
  }
  const breach = recordLimitBreach(record);
  if (breach) throw new JobRefusal(breach.code, 413, breach.message);
  const result: ImportResult = {
    title: record.title,
    summary: summarise(record),
    recordJson: utf8.encode(JSON.stringify(record)),
  };
  if (!job.build) return result;
  // the editor schema (Tiptap) is loaded on the first import, not when the worker starts
  const { recordToDoc } = await import('@rapporteur/shared/record/toDoc');
  const doc = recordToDoc(record);
  try {
    result.update = Y.encodeStateAsUpdate(doc);
    result.projection = takeSnapshot({ sessionId: '', doc });
  } finally {
    doc.destroy();
  }
  return result;
}

/** Run one job; the result's Uint8Arrays are listed in `transfer`. */
export async function runJob(
  job: HeavyJob,
): Promise<{ result: ExportResult | ImportResult | StateSummary; transfer: ArrayBuffer[] }> {
  if (job.kind === 'summary') return { result: summariseState(job.state), transfer: [] };
  if (job.kind === 'export') {
    const result = await runExport(job);
    return { result, transfer: [result.body.buffer as ArrayBuffer] };
  }
  const result = await runImport(job);
  const transfer = [result.recordJson, result.update].filter((b) => b !== undefined).map((b) => owned(b));
  [result.recordJson, result.update] = [transfer[0]!, transfer[1]];
  return { result, transfer: transfer.map((b) => b.buffer as ArrayBuffer) };
}
