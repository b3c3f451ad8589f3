/**
 * `pnpm bench:cluster`: one Rapporteur process against three sharing Postgres and Redis, in one
 * run (bench.ts); prints the tables and writes them to RESULTS.md's cluster section.
 *
 *   --smoke      a few clients, seconds of typing, one kill: asserts no timings, fails only when
 *                something is lost (a delivery, convergence, a stored or acknowledged keystroke)
 *   --no-write   print only
 *
 * Needs DATABASE_URL (a Postgres server), Redis at REDIS_URL or 127.0.0.1:6379, haproxy and
 * redis-server installed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeResultsSection } from '../results.ts';
import { CLUSTER_SECTION, clusterBenchUnavailable, FULL, runClusterBench, SMOKE } from './bench.ts';

const args = new Set(process.argv.slice(2));
const smoke = args.has('--smoke');
process.setMaxListeners(0);

const unavailable = await clusterBenchUnavailable();
if (unavailable) {
  console.error(`cluster benchmark cannot run here: ${unavailable}`);
  process.exit(1);
}
console.log(`Rapporteur cluster benchmark${smoke ? ' (smoke)' : ''}`);
const { result, markdown } = await runClusterBench(
  smoke ? SMOKE : FULL,
  `pnpm bench:cluster${smoke ? ':smoke' : ''}`,
  (line) => console.log(line),
);
console.log(`\n${markdown}`);
if (!smoke && !args.has('--no-write')) {
  const file = path.join(fileURLToPath(new URL('../', import.meta.url)), 'RESULTS.md');
  writeResultsSection(file, CLUSTER_SECTION.name, CLUSTER_SECTION.title, markdown);
  console.log(`wrote the cluster section of ${file}`);
}
if (result.problems.length > 0) {
  for (const p of result.problems.slice(0, 50)) console.error(`FAIL ${p}`);
  process.exit(1);
}
process.exit(0);
