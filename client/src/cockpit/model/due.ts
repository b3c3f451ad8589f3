/**
 * Due dates of action items: stored as ISO dates (YYYY-MM-DD), typed the way people write them in
 * a meeting: "2017-02-01", "1/2/2017" or "1.2.2017" (day first, as in UN documents), "1 Feb 2017",
 * "1 February", "Feb 1", and phrases relative to today: "today", "tomorrow", "in 3 days",
 * "in 2 weeks", "next week", "Friday" / "next Friday" (the first Friday after today). A text
 * field rather than `type="date"`, whose parts capture Tab.
 */

import { isoDate as iso, MONTHS, monthNumber } from '@rapporteur/shared/dates';

/** What the field accepts, said beside it when it cannot read what was typed. */
export const DUE_FORMATS_HINT = 'Try “next Friday”, “tomorrow”, “in 3 days”, “12 Dec” or 2017-12-12.';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** The local calendar day `days` after `now`, as an ISO date. */
function daysAfter(now: Date, days: number): string | null {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return iso(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** "today", "tomorrow", "in 3 days", "in 2 weeks", "next week", "friday", "next fri": null when not one. */
function parseRelative(t: string, now: Date): string | null {
  if (t === 'today') return daysAfter(now, 0);
  if (t === 'tomorrow') return daysAfter(now, 1);
  if (t === 'next week') return daysAfter(now, 7);
  let m = t.match(/^in\s+(\d{1,3}|a|one)\s+(day|days|week|weeks)$/);
  if (m) {
    const n = /^\d/.test(m[1]!) ? Number(m[1]) : 1;
    return daysAfter(now, m[2]!.startsWith('week') ? n * 7 : n);
  }
  m = t.match(/^(?:next\s+|this\s+|on\s+)?([a-z]{3,9})\.?$/);
  if (m) {
    const day = WEEKDAYS.findIndex((w) => w.startsWith(m![1]!));
    if (day < 0) return null;
    // the first such day after today: on a Friday, "Friday" means a week later, not today
    const ahead = (day - now.getDay() + 7) % 7 || 7;
    return daysAfter(now, ahead);
  }
  return null;
}

/** Parse a typed due date; '' stays '' (no due date); null when unreadable. `now` gives the year when omitted. */
export function parseDue(text: string, now: Date = new Date()): string | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!t) return '';
  const relative = parseRelative(t, now);
  if (relative) return relative;
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
  m = t.match(/^([a-z]{3,})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$/); // "Dec 12", "December 12, 2017"
  if (m) {
    const month = monthNumber(m[1]!, { prefix: true });
    if (!month) return null;
    return iso(fullYear(m[3], now), month, Number(m[2]));
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
