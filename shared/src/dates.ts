/** Calendar helpers shared by the importer (dates in titles) and the cockpit (due dates). */

/** English month names, lower case, January first. */
export const MONTHS = [
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
] as const;

/** The month (1-12) a word names in full or abbreviated ("feb", "febr", "February"), or 0. */
export function monthNumber(word: string, opts: { prefix?: boolean } = {}): number {
  const w = word.toLowerCase();
  const i = MONTHS.findIndex((name) => (opts.prefix ? w.length >= 3 && name.startsWith(w) : name === w));
  return i + 1;
}

/**
 * YYYY-MM-DD for a calendar date, or null when there is no such day: 31 February and the like
 * are rejected rather than rolled over into the next month as Date would.
 */
export function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
