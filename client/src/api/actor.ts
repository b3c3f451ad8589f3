/**
 * Who is acting, for the server's records (`x-rapporteur-user`: the author of a version, who
 * finalised). Header values are ISO-8859-1 bytes and fetch refuses anything beyond, so the name
 * is percent-encoded (UTF-8) and the server decodes it: "Łukasz" arrives as "Łukasz".
 */

/** The header to send with an editor's action (none for an empty name). */
export function actorHeaders(name: string): Record<string, string> {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are not names
  const value = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  return value ? { 'x-rapporteur-user': encodeURIComponent(value) } : {};
}
