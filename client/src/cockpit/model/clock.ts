/**
 * The meeting clock: a block's start as an offset from the session's start ("+1:12:05", for
 * finding the statement in the webcast later) and its duration, the gap to the next block's start.
 */

const pad = (n: number) => String(n).padStart(2, '0');

function parse(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** "1:12:05" for a number of seconds (hours unpadded, always shown). */
export function hms(totalSeconds: number): string {
  const s = Math.floor(Math.abs(totalSeconds));
  return `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

/** "+1:12:05" from the session's start to `at`; "−0:05:00" before it; '' when either is unknown. */
export function offsetLabel(sessionStart: string | null | undefined, at: string | null | undefined): string {
  const start = parse(sessionStart);
  const t = parse(at);
  if (start === null || t === null) return '';
  const seconds = Math.floor((t - start) / 1000);
  return `${seconds < 0 ? '−' : '+'}${hms(seconds)}`;
}

/** Seconds from `from` to `to`, or null when either is unknown or the order is reversed. */
export function durationSeconds(from: string | null | undefined, to: string | null | undefined): number | null {
  const a = parse(from);
  const b = parse(to);
  if (a === null || b === null || b < a) return null;
  return Math.floor((b - a) / 1000);
}

/** "4:10" (minutes:seconds) or "1:02:10" past an hour; '' for null. */
export function durationLabel(seconds: number | null): string {
  if (seconds === null) return '';
  return seconds < 3600 ? `${Math.floor(seconds / 60)}:${pad(seconds % 60)}` : hms(seconds);
}

/** "4 min 10 s" for a title attribute (screen readers read it better than 4:10). */
export function durationWords(seconds: number | null): string {
  if (seconds === null) return '';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor(seconds / 60) % 60;
  const s = seconds % 60;
  return [h && `${h} h`, (h || m) && `${m} min`, `${s} s`].filter(Boolean).join(' ');
}
