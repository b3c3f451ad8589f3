/** The machine a run happened on, and the RESULTS.md page of a run. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { RunResult } from './runScenario.ts';
import type { Scenario } from './scenarios.ts';
import { SERVER_NAMES, type ServerKind, type WatcherRole } from './servers.ts';

/** nproc, CPU model, memory, Node version and the load when the run started. */
export function machineDescription(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  return (
    `machine: ${os.availableParallelism()} cores (nproc), ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ` +
    `Linux ${os.release()}, Node ${process.version}; load average at start ${load}`
  );
}

/** The commit measured, and whether server/ or shared/ had uncommitted changes at the time. */
export function codeVersion(): string {
  try {
    const cwd = fileURLToPath(new URL('../../', import.meta.url));
    const git = (...a: string[]) => execFileSync('git', a, { cwd, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--', 'server', 'shared') !== '';
    return `commit ${git('rev-parse', '--short', 'HEAD')}${dirty ? ' plus uncommitted changes in server/ or shared/' : ''}`;
  } catch {
    return 'commit unknown';
  }
}

/** The whole RESULTS.md of a run. */
export function resultsMarkdown(run: {
  started: Date;
  elapsedS: number;
  command: string[];
  scenarios: Scenario[];
  servers: ServerKind[];
  repeats: number;
  watcherRole: WatcherRole;
  tables: string[];
  results: RunResult[];
  /** codeVersion() when the run started. */
  code: string;
}): string {
  const limited = run.results.filter((r) => r.generator.limited).length;
  return [
    '# Benchmark results',
    '',
    `Run of ${run.started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${(run.elapsedS / 60).toFixed(1)} minutes: ` +
      `\`pnpm bench${run.command.length ? ` ${run.command.join(' ')}` : ''}\`.`,
    '',
    `- ${machineDescription()}.`,
    `- Code: ${run.code}.`,
    `- Our server: ${process.env.DATABASE_URL ? 'persistence on, Postgres server on 127.0.0.1 (DATABASE_URL)' : 'persistence on, embedded PGlite in a temporary DATA_DIR'}; ` +
      `writers open the note-taker link, watchers the ${run.watcherRole} link. Peers: no persistence.`,
    `- Servers: ${run.servers.map((k) => SERVER_NAMES[k]).join(', ')}; each run starts a fresh server process, ` +
      'each as it would be deployed: ours as its production build (`server/dist`, esbuild), the peers as plain ' +
      'JavaScript, all on node alone (no TypeScript loader); ' +
      `runs interleaved (${run.servers.join(', ')}, then again) ${run.repeats} time(s) per scenario.`,
    `- Scenarios: ${run.scenarios.map((s) => s.id).join(', ')}. Writers type 5 characters per second each, one per transaction, ` +
      'and move their caret (awareness) with every keystroke.',
    `- ${limited} of ${run.results.length} runs were generator-limited (load generator CPU > 70% of a core or event-loop delay p99 > 20 ms): ` +
      'their latencies include the generator’s own queueing.',
    '',
    '**Noise.** This is a 2-core virtual machine; the load average above shows how busy it was when the run began, ' +
      'and its neighbours are not ours to see. Medians over interleaved runs are comparable with each other; ' +
      'single figures move by 10–20% from run to run. Cells show the median and, in brackets, the range over runs; ' +
      'the ratio columns divide our median by the peer’s (below 1 = ours lower).',
    '',
    'How to read the rows: latency is from a writer’s insert to the change being applied at every other client that had ' +
      'joined by then (matched by Yjs item id); “all joined after” is from the first connection attempt until the last client ' +
      'synced (joining together) or the slowest single join (joining over time); server CPU is the server process’s CPU ' +
      'from the first join to the end of typing, read from /proc; RSS growth is the peak during that time minus RSS before ' +
      'the clients joined; DB rows inserted include compaction merges.',
    '',
    ...run.tables,
  ].join('\n');
}

const SECTION = /<!-- ([\w-]+):start -->[\s\S]*?<!-- \1:end -->/g;

/**
 * The marked sections of a results file (`<!-- NAME:start -->` … `<!-- NAME:end -->`), which the
 * other benchmarks write (cluster, browser): the main run keeps them when it rewrites the file.
 */
export function markedSections(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').match(SECTION) ?? [];
}

/** Replace the marked section `name` of the results file with `title` and `markdown`, or append it. */
export function writeResultsSection(file: string, name: string, title: string, markdown: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const section = `${start}\n${title}\n\n${markdown}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = current.indexOf(start);
  const stop = current.indexOf(end, at);
  const next =
    at >= 0 && stop >= 0
      ? current.slice(0, at) + section + current.slice(stop + end.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}
