/**
 * The presence colours: one fixed palette that the client offers and the server assigns from, so
 * that no two people in a room share a colour. Six-digit hex only (the collaboration caret
 * extension rejects anything else), all dark enough for white label text (WCAG AA at 12px bold).
 */

/** Caret and presence colours, in the order the server hands out free ones. */
export const PRESENCE_COLOURS = [
  '#1f6feb', // blue
  '#c62828', // red
  '#2e7d32', // green
  '#6a1b9a', // purple
  '#b45309', // amber
  '#00838f', // teal
  '#ad1457', // pink
  '#455a64', // slate
  '#795548', // brown
  '#827717', // olive
] as const;

/** The colour of a presence whose colour is unknown or unusable. */
export const FALLBACK_PRESENCE_COLOUR = '#6b7280';

/** Whether `value` is a colour the caret extension accepts (`#` and six hex digits). */
export function isPresenceColour(value: unknown): value is string {
  return typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value);
}
