/** Escape LIKE wildcards so user input matches literally (used with `ESCAPE '\'`). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** An ILIKE pattern matching `value` anywhere, literally. */
export function containsPattern(value: string): string {
  return `%${escapeLike(value)}%`;
}
