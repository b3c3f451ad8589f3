import { describe, expect, it } from 'vitest';
import { seededRandom } from '../testing/random.ts';
import { diffSequence, type SequenceRun } from './sequence.ts';

/** Rebuild `b` from `a` and the script, checking every kept item really is equal. */
function apply<T>(a: readonly T[], b: readonly T[], runs: SequenceRun[]): T[] {
  const out: T[] = [];
  let ai = 0;
  let bi = 0;
  for (const r of runs) {
    expect(r.aStart).toBe(ai);
    expect(r.bStart).toBe(bi);
    if (r.op === 'equal') {
      for (let i = 0; i < r.length; i++) expect(a[ai + i]).toBe(b[bi + i]);
      out.push(...a.slice(ai, ai + r.length));
      ai += r.length;
      bi += r.length;
    } else if (r.op === 'delete') {
      ai += r.length;
    } else {
      out.push(...b.slice(bi, bi + r.length));
      bi += r.length;
    }
  }
  expect(ai).toBe(a.length);
  return out;
}

const edits = (runs: SequenceRun[]) => runs.filter((r) => r.op !== 'equal').reduce((n, r) => n + r.length, 0);

/** Edit distance with insertions and deletions only, by the textbook LCS table. */
function lcsDistance(a: readonly string[], b: readonly string[]): number {
  const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      t[i]![j] = a[i - 1] === b[j - 1] ? t[i - 1]![j - 1]! + 1 : Math.max(t[i - 1]![j]!, t[i]![j - 1]!);
  return a.length + b.length - 2 * t[a.length]![b.length]!;
}

const rng = seededRandom;

describe('diffSequence', () => {
  it('reports identical sequences as one kept run, and empty ones as nothing', () => {
    expect(diffSequence(['a', 'b'], ['a', 'b'])).toEqual([{ op: 'equal', aStart: 0, bStart: 0, length: 2 }]);
    expect(diffSequence([], [])).toEqual([]);
  });

  it('finds a single insertion and a single deletion in the middle', () => {
    expect(diffSequence(['a', 'c'], ['a', 'b', 'c'])).toEqual([
      { op: 'equal', aStart: 0, bStart: 0, length: 1 },
      { op: 'insert', aStart: 1, bStart: 1, length: 1 },
      { op: 'equal', aStart: 1, bStart: 2, length: 1 },
    ]);
    expect(diffSequence(['a', 'b', 'c'], ['a', 'c'])).toEqual([
      { op: 'equal', aStart: 0, bStart: 0, length: 1 },
      { op: 'delete', aStart: 1, bStart: 1, length: 1 },
      { op: 'equal', aStart: 2, bStart: 1, length: 1 },
    ]);
  });

  it('handles one side empty', () => {
    expect(diffSequence([], ['x', 'y'])).toEqual([{ op: 'insert', aStart: 0, bStart: 0, length: 2 }]);
    expect(diffSequence(['x', 'y'], [])).toEqual([{ op: 'delete', aStart: 0, bStart: 0, length: 2 }]);
  });

  it('produces a valid and minimal script for random sequences', () => {
    const random = rng(42);
    for (let round = 0; round < 300; round++) {
      const pick = () => 'abcde'[Math.floor(random() * 5)]!;
      const a = Array.from({ length: Math.floor(random() * 25) }, pick);
      const b = Array.from({ length: Math.floor(random() * 25) }, pick);
      const runs = diffSequence(a, b);
      expect(apply(a, b, runs)).toEqual(b);
      expect(edits(runs)).toBe(lcsDistance(a, b));
    }
  });

  it('stays valid (if not minimal) when the edit bound is exceeded', () => {
    const a = Array.from({ length: 60 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? `a${i}` : `b${i}`));
    const runs = diffSequence(a, b, { maxEdits: 5 });
    expect(apply(a, b, runs)).toEqual(b);
    expect(edits(runs)).toBeGreaterThan(lcsDistance(a, b));
  });

  it('compares items by a key when given one', () => {
    const a = [{ id: 1 }, { id: 2 }];
    const b = [{ id: 2 }];
    expect(diffSequence(a, b, { key: (x) => x.id })).toEqual([
      { op: 'delete', aStart: 0, bStart: 0, length: 1 },
      { op: 'equal', aStart: 1, bStart: 0, length: 1 },
    ]);
  });
});
