/**
 * First pass of the importer: raw text into units, each a paragraph (one logical line) or a
 * bullet list. Blank lines separate paragraphs; lines wrapped inside a paragraph are joined
 * with a space unless a line starts something new (a speaker, a heading), as in records where
 * each statement is one line with no blank line between.
 */

/** A paragraph of text, or a bullet list's items. */
export type Unit = { type: 'text'; text: string } | { type: 'list'; items: string[] };

const BULLET = /^\s*[•◦▪▫·‣⁃●○■□\-*–]\s+(.*)$/;

/** Normalise line endings, odd spaces and invisible characters so patterns see plain text. */
export function normaliseText(raw: string): string {
  return (
    raw
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      // no-break and narrow spaces behave like spaces in a record ("UNODC.\u00a0 Today")
      .replace(/[\u00A0\u2007\u202F\u2000-\u200A\u3000\t]/g, ' ')
      .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
      // control characters (other than newline) have no place in a record and break XML exports
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
      .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, '')
  );
}

/** Split normalised text into units; `startsUnit` says whether a line begins a new paragraph. */
export function toUnits(text: string, startsUnit: (line: string) => boolean): Unit[] {
  const units: Unit[] = [];
  let para: string[] = [];
  let list: string[] | null = null;
  let lastWasBullet = false;

  const flushPara = () => {
    if (para.length) units.push({ type: 'text', text: para.join(' ') });
    para = [];
  };
  const flushList = () => {
    if (list?.length) units.push({ type: 'list', items: list });
    list = null;
  };

  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    const trimmed = line.trim();
    if (!trimmed) {
      flushPara();
      lastWasBullet = false;
      continue; // a list survives blank lines between its items
    }
    const bullet = line.match(BULLET);
    if (bullet && bullet[1]!.trim()) {
      flushPara();
      list ??= [];
      list.push(bullet[1]!.replace(/\s+/g, ' ').trim());
      lastWasBullet = true;
      continue;
    }
    if (list && lastWasBullet && /^\s{2,}/.test(line) && !startsUnit(trimmed)) {
      // an indented line right under an item continues that item
      list[list.length - 1] += ` ${trimmed.replace(/\s+/g, ' ')}`;
      continue;
    }
    flushList();
    lastWasBullet = false;
    if (para.length && startsUnit(trimmed)) flushPara();
    para.push(trimmed.replace(/\s+/g, ' '));
  }
  flushPara();
  flushList();
  return units;
}
