/**
 * Tables from run results: per scenario, the median and range over repeats for each server, our
 * figures as ratios to each peer (below 1 means ours is lower: better for every row here), and
 * the floor. Markdown, so the same text goes to the console and into RESULTS.md.
 */
import type { FloorResult } from './floor.ts';
import type { RunResult } from './runScenario.ts';
import type { Scenario } from './scenarios.ts';
import { SERVER_NAMES, type ServerKind } from './servers.ts';
import { median, range } from './stats.ts';

interface Row {
  label: string;
  value: (r: RunResult) => number;
  digits?: number;
  /** Include the ratio columns (only where the figure means the same for all servers). */
  ratio?: boolean;
  oursOnly?: boolean;
}

const ROWS: Row[] = [
  { label: 'latency p50 (ms)', value: (r) => r.latency.p50, digits: 1, ratio: true },
  { label: 'latency p99 (ms)', value: (r) => r.latency.p99, digits: 1, ratio: true },
  { label: 'latency max (ms)', value: (r) => r.latency.max, digits: 0, ratio: true },
  { label: 'delivery (%)', value: (r) => r.delivery.ratio * 100, digits: 3 },
  { label: 'all joined after (ms)', value: (r) => r.joinAllMs, digits: 0, ratio: true },
  { label: 'join p50 (ms)', value: (r) => r.joinP50Ms, digits: 0, ratio: true },
  {
    label: 'whole document received by all N bare sockets (ms)',
    value: (r) => r.initialState?.allMs ?? Number.NaN,
    digits: 0,
    ratio: true,
  },
  { label: 'server CPU (% of a core)', value: (r) => r.serverCpu, digits: 1, ratio: true },
  { label: 'server CPU, busiest second (%)', value: (r) => r.serverCpuPeak, digits: 0, ratio: true },
  { label: 'server RSS at start (MB)', value: (r) => r.serverRssStartMb, digits: 0, ratio: true },
  { label: 'server RSS peak (MB)', value: (r) => r.serverRssPeakMb, digits: 0, ratio: true },
  { label: 'server RSS growth in run (MB)', value: (r) => r.serverRssDeltaMb, digits: 1, ratio: true },
  { label: 'socket disconnects', value: (r) => r.disconnects, digits: 0 },
  { label: 'generator CPU (%)', value: (r) => r.generator.cpuPercent, digits: 0 },
  { label: 'generator loop delay p99 (ms)', value: (r) => r.generator.loopP99Ms, digits: 1 },
  { label: 'keystroke → persisted ack p99 (ms)', value: (r) => r.saved?.p99 ?? Number.NaN, digits: 0, oursOnly: true },
  { label: 'DB rows inserted', value: (r) => r.db?.inserted ?? Number.NaN, digits: 0, oursOnly: true },
  {
    label: 'DB rows inserted per second',
    value: (r) => (r.db?.inserted ?? Number.NaN) / (r.activeMs / 1000),
    digits: 1,
    oursOnly: true,
  },
  { label: 'DB rows at end (after compaction)', value: (r) => r.db?.rows ?? Number.NaN, digits: 0, oursOnly: true },
  {
    label: 'DB payload stored at end (KB)',
    value: (r) => (r.db?.bytes ?? Number.NaN) / 1024,
    digits: 1,
    oursOnly: true,
  },
];

const SHORT_NAMES: Record<ServerKind, string> = { ours: 'ours', yws: 'y-ws', hocuspocus: 'Hocuspocus' };

