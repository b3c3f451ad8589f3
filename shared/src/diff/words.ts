import { diffSequence } from './sequence.ts';

/** A piece of text kept, removed or added. */
export interface TextSegment {
  op: 'equal' | 'delete' | 'insert';
  text: string;
}

/** Words (letters and digits, with inner apostrophes), whitespace runs, and single other characters. */
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|\s+|[^\s\p{L}\p{N}]/gu;

/** Split text into word, space and punctuation tokens; joining them gives the text back. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * Word-level diff of two texts, as segments that spell `before` when the inserts are dropped and
 * `after` when the deletes are. Within each changed stretch, deletions come before insertions,
 * and a lone space between two changes is folded into them so a reader sees "the quick → a slow"
 * rather than word-by-word confetti.
 */
export function diffWords(before: string, after: string): TextSegment[] {
  const a = tokenize(before);
  const b = tokenize(after);
  const raw: TextSegment[] = diffSequence(a, b).map((run) => {
    const from =
      run.op === 'insert' ? b.slice(run.bStart, run.bStart + run.length) : a.slice(run.aStart, run.aStart + run.length);
    return { op: run.op, text: from.join('') };
  });
  return coalesce(absorbSpaces(raw));
}

/** Turn whitespace-only kept segments lying between two changes into a deletion plus an insertion. */
function absorbSpaces(segments: TextSegment[]): TextSegment[] {
  const out: TextSegment[] = [];
  segments.forEach((s, i) => {
    const between =
      i > 0 && i < segments.length - 1 && segments[i - 1]!.op !== 'equal' && segments[i + 1]!.op !== 'equal';
    if (s.op === 'equal' && between && /^\s+$/.test(s.text)) {
      out.push({ op: 'delete', text: s.text }, { op: 'insert', text: s.text });
    } else {
      out.push(s);
    }
  });
  return out;
}

/** Merge each stretch of changes into at most one deletion followed by one insertion. */
function coalesce(segments: TextSegment[]): TextSegment[] {
  const out: TextSegment[] = [];
  let del = '';
  let ins = '';
  const close = () => {
    if (del) out.push({ op: 'delete', text: del });
    if (ins) out.push({ op: 'insert', text: ins });
    del = '';
    ins = '';
  };
  for (const s of segments) {
    if (s.op === 'delete') del += s.text;
    else if (s.op === 'insert') ins += s.text;
    else {
      close();
      const last = out[out.length - 1];
      if (last?.op === 'equal') last.text += s.text;
      else if (s.text) out.push({ op: 'equal', text: s.text });
    }
  }
  close();
  return out;
}

/** The text on one side of a diff: `before` (kept and deleted) or `after` (kept and inserted). */
export function sideText(segments: readonly TextSegment[], side: 'before' | 'after'): string {
  const skip = side === 'before' ? 'insert' : 'delete';
  return segments
    .filter((s) => s.op !== skip)
    .map((s) => s.text)
    .join('');
}

/** Whether a diff holds any change. */
export function hasChanges(segments: readonly TextSegment[]): boolean {
  return segments.some((s) => s.op !== 'equal');
}
