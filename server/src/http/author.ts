import type { Context } from 'hono';

/** Header naming who acts (the author of a version, who finalised): UTF-8, percent-encoded. */
export const AUTHOR_HEADER = 'x-rapporteur-user';
const MAX_AUTHOR_LENGTH = 60;

/**
 * Who a change is by: the name the client gives, else `fallback` (the role of the link).
 * Header values are ISO-8859-1 bytes, so clients percent-encode names (encodeURIComponent);
 * a value that does not decode is taken as it is. Control characters are stripped.
 */
export function authorOf(c: Context, fallback: string): string {
  const raw = c.req.header(AUTHOR_HEADER) ?? '';
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // not percent-encoded (an older client, curl): use it as given
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are stripped from names
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  return Array.from(clean).slice(0, MAX_AUTHOR_LENGTH).join('') || fallback;
}
