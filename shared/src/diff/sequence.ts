/**
 * Shortest edit script between two sequences (Myers, "An O(ND) Difference Algorithm and Its
 * Variations", 1986): the greedy forward search over diagonals, keeping each round's frontier so
 * the path can be walked back. Common prefix and suffix are trimmed first, which makes the usual
 * case (a few words changed in a long statement) cheap. The search is bounded: past `maxEdits`
 * the untrimmed middle is reported as one deletion and one insertion — correct, just not minimal.
 */

/** One run of an edit script: `length` items kept, deleted from `a`, or inserted from `b`. */
export interface SequenceRun {
  op: 'equal' | 'delete' | 'insert';
  /** Where the run starts in `a` (for inserts: the position in `a` it comes before). */
  aStart: number;
  /** Where the run starts in `b` (for deletes: the position in `b` it comes before). */
  bStart: number;
  length: number;
}

/** Options of diffSequence. */
export interface SequenceDiffOptions<T> {
  /** Identity of an item (default: the item itself, compared with `===` through a Map). */
  key?: (item: T) => unknown;
  /** Give up looking for a minimal script after this many edits (bounds time and memory). */
  maxEdits?: number;
}

/** Default bound: the kept frontiers take about maxEdits² integers. */
export const DEFAULT_MAX_EDITS = 1_000;

type Op = SequenceRun['op'];

/** The edit script turning `a` into `b`, as runs in order. Pure. */
export function diffSequence<T>(a: readonly T[], b: readonly T[], opts: SequenceDiffOptions<T> = {}): SequenceRun[] {
  const [ia, ib] = intern(a, b, opts.key ?? ((x) => x));
  let start = 0;
  while (start < ia.length && start < ib.length && ia[start] === ib[start]) start++;
  let endA = ia.length;
  let endB = ib.length;
  while (endA > start && endB > start && ia[endA - 1] === ib[endB - 1]) {
    endA--;
    endB--;
  }
  const out = new RunBuilder();
  out.push('equal', 0, 0, start);
  const middle = myers(ia.subarray(start, endA), ib.subarray(start, endB), opts.maxEdits ?? DEFAULT_MAX_EDITS);
  if (middle) {
    for (const [op, x, y] of middle) out.push(op, start + x, start + y, 1);
  } else {
    out.push('delete', start, start, endA - start);
    out.push('insert', endA, start, endB - start);
  }
  out.push('equal', endA, endB, ia.length - endA);
  return out.runs;
}

/** Map items to small integers so the inner loop compares numbers. */
function intern<T>(a: readonly T[], b: readonly T[], key: (item: T) => unknown): [Int32Array, Int32Array] {
  const ids = new Map<unknown, number>();
  const map = (xs: readonly T[]) => {
    const out = new Int32Array(xs.length);
    xs.forEach((x, i) => {
      const k = key(x);
      let id = ids.get(k);
      if (id === undefined) {
        id = ids.size;
        ids.set(k, id);
      }
      out[i] = id;
    });
    return out;
  };
  return [map(a), map(b)];
}

/**
 * The single-item steps from `a` to `b` in order, or null when more than `maxEdits` are needed.
 * `v[k]` is the furthest x reached on diagonal k = x - y; before round d we keep the slice of v
 * that round d reads (diagonals -d-1 … d+1), which is all the walk back needs.
 */
function myers(a: Int32Array, b: Int32Array, maxEdits: number): [Op, number, number][] | null {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let done = -1;
  for (let d = 0; d <= Math.min(max, maxEdits) && done < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
      let x = down ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        done = d;
        break;
      }
    }
  }
  if (done < 0) return null;

  const steps: [Op, number, number][] = [];
  let x = n;
  let y = m;
  for (let d = done; d >= 0; d--) {
    const frontier = trace[d]!;
    const at = (k: number) => frontier[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      steps.push(['equal', x, y]);
    }
    if (d === 0) break;
    if (x === prevX) steps.push(['insert', x, prevY]);
    else steps.push(['delete', prevX, y]);
    x = prevX;
    y = prevY;
  }
  return steps.reverse();
}

/** Collects steps into runs, joining neighbours of the same kind. */
class RunBuilder {
  readonly runs: SequenceRun[] = [];

  push(op: Op, aStart: number, bStart: number, length: number): void {
    if (length <= 0) return;
    const last = this.runs[this.runs.length - 1];
    if (last && last.op === op && this.continues(last, aStart, bStart)) {
      last.length += length;
      return;
    }
    this.runs.push({ op, aStart, bStart, length });
  }

  private continues(run: SequenceRun, aStart: number, bStart: number): boolean {
    const aEnd = run.aStart + (run.op === 'insert' ? 0 : run.length);
    const bEnd = run.bStart + (run.op === 'delete' ? 0 : run.length);
    return aEnd === aStart && bEnd === bStart;
  }
}
