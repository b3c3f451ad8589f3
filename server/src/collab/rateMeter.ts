/**
 * Events per second over roughly the last second: the count of the current one-second window
 * plus the unexpired share of the previous window's count. Cheap enough to call on every event.
 */
export class RateMeter {
  private windowStart: number;
  private current = 0;
  private previous = 0;

  constructor(private readonly now: () => number = performance.now.bind(performance)) {
    this.windowStart = this.now();
  }

  /** Count one event. */
  hit(): void {
    this.roll();
    this.current++;
  }

  /** The estimated rate, in events per second. */
  perSecond(): number {
    this.roll();
    const elapsed = (this.now() - this.windowStart) / 1000;
    return this.previous * (1 - elapsed) + this.current;
  }

  private roll(): void {
    const t = this.now();
    const windows = Math.floor((t - this.windowStart) / 1000);
    if (windows <= 0) return;
    this.previous = windows === 1 ? this.current : 0;
    this.current = 0;
    this.windowStart += windows * 1000;
  }
}
