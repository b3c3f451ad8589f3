/**
 * The pace of the benchmark's remote note-takers: `count` typists at `charsPerSecond` each,
 * staggered evenly within one period so their keystrokes do not arrive together.
 */

/** Call `keystroke(typist, k)` for each typist's k-th key (k from 0) at the pace; returns stop. */
export function typeAtPace(
  count: number,
  charsPerSecond: number,
  keystroke: (typist: number, k: number) => void,
): () => void {
  const period = 1000 / charsPerSecond;
  const timers: NodeJS.Timeout[] = [];
  for (let i = 0; i < count; i++) {
    let k = 0;
    const start = setTimeout(() => timers.push(setInterval(() => keystroke(i, k++), period)), (period * i) / count);
    timers.push(start);
  }
  return () => {
    for (const t of timers) {
      clearTimeout(t);
      clearInterval(t);
    }
  };
}
