/** Display formats shared by the pages (the user's locale, the user's time zone). */

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "24 Jan 2017, 10:00" for an ISO timestamp; the raw text when it does not parse. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

/** Session status as a word a person would use. */
export function statusLabel(status: string): string {
  return status === 'live' ? 'In progress' : status === 'review' ? 'In review' : status === 'final' ? 'Final' : status;
}
