/** Exponential backoff with full jitter, capped: attempt 1 → up to 100 ms, … capped at `max`. */
export function backoffDelay(attempt: number, base = 100, max = 5_000, random = Math.random): number {
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
