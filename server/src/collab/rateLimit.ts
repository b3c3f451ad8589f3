/**
 * Token bucket: `capacity` messages at once, refilled at `perSecond`. A note-taker's client sends
 * one sync message per transaction and one awareness message per caret move; a paste is one
 * message. The defaults leave ample room for fast typing and stop floods.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity = 400,
    private readonly perSecond = 100,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  /** Take one token; false when the bucket is empty (the caller is over its rate). */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