function fmt(x: number, digits = 1): string {
  if (Number.isNaN(x)) return '–';
  return x.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function cell(values: number[], digits?: number): string {
  const m = median(values);
  if (Number.isNaN(m)) return '–';
  const [lo, hi] = range(values);
  return values.length > 1 && lo !== hi ? `${fmt(m, digits)} (${fmt(lo, digits)}–${fmt(hi, digits)})` : fmt(m, digits);
}

/** The table of one scenario. */
export function scenarioTable(
  scenario: Scenario,
  runs: RunResult[],
  servers: ServerKind[],
  floor?: FloorResult,
): string {
  const by = (k: ServerKind) => runs.filter((r) => r.server === k && !r.error);
  const peers = servers.filter((k) => k !== 'ours');
  const withOurs = servers.includes('ours');
  const head = [
    '',
    ...servers.map((k) => SERVER_NAMES[k]),
    ...(withOurs ? peers.map((k) => `ours ÷ ${SHORT_NAMES[k]}`) : []),
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const row of ROWS) {
    const values = servers.map((k) => (row.oursOnly && k !== 'ours' ? [] : by(k).map(row.value)));
    if (values.every((v) => v.every((x) => Number.isNaN(x)))) continue;
    const cells = values.map((v) => cell(v, row.digits));
    const ratios = withOurs
      ? peers.map((k) => {
          if (!row.ratio) return '';
          const ours = median(by('ours').map(row.value));
          const peer = median(by(k).map(row.value));
          return peer > 0 ? fmt(ours / peer, 2) : '–';
        })
      : [];
    lines.push(`| ${[row.label, ...cells, ...ratios].join(' | ')} |`);
  }
  const count = (k: ServerKind, pred: (r: RunResult) => boolean) =>
    `${runs.filter((r) => r.server === k && pred(r)).length}/${runs.filter((r) => r.server === k).length}`;
  lines.push(`| converged runs | ${servers.map((k) => count(k, (r) => r.converged)).join(' | ')} |`);
  lines.push(
    `| runs with 100% delivery | ${servers.map((k) => count(k, (r) => !r.error && r.delivery.ratio === 1)).join(' | ')} |`,
  );
  lines.push(`| generator-limited runs | ${servers.map((k) => count(k, (r) => r.generator.limited)).join(' | ')} |`);
  const out = [`### ${scenario.title}`, ''];
  if (scenario.variantOf) {
    out.push(
      `Our server ran this variant; the peers' columns are their runs of \`${scenario.variantOf}\` (the same load for them).`,
      '',
    );
  }
  out.push(...lines, '');
  if (floor) {
    out.push(
      `Floor (bare \`ws\` relay of the same two frames per keystroke, N=${floor.clients}, K=${floor.writers}): ` +
        `p50 ${fmt(floor.latency.p50)} ms, p99 ${fmt(floor.latency.p99)} ms, max ${fmt(floor.latency.max, 0)} ms, ` +
        `relay CPU ${fmt(floor.serverCpu)}%, generator CPU ${fmt(floor.generator.cpuPercent, 0)}%, ` +
        `loop delay p99 ${fmt(floor.generator.loopP99Ms)} ms${floor.generator.limited ? ' (generator-limited)' : ''}.`,
      '',
    );
    if (floor.applyPerKeystrokeMs !== undefined) {
      out.push(
        `The generator alone applies one keystroke to the ${floor.clients - 1} other clients' documents in ` +
          `${fmt(floor.applyPerKeystrokeMs)} ms (median): the last receiver of a keystroke sees it at least that long ` +
          'after the first, whatever the server.',
        '',
      );
    }
    if (floor.decodeAllMs !== undefined) {
      out.push(
        `The generator alone, no server or socket, applies the whole document into ${scenario.clients} documents ` +
          `(with a provider's listeners, all kept alive) in ${fmt(floor.decodeAllMs, 0)} ms: no server's joiners ` +
          'can all be synced sooner in this one-process generator.',
        '',
      );
    }
  }
  out.push('p99 latency (ms) by second of the run, median-p99 run of each server:', '', '```');
  for (const k of servers) {
    const rs = by(k).sort((a, b) => a.latency.p99 - b.latency.p99);
    const mid = rs[Math.floor((rs.length - 1) / 2)];
    if (mid) out.push(`${SERVER_NAMES[k].padEnd(26)} ${mid.timelineP99.map((x) => fmt(x, 0)).join(' ')}`);
  }
  out.push('```', '');
  const errors = runs.filter((r) => r.error);
  for (const e of errors) out.push(`Run ${e.rep} on ${SERVER_NAMES[e.server]} failed: ${e.error!.split('\n')[0]}`, '');
  return out.join('\n');
}
