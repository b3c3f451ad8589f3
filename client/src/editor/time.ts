/**
 * Start times of speaker blocks: stored as ISO instants, shown and typed as HH:MM in the
 * note-taker's local time (the meeting room's clock).
 */

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "14:05" for an ISO instant; empty when there is none or it does not parse. */
export function formatClock(iso: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Parse what a note-taker types for a time: "14:05", "14.05", "14h05", "1405", "9:5" is not
 * accepted (ambiguous), "9:05" is. Returns [hours, minutes] or null.
 */
export function parseClock(text: string): [number, number] | null {
  const m = text.trim().match(/^(\d{1,2})(?:[:.h]?)(\d{2})$/i);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? [h, min] : null;
}

/**
 * The instant at `clock` on the same local day as `base` (or as `now` when the block has no
 * time yet), so correcting "10:32" to "10:30" never moves a statement to another day.
 */
export function withClock(base: string, clock: [number, number], now: Date = new Date()): string {
  const parsed = base ? new Date(base) : null;
  const d = parsed && !Number.isNaN(parsed.getTime()) ? parsed : new Date(now);
  d.setHours(clock[0], clock[1], 0, 0);
  return d.toISOString();
}
