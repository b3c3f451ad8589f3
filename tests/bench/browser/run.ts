/**
 * Browser benchmark for long records (issue 17): `pnpm bench:browser`.
 *
 * For each record size it imports a record through the import API, opens it in Chromium as a
 * note-taker, and measures: the time until the first screen is editable and until every block is
 * in the page, long tasks while opening, JS heap, DOM size; per-key latency while typing at a
 * realistic pace (a key every 60 ms) at the end of the record; remote keystroke -> painted while
 * other note-takers type; and, in the same run, the same typing in a plain `contenteditable` holding
 * the same text (the browser's own floor). Prints a table and the ratios the issue sets as targets.
 *
 *   npx tsx tests/bench/browser/run.ts [--sizes=50,300,1000] [--keys=150] [--remote=5] [--smoke] [--no-write]
 *
 * `--profile=DIR` writes CPU profiles of the page while it opens, while it types, while remote
 * note-takers type and while it opens again (summarise with
 * bench/profile.ts); `--trace=DIR` Chromium traces of the opening, the remote phase and the
 * second opening (rendering included).
 * `--server-profile=DIR` writes the server's CPU profile of the whole run.
 * `--smoke` (CI) runs one small record quickly and asserts nothing about timings: it fails only
 * when a step fails (the page does not open, keys are lost, remote text never arrives).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createProcessStorage } from '../../helpers/database.ts';
import { REPO_ROOT, spawnServer } from '../../helpers/server.ts';
import { CLIENT_DIST, ensureClientBuilt, ensureServerBuilt, launchBrowser } from '../../e2e/browser.ts';
import { quantile } from '../stats.ts';
import { floorHtml } from './floorPage.ts';
import { INIT_PROBES, PAGE_FIGURES, WATCH_REMOTE } from './probes.ts';
import { longRecord, recordBlocks } from './recordText.ts';
import { openRemoteFloor, floorPageScript } from './remoteFloor.ts';
import { startRemoteTypists, TEXT } from './remoteTypists.ts';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k!, v ?? 'true'] as const;
  }),
);
const smoke = args.has('smoke');
const sizes = (args.get('sizes') ?? (smoke ? '20' : '50,300,1000')).split(',').map(Number);
const keyCount = Number(args.get('keys') ?? (smoke ? 20 : 150));
const remoteCount = Number(args.get('remote') ?? (smoke ? 2 : 5)); // 0 skips the remote phase
const remoteSeconds = smoke ? 3 : 12;
const WORDS_PER_BLOCK = 200;
/** Blocks of the plain page the remote floor paints into. */
const REMOTE_FLOOR_BLOCKS = 50;
const KEY_INTERVAL_MS = 60;
const ADMIN_TOKEN = 'browser-bench-admin-token-0123456789';

