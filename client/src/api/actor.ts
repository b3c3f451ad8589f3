/**
 * Who is acting, for the server's records (`x-rapporteur-user`: the author of a version, who
 * finalised). HTTP header values are bytes read as ISO-8859-1, and fetch throws on any character
 * beyond it, so such letters are reduced to their base letter where Unicode knows one (Ł has
 * none and becomes "?"): a name shown slightly wrong beats a request that never leaves.
 */

function headerSafe(ch: string): string {
  if (ch.codePointAt(0)! <= 0xff) return ch;
  const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
  return /^[\u0020-\u00ff]+$/.test(base) ? base : '?';
}

/** The header to send with an editor's action (none for an empty name). */
export function actorHeaders(name: string): Record<string, string> {
  const value = Array.from(name, headerSafe)
    .join('')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are not allowed in headers
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .trim();
  return value ? { 'x-rapporteur-user': value } : {};
}
