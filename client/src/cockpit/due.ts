/**
 * Due dates of action items: stored as ISO dates (YYYY-MM-DD), typed the way people write them in
 * a meeting: "2017-02-01", "1/2/2017" or "1.2.2017" (day first, as in UN documents), "1 Feb 2017",
 * "1 February". A text field rather than `type="date"`, whose parts capture Tab.
 */

import { isoDate as iso, MONTHS, monthNumber } from '@rapporteur/shared/dates';

/** Parse a typed due date; '' stays '' (no due date); null when unreadable. `now` gives the year when omitted. */
export function parseDue(text: string, now: Date = new Date()): string | null {
  const t = text.trim().toLowerCase();
  if (!t) return '';
  let m = t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = t.match(/^(\d{1,2})[./](\d{1,2})(?:[./](\d{2}|\d{4}))?$/);
  if (m) return iso(fullYear(m[3], now), Number(m[2]), Number(m[1]));
  m = t.match(/^(\d{1,2})\s+([a-z]{3,})\.?(?:\s+(\d{4}))?$/);
  if (m) {
    // "feb", "febr", "february" all read as February; "febx" does not
    const month = monthNumber(m[2]!, { prefix: true });
    if (!month) return null;
    return iso(fullYear(m[3], now), month, Number(m[1]));
  }
  return null;
}

function fullYear(y: string | undefined, now: Date): number {
  if (!y) return now.getFullYear();
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

/** "1 Feb 2017" for an ISO date; the input itself when it is not one. */
export function formatDue(isoDate: string): string {
  const m = isoDate.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return isoDate;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month[0]!.toUpperCase()}${month.slice(1, 3)} ${m[1]}` : isoDate;
}
