/**
 * The load generator watches itself: if its own CPU or event loop is saturated, latencies it
 * measures are its own queueing, not the server's, and the run is flagged as generator-limited.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Generator CPU (percent of one core) above which a run is flagged. */
export const GENERATOR_CPU_LIMIT = 70;
/** Event-loop delay p99 (ms) above which a run is flagged. */
export const GENERATOR_LOOP_P99_LIMIT_MS = 20;

const RESOLUTION_MS = 10;

/** The generator's own load over a window. */
export interface GeneratorLoad {
  cpuPercent: number;
  loopP99Ms: number;
  loopMaxMs: number;
  limited: boolean;
}

/** Start measuring now; `stop()` returns the load since. */
export function watchGenerator(): { stop(): GeneratorLoad } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const loop = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  loop.enable();
  return {
    stop: () => {
      loop.disable();
      const cpu = process.cpuUsage(cpu0);
      const cpuPercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - t0)) * 100;
      // the histogram records whole timer intervals: the delay is what exceeds the resolution
      const loopP99Ms = Math.max(0, loop.percentile(99) / 1e6 - RESOLUTION_MS);
      return {
        cpuPercent,
        loopP99Ms,
        loopMaxMs: Math.max(0, loop.max / 1e6 - RESOLUTION_MS),
        limited: cpuPercent > GENERATOR_CPU_LIMIT || loopP99Ms > GENERATOR_LOOP_P99_LIMIT_MS,
      };
    },
  };
}
