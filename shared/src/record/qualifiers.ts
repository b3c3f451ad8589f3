/**
 * Qualifiers: what a record says about a statement right after the speaker's name ("(right of
 * reply)", "speaking in exercise of the right of reply", "(spoke in Spanish)", "(continued)",
 * "(Observer)", "(Secretariat)"). They are attributes of the block, never part of the name.
 */

/** Phrasings of the right of reply at the end of a head, with or without brackets. */
const RIGHT_OF_REPLY =
  /[,\s–-]*\(?\s*(?:(?:speaking\s+)?in (?:the )?exercise of (?:its |his |her |the )?|(?:speaking\s+)?in |on )?(?:a |the )?right of reply\s*\)?$/i;

/** Bracketed words that qualify a statement rather than name its speaker's organisation. */
const KNOWN_QUALIFIER =
  /^(?:continued|cont(?:'d|\.|inued)?|observer|secretariat|spoke in [\p{L} ]{2,30}|speaking in [\p{L}]{2,20}|interpretation from [\p{L}]{2,20}|(?:via|by) video(?:[- ]?(?:link|message|conference))?|video(?:[- ]?message)?|online|remotely|virtual(?:ly)?|(?:first|second|third|further) (?:intervention|statement)|(?:in (?:his|her|their) )?(?:personal|national) capacity)$/iu;

/** Whether the text inside brackets is a qualifier: a known one, or anything in lower case. */
export function isQualifier(inner: string): boolean {
  const t = inner.trim();
  return KNOWN_QUALIFIER.test(t) || /^[a-z]/.test(t);
}

/**
 * Peel qualifiers off the end of a head, in the order written: "Brazil (right of reply)" →
 * head "Brazil", ["right of reply"]. Stops at a bracket that is not a qualifier ("(Ghana)",
 * "(HRI)"), which the caller reads as part of the name or as an affiliation.
 */
export function splitQualifiers(text: string): { head: string; qualifiers: string[] } {
  let head = text.trim();
  const qualifiers: string[] = [];
  for (let guard = 0; guard < 6; guard++) {
    if (RIGHT_OF_REPLY.test(head)) {
      const rest = head.replace(RIGHT_OF_REPLY, '').trim();
      if (!rest) break;
      qualifiers.unshift('right of reply');
      head = rest;
      continue;
    }
    const m = head.match(/^(.*?\S)\s*\(([^()]{1,80})\)$/);
    if (!m || !isQualifier(m[2]!)) break;
    qualifiers.unshift(m[2]!.replace(/\s+/g, ' ').trim());
    head = m[1]!.trim();
  }
  return { head, qualifiers };
}

/** The qualifiers as they are written after a name: " (right of reply) (spoke in Spanish)". */
export function qualifierSuffix(qualifiers: readonly string[] | undefined): string {
  return (qualifiers ?? []).map((q) => ` (${q})`).join('');
}