/** p50/p95/p99/max of a list of samples. */
interface Dist {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function dist(samples: number[]): Dist {
  const s = Float64Array.from(samples).sort();
  return {
    n: s.length,
    p50: quantile(s, 0.5),
    p95: quantile(s, 0.95),
    p99: quantile(s, 0.99),
    max: s[s.length - 1] ?? NaN,
  };
}

interface SizeResult {
  blocks: number;
  chars: number;
  editableMs: number;
  allShownMs: number;
  openLongestTaskMs: number;
  openLongTasksOver100: number;
  /** The longest task from the document's first part until every block was shown. */
  arrivingLongestTaskMs: number;
  /** Opening again in the same browser profile, with the offline copy in IndexedDB. */
  reopen: {
    editableMs: number;
    allShownMs: number;
    longestTaskMs: number;
    arrivingLongestTaskMs: number;
    tasks: string;
  };
  heapMb: number;
  domNodes: number;
  formControls: number;
  app: Dist;
  floor: Dist;
  remote: Dist;
  /** The same typists through a bare relay to a plain page of the first blocks (remoteFloor.ts). */
  remoteFloor: Dist;
  /** Remote keystroke → in the page's document (server, network, the page's queue). */
  remoteArrived: Dist;
  /** Remote keystroke → at a watching client in the benchmark's process (server and network, no browser). */
  remoteRelayed: Dist;
  remoteMatched: number;
  remoteSent: number;
  /** React commits per local key (each walks the editable's DOM while it has the focus). */
  reactCommits: number;
  /** Where the opening's time went: milestones in ms from navigation start (probes.ts). */
  open: OpenMilestones;
  /** Tasks of 50 ms or more while opening: start (ms from navigation) + length. */
  openTasks: string;
}

interface OpenMilestones {
  html: number;
  scripts: number;
  socketCreated?: number;
  socketOpen?: number;
  /** The offline copy's load began (a mark of the page). */
  offlineCopy?: number;
  /** The first part of the document received, and the last (the sync answer). */
  documentFirst?: number;
  documentReceived?: number;
  documentBytes?: number;
  firstBlock?: number;
  allBlocks?: number;
}

async function importRecord(base: string, text: string, title: string) {
  const res = await fetch(`${base}/api/sessions/import?title=${encodeURIComponent(title)}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: text,
  });
  if (res.status !== 201) throw new Error(`import of "${title}" failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { session: { id: string; links: { noteTaker: string } } };
  const token = new URL(body.session.links.noteTaker, base).searchParams.get('token')!;
  return { id: body.session.id, token };
}

/** Wait until `expression` is true in the page, evaluating it every 50 ms from here. */
async function pollPage(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (performance.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Type `count` keys at a steady interval wherever the focus is; returns each key's latency. */
async function typeKeys(page: Page, count: number): Promise<number[]> {
  await page.evaluate('window.__bench.keys = []; window.__bench.commits = 0; window.__bench.recordKeys = true');
  const text = 'Thank you, Chair. We support the proposal as amended. ';
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const due = start + i * KEY_INTERVAL_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await page.keyboard.type(text[i % text.length]!);
  }
  // the last keys' frames; polled from here: waitForFunction's in-page polling compiles its
  // predicate, which the app's CSP (no 'unsafe-eval') refuses when the first check is false
  await pollPage(page, `window.__bench.keys.length >= ${count}`, 30_000);
  return page.evaluate('window.__bench.recordKeys = false, window.__bench.keys') as Promise<number[]>;
}

/** React commits since typing started, per key. */
async function commitsPerKey(page: Page, keys: number): Promise<number> {
  return ((await page.evaluate('window.__bench.commits')) as number) / keys;
}

/** A V8 CPU profile of the page (`--profile=DIR`), written where `stop` is told; summarise with bench/profile.ts. */
async function startProfile(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    stop: async (file: string) => {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(profile));
      await cdp.detach();
      console.log(`profile written: ${file}`);
    },
  };
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'blink'];

/** Stop the Chromium trace (`--trace=DIR`) and write it as DIR/NAME.trace.json. */
async function writeTrace(browser: Browser, name: string): Promise<void> {
  const file = path.resolve(args.get('trace')!, `${name}.trace.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, await browser.stopTracing());
  console.log(`trace written: ${file}`);
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

interface Figures {
  domNodes: number;
  formControls: number;
  longTasks: { start: number; duration: number }[];
  timeline: { name: string; type: string; start: number; end: number }[];
  open: OpenMilestones;
}

/**
 * The longest task while the record arrives: from the first of the offline copy's load and the
 * document's first part, until every block is shown.
 */
function longestWhileArriving({ longTasks, open }: Figures, allShownMs: number): number {
  const from = Math.min(open.offlineCopy ?? Infinity, open.documentFirst ?? Infinity);
  const during = longTasks.filter((t) => t.start + t.duration > from && t.start < allShownMs);
  return Math.max(0, ...during.map((t) => t.duration));
}

/** `--timeline`: what the page fetched and marked, its long tasks and milestones, in time order. */
function printTimeline(title: string, { timeline, longTasks, open }: Figures): void {
  const rows = [
    ...timeline.map((e) => ({
      at: e.start,
      text: `${e.type} ${e.name}${e.end > e.start ? ` → ${e.end.toFixed(0)}` : ''}`,
    })),
    ...longTasks.map((t) => ({ at: t.start, text: `task ${t.duration.toFixed(0)} ms` })),
    ...Object.entries(open).map(([name, at]) => ({ at: Number(at), text: name })),
  ].sort((a, b) => a.at - b.at);
  console.log(`\n${title}:\n${rows.map((r) => `${r.at.toFixed(0).padStart(6)}  ${r.text}`).join('\n')}`);
}

/** Tasks of 50 ms or more, as "start+length" (ms from navigation start). */
const taskList = (tasks: { start: number; duration: number }[]) =>
  tasks
    .filter((t) => t.duration >= 50)
    .map((t) => `${t.start.toFixed(0)}+${t.duration.toFixed(0)}`)
    .join(', ') || '-';

async function measureSize(browser: Browser, base: string, blocks: number): Promise<SizeResult> {
  const text = longRecord(blocks, WORDS_PER_BLOCK);
  const session = await importRecord(base, text, `Benchmark ${blocks} blocks`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(
      `localStorage.setItem('rapporteur:user', JSON.stringify({ name: 'Bench Typist', color: '#1f6feb' }));`,
    );
    await context.addInitScript(`window.__benchExpectBlocks = ${blocks};`);
    await context.addInitScript(INIT_PROBES);
    const page = await context.newPage();
    const openProfiler = args.has('profile') ? await startProfile(page) : null;
    if (args.has('trace')) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const t0 = performance.now();
    await page.goto(`${base}/s/${session.id}?token=${encodeURIComponent(session.token)}`);
    await page
      .locator('.record[contenteditable="true"] section[data-speaker-block]')
      .first()
      .waitFor({ timeout: 120_000 });
    const editableSeen = performance.now() - t0;
    await pollPage(
      page,
      `document.querySelectorAll('.record section[data-speaker-block]').length >= ${blocks}`,
      300_000,
    );
    const allShownSeen = performance.now() - t0;
    if (openProfiler) await openProfiler.stop(path.resolve(args.get('profile')!, `open-${blocks}.cpuprofile`));
    if (args.has('trace')) await writeTrace(browser, `open-${blocks}`);
    await page.locator('[data-testid="connection"][data-state="connected"]').waitFor({ timeout: 60_000 });
    const figures = (await page.evaluate(PAGE_FIGURES)) as Figures;
    if (args.has('timeline')) printTimeline(`opening ${blocks} blocks`, figures);
    const heap = await heapMb(page);
    // from the page's own clock (navigation start, a check every frame): polling from here would
    // add up to its polling interval
    const editableMs = figures.open.firstBlock ?? editableSeen;
    const allShownMs = figures.open.allBlocks ?? allShownSeen;

    // local typing at the end of the record's last statement
    const last = page.locator('.record section[data-speaker-block]').last().locator('.sb-body p').last();
    await last.scrollIntoViewIfNeeded();
    await last.click();
    await page.keyboard.press('End');
    await page.waitForTimeout(500);
    const profiler = args.has('profile') ? await startProfile(page) : null;
    const app = await typeKeys(page, keyCount);
    if (profiler) await profiler.stop(path.resolve(args.get('profile')!, `typing-${blocks}.cpuprofile`));
    const reactCommits = await commitsPerKey(page, keyCount);

    // remote note-takers typing while this page watches
    await page.evaluate(WATCH_REMOTE);
    const wsBase = `${base.replace(/^http/, 'ws')}/collab`;
    const remoteProfiler = args.has('profile') && remoteCount > 0 ? await startProfile(page) : null;
    const tracing = args.has('trace') && remoteCount > 0;
    if (tracing) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const remote = await startRemoteTypists(wsBase, session.id, session.token, remoteCount, 5);
    if (remoteCount > 0) await page.waitForTimeout(remoteSeconds * 1000);
    remote.stop();
    if (tracing) await writeTrace(browser, `remote-${blocks}`);
    if (remoteProfiler) await remoteProfiler.stop(path.resolve(args.get('profile')!, `remote-${blocks}.cpuprofile`));
    await page.waitForTimeout(remoteCount > 0 ? 1000 : 0);
    const painted = (await page.evaluate('window.__bench.remote')) as [string, number][];
    const arrivedAt = new Map((await page.evaluate('window.__bench.arrived')) as [string, number][]);
    remote.destroy();
    const latencies: number[] = [];
    const arrivals: number[] = [];
    const relays: number[] = [];
    const seen = new Set<string>();
    for (const [key, at] of painted) {
      const sentAt = remote.sent.get(key);
      if (sentAt === undefined || seen.has(key)) continue;
      seen.add(key);
      latencies.push(at - sentAt);
      const arrived = arrivedAt.get(key);
      if (arrived !== undefined) arrivals.push(arrived - sentAt);
      const relayed = remote.relayed.get(key);
      if (relayed !== undefined) relays.push(relayed - sentAt);
    }
    await page.close();

    // opening again in the same profile: the record now also comes from the offline copy
    const again = await context.newPage();
    if (args.has('trace')) await browser.startTracing(again, { categories: TRACE_CATEGORIES });
    const reopenProfiler = args.has('profile') ? await startProfile(again) : null;
    await again.goto(`${base}/s/${session.id}?token=${encodeURIComponent(session.token)}`);
    await pollPage(
      again,
      `document.querySelectorAll('.record section[data-speaker-block]').length >= ${blocks}`,
      300_000,
    );
    await again.locator('[data-testid="connection"][data-state="connected"]').waitFor({ timeout: 60_000 });
    const reopened = (await again.evaluate(PAGE_FIGURES)) as typeof figures;
    if (args.has('timeline')) printTimeline(`opening ${blocks} blocks again`, reopened);
    if (args.has('trace')) await writeTrace(browser, `reopen-${blocks}`);
    if (reopenProfiler) await reopenProfiler.stop(path.resolve(args.get('profile')!, `reopen-${blocks}.cpuprofile`));
    await again.close();

    // the floor: the same text in a plain contenteditable
    const floorPage = await context.newPage();
    await floorPage.setContent(floorHtml(recordBlocks(blocks, WORDS_PER_BLOCK)));
    await floorPage.evaluate(INIT_PROBES); // setContent replaced the document the init script saw
    const floorLast = floorPage.locator('#floor p').last();
    await floorLast.scrollIntoViewIfNeeded();
    await floorLast.click();
    await floorPage.keyboard.press('End');
    await floorPage.waitForTimeout(300);
    const floor = await typeKeys(floorPage, keyCount);
    await floorPage.close();
    // the remote floor: the same typists through a bare relay to a plain page of the first blocks
    // (a plain page of the whole record is no floor: without containment each character costs
    // Chromium a layout of the whole record, more than the application costs)
    const remoteFloor: number[] = [];
    if (remoteCount > 0) {
      const relayPage = await context.newPage();
      await relayPage.setContent(floorHtml(recordBlocks(Math.min(blocks, REMOTE_FLOOR_BLOCKS), WORDS_PER_BLOCK)));
      await relayPage.evaluate(INIT_PROBES);
      const relay = await openRemoteFloor(remoteCount, 5, TEXT);
      try {
        await relayPage.evaluate(floorPageScript(relay.url));
        await relay.start();
        await relayPage.waitForTimeout(remoteSeconds * 1000);
        relay.stop();
        await relayPage.waitForTimeout(1000);
        for (const [key, at] of (await relayPage.evaluate('window.__bench.remote')) as [string, number][]) {
          const sentAt = relay.sent.get(key);
          if (sentAt !== undefined) remoteFloor.push(at - sentAt);
        }
      } finally {
        await relay.close();
        await relayPage.close();
      }
    }

    return {
      blocks,
      chars: text.length,
      editableMs,
      allShownMs,
      openLongestTaskMs: Math.max(0, ...figures.longTasks.map((t) => t.duration)),
      openLongTasksOver100: figures.longTasks.filter((t) => t.duration > 100).length,
      arrivingLongestTaskMs: longestWhileArriving(figures, allShownMs),
      heapMb: heap,
      domNodes: figures.domNodes,
      formControls: figures.formControls,
      app: dist(app),
      floor: dist(floor),
      remote: dist(latencies),
      remoteFloor: dist(remoteFloor),
      remoteArrived: dist(arrivals),
      remoteRelayed: dist(relays),
      remoteMatched: latencies.length,
      remoteSent: remote.sent.size,
      reactCommits,
      open: figures.open,
      openTasks: taskList(figures.longTasks),
      reopen: {
        editableMs: reopened.open.firstBlock ?? NaN,
        allShownMs: reopened.open.allBlocks ?? NaN,
        longestTaskMs: Math.max(0, ...reopened.longTasks.map((t) => t.duration)),
        arrivingLongestTaskMs: longestWhileArriving(reopened, reopened.open.allBlocks ?? NaN),
        tasks: taskList(reopened.longTasks),
      },
    };
  } finally {
    await context.close();
  }
}

const f = (x: number, d = 0) => (Number.isNaN(x) ? '-' : x.toFixed(d));
const d4 = (x: Dist) => `${f(x.p50, 1)} / ${f(x.p95, 1)} / ${f(x.p99, 1)} / ${f(x.max, 1)}`;

function table(results: SizeResult[]): string {
  const rows = [
    '| blocks | chars | key p50/p95/p99/max, app (ms) | same, floor (ms) | remote → painted p50/p99/max (ms) | same, floor p50/p99/max (ms) | remote → in the page p50/p99 (ms) | remote → a client without browser p50/p99 (ms) | editable (ms) | all blocks shown (ms) | longest task / tasks > 100 ms while opening | longest task while the record arrives (ms) | heap (MB) | DOM nodes | form controls in the editable | React commits per key |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.blocks} | ${r.chars.toLocaleString('en')} | ${d4(r.app)} | ${d4(r.floor)} | ${f(r.remote.p50, 1)} / ${f(r.remote.p99, 1)} / ${f(r.remote.max, 1)} (${r.remoteMatched}/${r.remoteSent}) | ${f(r.remoteFloor.p50, 1)} / ${f(r.remoteFloor.p99, 1)} / ${f(r.remoteFloor.max, 1)} | ${f(r.remoteArrived.p50, 1)} / ${f(r.remoteArrived.p99, 1)} | ${f(r.remoteRelayed.p50, 1)} / ${f(r.remoteRelayed.p99, 1)} | ${f(r.editableMs)} | ${f(r.allShownMs)} | ${f(r.openLongestTaskMs)} / ${r.openLongTasksOver100} | ${f(r.arrivingLongestTaskMs)} | ${f(r.heapMb, 1)} | ${r.domNodes.toLocaleString('en')} | ${r.formControls} | ${f(r.reactCommits, 1)} |`,
    ),
  ];
  rows.push(
    '',
    "Opening, in ms from navigation start (the page's own clock):",
    '',
    '| blocks | page and scripts loaded | socket created | socket open | document: first part / all received (KB) | editable (first block shown) | all blocks shown | tasks ≥ 50 ms (start+length) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      ({ blocks, open: o, openTasks }) =>
        `| ${blocks} | ${f(o.html)} / ${f(o.scripts)} | ${f(o.socketCreated ?? NaN)} | ${f(o.socketOpen ?? NaN)} | ${f(o.documentFirst ?? NaN)} / ${f(o.documentReceived ?? NaN)} (${f((o.documentBytes ?? NaN) / 1024)}) | ${f(o.firstBlock ?? NaN)} | ${f(o.allBlocks ?? NaN)} | ${openTasks} |`,
    ),
  );
  rows.push(
    '',
    'Opening again in the same browser profile (the offline copy in IndexedDB holds the record), ms from navigation start:',
    '',
    '| blocks | editable | all blocks shown | longest task | longest task while the record arrives | tasks ≥ 50 ms (start+length) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...results.map(
      ({ blocks, reopen: r }) =>
        `| ${blocks} | ${f(r.editableMs)} | ${f(r.allShownMs)} | ${f(r.longestTaskMs)} | ${f(r.arrivingLongestTaskMs)} | ${r.tasks} |`,
    ),
  );
  const first = results[0];
  const lastR = results[results.length - 1];
  if (first && lastR && results.length > 1) {
    rows.push(
      '',
      `Ratios: key p99 at ${lastR.blocks} blocks / at ${first.blocks} blocks = ${f(lastR.app.p99 / first.app.p99, 2)} (target ≤ 1.5), ` +
        `the floor's own: ${f(lastR.floor.p99 / first.floor.p99, 2)}; key p99 / the floor's at ${lastR.blocks} blocks = ${f(lastR.app.p99 / lastR.floor.p99, 2)}; ` +
        `key p50 at ${first.blocks} blocks / floor = ${f(first.app.p50 / first.floor.p50, 2)} (target ≤ 2); ` +
        `remote p99 in 60 Hz frames: ${results.map((r) => `${r.blocks}: ${f(r.remote.p99 / 16.7, 1)}`).join(', ')} (target ≤ 2); ` +
        `remote p99 / the floor's (a bare relay to a plain page, same run): ${results.map((r) => `${r.blocks}: ${f(r.remote.p99 / r.remoteFloor.p99, 2)}`).join(', ')}.`,
    );
  }
  return rows.join('\n');
}

