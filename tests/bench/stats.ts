/** Small statistics helpers for the benchmark: percentiles over samples, medians and ranges over runs. */

/** A growable array of float samples (latencies in ms), cheap to append to. */
export class Samples {
  private data = new Float64Array(1024);
  private n = 0;

  /** Number of samples recorded. */
  get length(): number {
    return this.n;
  }

  /** Append one sample. */
  push(value: number): void {
    if (this.n === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.n++] = value;
  }

  /** The samples sorted ascending (a copy). */
  sorted(): Float64Array {
    return this.data.slice(0, this.n).sort();
  }
}

/** The q-quantile (0..1) of ascending-sorted values, nearest-rank; NaN when empty. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** Median of a list of numbers, ignoring NaN; NaN when nothing is left. */
export function median(values: readonly number[]): number {
  const v = values.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) return Number.NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/** Smallest and largest value, ignoring NaN. */
export function range(values: readonly number[]): [number, number] {
  const v = values.filter((x) => !Number.isNaN(x));
  return v.length === 0 ? [Number.NaN, Number.NaN] : [Math.min(...v), Math.max(...v)];
}
