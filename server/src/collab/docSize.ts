/**
 * An upper bound of a room document's encoded size, kept without encoding the document on every
 * update: the last exact measure plus the bytes of every update applied since (an update never
 * grows the encoded state by more than its own size). Only when the bound would pass the limit,
 * and the document grew by at least REMEASURE_AFTER_BYTES since the last measure, is it measured
 * again: amortised linear, and never read from a state that misses applied updates (issue 12).
 */

/** Growth after which a bound over the limit is replaced by a fresh measure. */
export const REMEASURE_AFTER_BYTES = 1024 * 1024;

/** Size bound of one document. */
export class DocumentSize {
  private bound: number;
  private measured: number;

  /** `initial`: the size now (e.g. the stored state loaded); `measure`: the exact encoded size. */
  constructor(
    initial: number,
    private readonly measure: () => number,
  ) {
    this.bound = initial;
    this.measured = initial;
  }

  /** An update of `bytes` was applied. */
  grew(bytes: number): void {
    this.bound += bytes;
  }

  /** Whether applying `bytes` more may take the document past `limit`. */
  wouldExceed(bytes: number, limit: number): boolean {
    if (this.bound + bytes <= limit) return false;
    if (this.bound - this.measured >= REMEASURE_AFTER_BYTES) {
      this.bound = this.measure();
      this.measured = this.bound;
    }
    return this.bound + bytes > limit;
  }
}
