/**
 * The one normal form every comparison of names uses (matching, uniqueness in the database,
 * "is this name known"): diacritics and case folded, punctuation read as a word break, a
 * leading "the" dropped. "Côte d'Ivoire" and "cote d ivoire" are the same key.
 */

/** Normalise a name or query for comparison. */
export function normaliseName(text: string): string {
  return (
    text
      .normalize('NFKD')
      // combining marks are what NFKD splits accents into
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      // "U.S." is "us", not "u s": dots between single letters belong to an abbreviation
      .replace(/\b(\p{L})\.(?=\p{L}\b)/gu, '$1')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .replace(/^the /, '')
  );
}

/** The words of a normalised name. */
export function nameWords(key: string): string[] {
  return key ? key.split(' ') : [];
}
