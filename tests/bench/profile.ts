/**
 * Summarise V8 CPU profiles written by `pnpm bench --profile`: self time by function, and by
 * function within a path (default server/src), so the hot spots of a server can be named.
 *
 *   tsx bench/profile.ts <file.cpuprofile>... [--filter=server/src] [--top=25]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Self and total time (ms) per function of a profile, and its duration. */
export function summarise(profile: Profile): { self: Map<string, number>; total: Map<string, number>; ms: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfById = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfById.set(id, (selfById.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const key = (n: ProfileNode) => {
    const url = n.callFrame.url
      .replace(/^file:\/\//, '')
      .replace(/.*\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '');
    return `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (const [id, ms] of selfById) {
    const node = byId.get(id)!;
    self.set(key(node), (self.get(key(node)) ?? 0) + ms);
    // charge every distinct function on the stack once
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + ms);
    }
  }
  return { self, total, ms: (profile.endTime - profile.startTime) / 1000 };
}

function top(map: Map<string, number>, n: number, filter?: string): [string, number][] {
  return [...map]
    .filter(([k]) => !filter || k.includes(filter))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const opt = (name: string, fallback: string) =>
    process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
  const filter = opt('filter', 'server/src');
  const n = Number(opt('top', '25'));
  for (const file of files) {
    const { self, total, ms } = summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile);
    const busy = [...self].filter(([k]) => !k.startsWith('(idle)')).reduce((a, [, v]) => a + v, 0);
    console.log(`\n${file}: ${(ms / 1000).toFixed(1)} s profiled, ${(busy / 1000).toFixed(2)} s busy`);
    console.log(`  self time, top ${n}:`);
    for (const [k, v] of top(self, n)) console.log(`  ${v.toFixed(0).padStart(7)} ms  ${k}`);
    console.log(`  total time (inclusive) of functions in ${filter}:`);
    for (const [k, v] of top(total, n, filter)) console.log(`  ${v.toFixed(0).padStart(7)} ms  ${k}`);
  }
}
