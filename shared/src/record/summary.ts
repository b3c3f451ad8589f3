import { isoDate, monthNumber } from '../dates.ts';
import type { ParsedRecord } from './types.ts';

/** Counts shown in an import preview and returned by the import API. */
export interface RecordSummary {
  title: string;
  sections: number;
  blocks: number;
  paragraphs: number;
  /** Distinct speakers in order of first appearance. */
  speakers: string[];
  /** A meeting date found in the title (YYYY-MM-DD), or null. */
  date: string | null;
}

/** A date written in a title ("24 January 2017", "January 24, 2017", "2017-01-24"), as YYYY-MM-DD. */
export function detectDate(text: string): string | null {
  const iso = text.match(/\b(\d{4})-(\d{2})-(\d{2})\b/);
  const dmy = text.match(/\b(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\b/);
  const mdy = text.match(/\b([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})\b/);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (dmy && monthNumber(dmy[2]!)) return isoDate(Number(dmy[3]), monthNumber(dmy[2]!), Number(dmy[1]));
  if (mdy && monthNumber(mdy[1]!)) return isoDate(Number(mdy[3]), monthNumber(mdy[1]!), Number(mdy[2]));
  return null;
}

/** Summarise a parsed record for a preview. */
export function summarise(record: ParsedRecord): RecordSummary {
  const blocks = record.sections.flatMap((s) => s.blocks).filter((b) => b.speaker !== '');
  return {
    title: record.title,
    sections: record.sections.length,
    blocks: blocks.length,
    paragraphs: record.sections.reduce((n, s) => n + s.blocks.reduce((k, b) => k + b.paragraphs.length, 0), 0),
    speakers: [...new Set(blocks.map((b) => b.speaker))],
    date: detectDate(record.title),
  };
}