function writeResults(markdown: string): void {
  const file = path.join(REPO_ROOT, 'tests/bench/RESULTS.md');
  const start = '<!-- browser-bench:start -->';
  const end = '<!-- browser-bench:end -->';
  const section = `${start}\n## Browser: long records (issue 17)\n\n${markdown}\n${end}`;
  const current = readFileSync(file, 'utf8');
  const next = current.includes(start)
    ? current.replace(new RegExp(`${start}[\\s\\S]*${end}`), section)
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}

async function main(): Promise<void> {
  ensureServerBuilt();
  ensureClientBuilt();
  const storage = await createProcessStorage(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  // --server-profile=DIR: the server's CPU profile over the whole run, written when it stops
  const nodeFlags = args.has('server-profile')
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args.get('server-profile')!)}`]
    : [];
  const server = await spawnServer(
    { ...storage.env, CLIENT_DIR: CLIENT_DIST, ADMIN_TOKEN },
    { built: true, nodeFlags },
  );
  const browser = await launchBrowser();
  const results: SizeResult[] = [];
  try {
    for (const blocks of sizes) {
      const r = await measureSize(browser, server.url, blocks);
      results.push(r);
      console.log(
        `${blocks} blocks: key p50/p99 ${f(r.app.p50, 1)}/${f(r.app.p99, 1)} ms (floor ${f(r.floor.p50, 1)}/${f(r.floor.p99, 1)}), remote p99 ${f(r.remote.p99, 1)} ms, editable ${f(r.editableMs)} ms, all shown ${f(r.allShownMs)} ms`,
      );
      if (r.app.n < keyCount || (remoteCount > 0 && (r.remoteMatched === 0 || r.remoteFloor.n === 0)))
        throw new Error(`${blocks} blocks: keys or remote text went missing`);
    }
  } finally {
    await browser.close();
    await server.kill();
    await storage.drop();
  }
  const header = `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Chromium ${browser.version()}, ${WORDS_PER_BLOCK} words a block, a key every ${KEY_INTERVAL_MS} ms (${keyCount} keys), ${remoteCount} remote note-takers at 5 keys/s for ${remoteSeconds} s.`;
  const md = `${header}\n\n${table(results)}\n`;
  console.log(`\n${md}`);
  if (!smoke && !args.has('no-write')) writeResults(md);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
