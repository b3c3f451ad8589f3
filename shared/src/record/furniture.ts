/**
 * Lines that are not the record: web-page furniture around a published record ("Home » ...",
 * share buttons, the comment form) and the headings that divide a meeting into parts.
 */

/** A line after which everything is the page's comment form, not the record. */
const COMMENT_FORM_START =
  /^(leave a (reply|comment)|\d+ (responses?|comments?)( to .*)?|(responses?|comments?)|post navigation)$/i;

/** Single lines of page furniture, dropped wherever they appear. */
const FURNITURE = [
  /^your email address will not be published/i,
  /^required fields are marked/i,
  /^(cancel reply|post comment|submit comment|log in to reply|reply)$/i,
  /^(name|email|website|comment)\s*\*?$/i,
  /^save my name, email, and website/i,
  /^(share this|like this|related|print|print this page|skip to (main )?content|back to top)\s*:?$/i,
  /^(share|tweet|email|facebook|twitter|linkedin|whatsapp|print)(\s*[|•·]\s*(share|tweet|email|facebook|twitter|linkedin|whatsapp|print))+$/i,
  /^(previous|next) (post|article)\b/i,
  /^(posted|published) (on|in|by) /i,
  /^(tags|tagged|categories|filed under)\s*:/i,
  /^(loading|advertisements?)\.*$/i,
];

/** Whether a line marks the start of the comment form (stop reading there). */
export function isCommentFormStart(line: string): boolean {
  return COMMENT_FORM_START.test(line.trim());
}

/** Whether a line is page furniture to drop. */
export function isFurniture(line: string): boolean {
  if (line.length > 400) return false;
  const t = line.trim();
  return FURNITURE.some((re) => re.test(t));
}

/** The title carried by a breadcrumb line "Home » Title", or null. */
export function readBreadcrumbTitle(line: string): string | null {
  const m = line.trim().match(/^home\s*(?:»|>|›|\/|\|)\s*(.+)$/i);
  if (!m) return null;
  // a deeper breadcrumb ("Home » News » Title") ends with the page's own title
  const parts = m[1]!.split(/\s+[»›]\s+/);
  return parts[parts.length - 1]!.trim() || null;
}

const AGENDA = /^(?:agenda\s+)?item\s+\d+[a-z]?\b/i;
const PART_OF_DAY =
  /^(?:morning|afternoon|evening|opening|closing|high-level|plenary|general|thematic)\s+(?:session|segment|debate|remarks|statements?|discussion|meeting|sitting)\b/i;
const NUMBERED_PART = /^(?:session|panel|segment|part|day|round)\s+(?:\d+|[IVX]+|one|two|three|four|five)\b/i;

/** An explicit heading ("Agenda item 3 ...", "MORNING SESSION" style phrases, "## Panel 2"), or null. */
export function readExplicitHeading(line: string): string | null {
  if (line.length > 600) return null; // headings are short; skip the work on long paragraphs
  const t = line.replace(/\s+/g, ' ').trim();
  if (!t || t.length > 300) return null;
  const md = t.match(/^#{1,6}\s+(.+)$/);
  if (md) return md[1]!.trim();
  const n = t.split(' ').length;
  if ((AGENDA.test(t) || NUMBERED_PART.test(t)) && n <= 30) return t.replace(/:$/, '');
  if (PART_OF_DAY.test(t) && n <= 12 && !/\.\s/.test(t)) return t.replace(/[:.]$/, '');
  return null;
}

/**
 * A line in capitals of two words or more ("MORNING SESSION", "CLOSING REMARKS"), or null.
 * Weaker than a speaker opener: "UNITED STATES: WE SUPPORT ..." is a statement.
 */
export function readCapsHeading(line: string): string | null {
  if (line.length > 400) return null;
  const t = line.replace(/\s+/g, ' ').trim();
  if (!t || t.length > 200) return null;
  const ws = t.split(' ');
  const letters = t.replace(/[^\p{L}]/gu, '');
  if (ws.length < 2 || ws.length > 15 || letters.length < 4 || letters !== letters.toUpperCase()) return null;
  if (!/\p{Lu}/u.test(letters)) return null;
  return t.replace(/[:.]$/, '');
}

/**
 * A procedural note of a summary record ("The meeting was called to order at 10.05 a.m.", "The
 * meeting rose at 1 p.m."): part of the record, but nobody's statement.
 */
export function isProceduralNote(line: string): boolean {
  if (line.length > 240) return false;
  return (
    /^(?:the )?(?:meeting|session|sitting) (?:was (?:called to order|opened|suspended|resumed|adjourned|closed)|(?:opened|rose|resumed|adjourned|closed|was reconvened)\b)/i.test(
      line.trim(),
    ) || /^the discussion covered in the summary record (?:began|ended|started)\b/i.test(line.trim())
  );
}
