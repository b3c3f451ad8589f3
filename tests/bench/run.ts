/**
 * `pnpm bench`: every scenario against our server and the two peers, interleaved and repeated,
 * plus the floor; prints a table per scenario and records the run in tests/bench/RESULTS.md.
 *
 *   --smoke                small N, every server once, ~20 s; fails only on lost or diverging data
 *   --scenarios=a,b        subset of: n50, n300-spread, n300-together, n300-together-visible, n1000, large
 *   --servers=ours,yws,hocuspocus
 *   --repeats=N            default 3
 *   --watchers=observer|note-taker   the link our watchers open (default observer)
 *   --profile[=DIR]        write a V8 CPU profile of every server process (see profile.ts)
 *   --no-floor, --no-write
 *   --no-cluster           skip the cluster benchmark (cluster/run.ts), which a full run adds at the
 *                          end when Postgres, Redis and haproxy are there (`--cluster` runs it with
 *                          a --scenarios subset too)
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { decodeFloorMs, type FloorResult, keystrokeApplyMs, runFloor } from './floor.ts';
import { buildLargeDoc } from './largeDoc.ts';
import { scenarioTable } from './report.ts';
import { type RunResult, runScenario } from './runScenario.ts';
import { type Scenario, SCENARIOS, SMOKE_SCENARIOS } from './scenarios.ts';
import { SERVER_NAMES, type ServerKind, type WatcherRole } from './servers.ts';
import { CLUSTER_SECTION, FULL as CLUSTER_FULL, clusterBenchUnavailable, runClusterBench } from './cluster/bench.ts';
import { codeVersion, machineDescription, markedSections, resultsMarkdown, writeResultsSection } from './results.ts';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k!, v ?? 'true'] as const;
  }),
);
const smoke = args.has('smoke');
const allScenarios = smoke ? SMOKE_SCENARIOS : SCENARIOS;
const scenarios: Scenario[] = args.has('scenarios')
  ? args
      .get('scenarios')!
      .split(',')
      .map((id) => {
        const s = allScenarios.find((x) => x.id === id);
        if (!s) throw new Error(`unknown scenario ${id}; known: ${allScenarios.map((x) => x.id).join(', ')}`);
        return s;
      })
  : allScenarios;
const servers = (args.get('servers') ?? 'ours,yws,hocuspocus').split(',') as ServerKind[];
for (const k of servers) if (!(k in SERVER_NAMES) || k === ('floor' as string)) throw new Error(`unknown server ${k}`);
const repeats = Number(args.get('repeats') ?? (smoke ? 1 : 3));
const watcherRole = (args.get('watchers') ?? 'observer') as WatcherRole;
const profileDir = args.has('profile')
  ? args.get('profile') === 'true'
    ? path.join(os.tmpdir(), `rapporteur-bench-profiles-${Date.now()}`)
    : path.resolve(args.get('profile')!)
  : undefined;
const withFloor = !args.has('no-floor') && !smoke;
const withCluster = !smoke && !args.has('no-cluster') && (args.has('cluster') || !args.has('scenarios'));
const write = !args.has('no-write') && !smoke;

// every y-websocket provider registers a process 'exit' listener; 1000 of them are expected here
process.setMaxListeners(0);

const log = (line: string) => console.log(line);
const started = new Date();
const code = codeVersion();
const t0 = performance.now();
log(
  `Rapporteur benchmark${smoke ? ' (smoke)' : ''}: ${scenarios.map((s) => s.id).join(', ')} × ${servers.join(', ')} × ${repeats}`,
);
log(machineDescription());
log(code);
log(
  `our database: ${process.env.DATABASE_URL ? 'Postgres (DATABASE_URL)' : 'embedded PGlite'}; watchers of ours open the ${watcherRole} link`,
);
if (profileDir) log(`CPU profiles → ${profileDir}`);

const results: RunResult[] = [];
const floors = new Map<string, FloorResult>();
const tables: string[] = [];
for (const scenario of scenarios) {
  log(`\n## ${scenario.title}`);
  const runOn = scenario.variantOf ? servers.filter((k) => k === 'ours') : servers;
  if (withFloor && !scenario.variantOf) {
    const floor = await runFloor(scenario.clients + (scenario.largeDoc ? 1 : 0), Math.max(1, scenario.writers));
    floor.applyPerKeystrokeMs = keystrokeApplyMs(floor.clients - 1);
    if (scenario.largeDoc) {
      const state = Y.encodeStateAsUpdate(buildLargeDoc(scenario.largeDoc.paragraphs));
      floor.decodeAllMs = decodeFloorMs(state, scenario.clients);
    }
    floors.set(scenario.id, floor);
    log(
      `  floor: p50 ${floor.latency.p50.toFixed(1)} ms, p99 ${floor.latency.p99.toFixed(1)} ms; ` +
        `a keystroke applied to ${floor.clients - 1} documents in ${floor.applyPerKeystrokeMs.toFixed(1)} ms` +
        (floor.decodeAllMs === undefined
          ? ''
          : `; document applied ${scenario.clients}× in ${floor.decodeAllMs.toFixed(0)} ms`),
    );
  }
  // interleaved: ours, peer A, peer B, ours, ... so that drifting machine load hits all alike
  for (let rep = 1; rep <= repeats; rep++) {
    for (const server of runOn) {
      log(`  run ${rep}/${repeats} ${SERVER_NAMES[server]}`);
      const watchers = scenario.oursWatchers ?? watcherRole;
      const r = await runScenario(server, scenario, { rep, cpuProfDir: profileDir, watcherRole: watchers, log });
      results.push(r);
      log(
        r.error
          ? `    FAILED: ${r.error.split('\n')[0]}`
          : `    p50 ${r.latency.p50.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms, max ${r.latency.max.toFixed(0)} ms, ` +
              `delivery ${(r.delivery.ratio * 100).toFixed(2)}%, converged ${r.converged}, joined ${r.joined}/${r.clients} ` +
              `(all after ${r.joinAllMs.toFixed(0)} ms), server CPU ${r.serverCpu.toFixed(1)}%, ` +
              `generator ${r.generator.cpuPercent.toFixed(0)}% / loop p99 ${r.generator.loopP99Ms.toFixed(1)} ms` +
              `${r.generator.limited ? ' GENERATOR-LIMITED' : ''}, ${(r.wallMs / 1000).toFixed(1)} s`,
      );
    }
  }
  const table = scenarioTable(
    scenario,
    results.filter((r) => r.scenario === scenario.id || (r.scenario === scenario.variantOf && r.server !== 'ours')),
    servers,
    floors.get(scenario.variantOf ?? scenario.id),
  );
  tables.push(table);
  log(`\n${table}`);
}

// the cluster benchmark: one process against three (Postgres and Redis), its own tables
let cluster: Awaited<ReturnType<typeof runClusterBench>> | null = null;
if (withCluster) {
  const unavailable = await clusterBenchUnavailable();
  if (unavailable) log(`\n## Cluster: skipped (${unavailable})`);
  else {
    log('\n## Cluster: 1 process against 3');
    cluster = await runClusterBench(CLUSTER_FULL, `pnpm bench ${process.argv.slice(2).join(' ')}`.trim(), log);
    log(`\n${cluster.markdown}`);
  }
}

const elapsedS = (performance.now() - t0) / 1000;
log(`\ntotal ${elapsedS.toFixed(0)} s`);
const rawPath = path.join(os.tmpdir(), `rapporteur-bench-${started.toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(rawPath, JSON.stringify({ started, args: process.argv.slice(2), results, floors: [...floors] }, null, 1));
log(`raw results: ${rawPath}`);
if (write) {
  const out = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
  // the sections other benchmarks wrote (cluster, browser) stay
  const kept = markedSections(out);
  writeFileSync(
    out,
    resultsMarkdown({
      started,
      elapsedS,
      command: process.argv.slice(2),
      scenarios,
      servers,
      repeats,
      watcherRole,
      tables,
      results,
      code,
    }) + kept.map((section) => `\n\n${section}\n`).join(''),
  );
  if (cluster) writeResultsSection(out, CLUSTER_SECTION.name, CLUSTER_SECTION.title, cluster.markdown);
  log(`wrote ${out}`);
}

// lost or diverging data fails the run (for the smoke test: on any server; otherwise on ours)
const bad = results.filter((r) => (smoke || r.server === 'ours') && (r.error || r.delivery.ratio < 1 || !r.converged));
for (const r of bad) {
  console.error(
    `FAIL ${r.scenario} run ${r.rep} on ${SERVER_NAMES[r.server]}: ` +
      (r.error ? r.error.split('\n')[0] : `delivery ${(r.delivery.ratio * 100).toFixed(3)}%, converged ${r.converged}`),
  );
}
for (const p of cluster?.result.problems ?? []) console.error(`FAIL cluster: ${p}`);
process.exit(bad.length > 0 || (cluster?.result.problems.length ?? 0) > 0 ? 1 : 0);
