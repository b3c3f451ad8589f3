/**
 * CPU and memory of another process from /proc/<pid> (Linux). Each server runs in its own child
 * process so that its CPU time is separable from the load generator's.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | null = null;

function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      ticksPerSecond = 100; // the Linux default
    }
  }
  return ticksPerSecond;
}

/** One reading of a process: CPU seconds used so far and resident memory. */
export interface ProcReading {
  /** performance.now() when read. */
  t: number;
  cpuSeconds: number;
  rssBytes: number;
}

/** Read user+system CPU time and RSS of `pid` now. */
export function readProc(pid: number): ProcReading {
  const t = performance.now();
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // the command name (field 2) may contain spaces: count fields after its closing parenthesis
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { t, cpuSeconds: (utime + stime) / clockTicks(), rssBytes: rssKb * 1024 };
}

/** CPU use between two readings, in percent of one core. */
export function cpuPercent(a: ProcReading, b: ProcReading): number {
  return b.t > a.t ? ((b.cpuSeconds - a.cpuSeconds) / ((b.t - a.t) / 1000)) * 100 : Number.NaN;
}

/** Samples a process every `intervalMs` to find peak memory and the CPU timeline. */
export class ProcSampler {
  readonly readings: ProcReading[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly pid: number,
    private readonly intervalMs = 250,
  ) {}

  /** Start sampling (takes a first reading at once). */
  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    return this;
  }

  /** Take a reading now and keep it; returns it. */
  sample(): ProcReading {
    const r = readProc(this.pid);
    this.readings.push(r);
    return r;
  }

  /** Stop sampling (takes a last reading). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    try {
      this.sample();
    } catch {
      // the process may have exited already
    }
  }

  /** Highest RSS seen between two times (inclusive). */
  peakRss(from = 0, to = Number.POSITIVE_INFINITY): number {
    let peak = 0;
    for (const r of this.readings) if (r.t >= from && r.t <= to && r.rssBytes > peak) peak = r.rssBytes;
    return peak;
  }
}

/** Highest CPU use (percent of one core) over any window of about `windowMs` between two times. */
export function peakCpu(
  readings: readonly ProcReading[],
  windowMs = 1000,
  from = 0,
  to = Number.POSITIVE_INFINITY,
): number {
  const rs = readings.filter((r) => r.t >= from && r.t <= to);
  let peak = Number.NaN;
  let j = 0;
  for (let i = 0; i < rs.length; i++) {
    while (j < rs.length && rs[j]!.t - rs[i]!.t < windowMs) j++;
    if (j === rs.length) break;
    const p = cpuPercent(rs[i]!, rs[j]!);
    if (!(p <= peak)) peak = p;
  }
  return peak;
}
