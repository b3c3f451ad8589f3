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

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** A date written in a title ("24 January 2017", "January 24, 2017", "2017-01-24"), as YYYY-MM-DD. */
export function detectDate(text: string): string | null {
  const iso = text.match(/\b(\d{4})-(\d{2})-(\d{2})\b/);
  const dmy = text.match(/\b(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\b/);
  const mdy = text.match(/\b([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})\b/);
  let y: number;
  let m: number;
  let d: number;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy && MONTHS.includes(dmy[2]!.toLowerCase()))
    [y, m, d] = [Number(dmy[3]), MONTHS.indexOf(dmy[2]!.toLowerCase()) + 1, Number(dmy[1])];
  else if (mdy && MONTHS.includes(mdy[1]!.toLowerCase()))
    [y, m, d] = [Number(mdy[3]), MONTHS.indexOf(mdy[1]!.toLowerCase()) + 1, Number(mdy[2])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  // reject 31 February and the like rather than rolling over into the next month
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
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
