/**
 * Token bucket: `capacity` tokens at once, refilled at `perSecond`. Used for a socket's messages
 * (over the rate its reading is paused, see connection.ts) and for presence, per socket and per
 * room (see presenceThrottle.ts), where a cost can be a number of bytes.
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

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
  }

  /** Whether `cost` tokens are there now (a cost above the capacity counts as the capacity). */
  has(cost = 1): boolean {
    this.refill();
    return this.tokens >= Math.min(cost, this.capacity);
  }

  /** Take `cost` tokens; false when there are not enough (the caller is over its rate). */
  take(cost = 1): boolean {
    if (!this.has(cost)) return false;
    this.tokens -= Math.min(cost, this.capacity);
    return true;
  }

  /** Milliseconds until `cost` tokens are there (0 when they are). */
  msUntil(cost = 1): number {
    this.refill();
    const missing = Math.min(cost, this.capacity) - this.tokens;
    return missing <= 0 ? 0 : Math.ceil((missing / this.perSecond) * 1000);
  }
}
