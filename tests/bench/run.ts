/**
 * `npm run bench`: measures what a classroom waits for and prints one JSON object with each figure,
 * its budget and, where there is one, its ratio to a bare Phaser page (tests/bench/baseline/, built
 * with the game's Vite settings). Not part of `npm test`: figures vary with the machine, so budgets
 * are checked here, never by timed tests. Exit status 1 when a figure is over its budget.
 *
 * In headless Chromium, the game and the baseline loaded cold and alternately (the order swapped
 * every run), at normal speed and with the CPU throttled 4 times (CDP Emulation.setCPUThrottlingRate):
 * - the first usable control (medians of RUNS runs): the game's first visible, enabled button; the
 *   baseline's first scene's create. Budget: at most 0.3 times the baseline's time at 4x;
 * - the bytes fetched before it, gzip as the bench server sends them (sites.ts). Budget: at most
 *   0.15 times the baseline's;
 * - the 95th percentile of frame times over FRAME_WINDOW_MS in every scene at 4x (the game played
 *   through by keyboard; medians of TOUR_RUNS tours). Budget: 17 ms, one frame at 60 Hz;
 * - the JS heap after a garbage collection (at the title, and the largest over the scenes);
 * - importing 200 logs of a class on the review page (budget 3 s, issue "review").
 * In Node: verifying 10,000 logs of a class as `npm run logs -- verify` does, from their files, in its
 * worker threads (budget 1 s; the same in one thread is reported beside it), and enumerating every
 * scenario's branches (reported, without a budget).
 *
 * BENCH_RUNS, BENCH_TOUR_RUNS and BENCH_PARTS (a comma list of load, frames, review, node) narrow a
 * run while working on one figure; the full bench uses the defaults.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBrowser, type TestBrowser } from '../e2e/browser.ts';
import { serveSite } from '../e2e/server.ts';
import { classLogs } from '../fixtures/class-logs.ts';
import { median } from '../scenarios/search.ts';
import { loadOnce, type Load } from './browser-figures.ts';
import { everyScenario, searchAll, verifyBench } from './node-figures.ts';
import { SCENES, tourBaseline, tourGame, type SceneFigures, type SceneName } from './scene-tour.ts';
import { COMPRESSION, serveBenchSites, type BenchSites } from './sites.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);
const TOUR_RUNS = Number(process.env['BENCH_TOUR_RUNS'] ?? 3);
const PARTS = new Set((process.env['BENCH_PARTS'] ?? 'load,frames,review,node').split(','));
const THROTTLE = 4;
const FRAME_WINDOW_MS = 5_000;
const REVIEW_LOGS = 200;
const VERIFY_LOGS = 10_000;
const NODE_RUNS = 3;
/**
 * Timed verifications of the class's files, as many as the browser figures' runs: a fresh worker
 * verifies its first few thousand files about twice as slowly while V8 optimises the verifier, so
 * with three runs the median was often that first, cold one. The cold run is reported beside it.
 */
const VERIFY_RUNS = Math.max(RUNS, 7);

/** One figure: its value, its budget (null where none is set) and its ratio to the baseline (null where none applies). */
interface Figure {
  value: number;
  unit: string;
  budget: number | null;
  /** What the budget bounds: the value itself, or its ratio to the baseline. */
  budgetOn: 'value' | 'ratio' | null;
  ratio: number | null;
  withinBudget: boolean;
  runs?: number[];
  baseline?: number;
  note?: string;
}

const round = (n: number, digits = 0): number => Number(n.toFixed(digits));

function figure(value: number, unit: string, options: { budget?: number; budgetOn?: 'value' | 'ratio'; baseline?: number; runs?: number[]; note?: string; digits?: number }): Figure {
  const digits = options.digits ?? 0;
  const ratio = options.baseline === undefined ? null : round(value / options.baseline, 3);
  const budget = options.budget ?? null;
  const budgetOn = budget === null ? null : (options.budgetOn ?? 'value');
  const measured = budgetOn === 'ratio' ? ratio : value;
  return {
    value: round(value, digits),
    unit,
    budget,
    budgetOn,
    ratio,
    withinBudget: budget === null || (measured !== null && measured <= budget),
    ...(options.runs ? { runs: options.runs.map((r) => round(r, digits)) } : {}),
    ...(options.baseline === undefined ? {} : { baseline: round(options.baseline, digits) }),
    ...(options.note ? { note: options.note } : {}),
  };
}

async function withBrowser<T>(use: (browser: TestBrowser) => Promise<T>): Promise<T> {
  const browser = await openBrowser({ viewport: { width: 1280, height: 800 } });
  try {
    return await use(browser);
  } finally {
    await browser.close();
  }
}

/** Cold loads of both pages, alternately, at each speed. */
async function loads(sites: BenchSites): Promise<Record<string, Figure>> {
  const runs: Record<'game' | 'baseline', Record<number, Load[]>> = { game: { 1: [], [THROTTLE]: [] }, baseline: { 1: [], [THROTTLE]: [] } };
  await withBrowser(async (browser) => {
    for (let i = 0; i < RUNS; i++) {
      for (const rate of [1, THROTTLE]) {
        const order = i % 2 === 0 ? (['game', 'baseline'] as const) : (['baseline', 'game'] as const);
        for (const page of order) {
          const load = await loadOnce(browser, page === 'game' ? sites.game : sites.baseline, rate, page === 'game');
          await load.page.close();
          runs[page][rate]?.push(load);
        }
      }
    }
  });
  const times = (page: 'game' | 'baseline', rate: number): number[] => (runs[page][rate] ?? []).map((l) => l.usableMs);
  const bytes = (page: 'game' | 'baseline'): number[] => (runs[page][THROTTLE] ?? []).map((l) => l.bytes);
  const firstScreen = runs.game[THROTTLE]?.[0]?.files ?? [];
  return {
    firstControlMs: figure(median(times('game', 1)), 'ms', { baseline: median(times('baseline', 1)), runs: times('game', 1) }),
    firstControlMsAt4x: figure(median(times('game', THROTTLE)), 'ms', {
      baseline: median(times('baseline', THROTTLE)), runs: times('game', THROTTLE), budget: 0.3, budgetOn: 'ratio',
    }),
    firstControlBytes: figure(median(bytes('game')), 'bytes', {
      baseline: median(bytes('baseline')), runs: bytes('game'), budget: 0.15, budgetOn: 'ratio',
      note: `requests started before the first usable control at 4x, as transferred (${COMPRESSION}): ${firstScreen.join(', ')}`,
    }),
  };
}

/** Frame times and heap in every scene, medians of the tours. */
async function frames(sites: BenchSites): Promise<Record<string, Figure>> {
  const tours: Record<SceneName, SceneFigures>[] = [];
  const base: SceneFigures[] = [];
  await withBrowser(async (browser) => {
    for (let i = 0; i < TOUR_RUNS; i++) {
      tours.push(await tourGame(browser, sites.game, FRAME_WINDOW_MS, THROTTLE));
      base.push(await tourBaseline(browser, sites.baseline, FRAME_WINDOW_MS, THROTTLE));
    }
  });
  const baseP95 = median(base.map((b) => b.p95Ms));
  const out: Record<string, Figure> = {};
  for (const scene of SCENES) {
    const values = tours.map((t) => t[scene].p95Ms);
    out[`frameP95At4x.${scene}`] = figure(median(values), 'ms', { baseline: baseP95, runs: values, budget: 17, digits: 1 });
  }
  const titleHeap = tours.map((t) => t.title.heapMB);
  const peakHeap = tours.map((t) => Math.max(...SCENES.map((s) => t[s].heapMB)));
  const baseHeap = median(base.map((b) => b.heapMB));
  out['heapMB.title'] = figure(median(titleHeap), 'MB', { baseline: baseHeap, runs: titleHeap, digits: 1 });
  out['heapMB.peak'] = figure(median(peakHeap), 'MB', { baseline: baseHeap, runs: peakHeap, digits: 1, note: 'the largest over the scenes of a tour' });
  return out;
}

/** Importing a class's logs on the review page, from the file picker until the class table shows every row. */
async function reviewImport(files: string[]): Promise<number[]> {
  const site = await serveSite();
  try {
    return await withBrowser(async (browser) => {
      const runs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const page = browser.page;
        await page.goto(`${site.url}review.html`);
        await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
        const input = page.locator('input[type="file"][multiple]:not([webkitdirectory])').first();
        const started = performance.now();
        await input.setInputFiles(files);
        // The page marks the end of an import with the number of files it holds, once the table is drawn.
        await page.waitForSelector(`body[data-imported="${files.length}"]`, { state: 'attached', timeout: 60_000 });
        if ((await page.locator('#class-table tbody tr[data-key]').count()) !== files.length) throw new Error('the class table does not show every log');
        runs.push(performance.now() - started);
      }
      return runs;
    });
  } finally {
    await site.close();
  }
}

async function review(): Promise<Record<string, Figure>> {
  const dir = await mkdtemp(join(tmpdir(), 'circular938-bench-'));
  try {
    const files: string[] = [];
    for (const log of await classLogs(REVIEW_LOGS)) {
      const file = join(dir, log.name.replace(/\.json$/, `-${files.length}.json`));
      await writeFile(file, log.text);
      files.push(file);
    }
    const runs = await reviewImport(files);
    return { reviewImport200Ms: figure(median(runs), 'ms', { runs, budget: 3000 }) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function node(): Promise<Record<string, Figure>> {
  const bench = await verifyBench((await classLogs(VERIFY_LOGS)).map((l) => l.text));
  const verify: number[] = [];
  const oneThread: number[] = [];
  const floor: number[] = [];
  const floorOneThread: number[] = [];
  let statuses = {};
  let oneThreadStatuses = {};
  try {
    // Every timed run of the worker threads first, then those of this thread: a run in this thread
    // leaves its garbage here, and collecting it in the middle of a pooled run takes a core from the workers.
    // The verifier and its baseline alternate, so that a slow stretch of the machine slows both.
    for (let i = 0; i < VERIFY_RUNS; i++) {
      const run = await bench.pooled();
      verify.push(run.ms);
      statuses = run.statuses;
      floor.push(await bench.floorPooled());
    }
    for (let i = 0; i < VERIFY_RUNS; i++) {
      const single = await bench.oneThread();
      oneThread.push(single.ms);
      oneThreadStatuses = single.statuses;
      floorOneThread.push(await bench.floorOneThread());
    }
  } finally {
    await bench.close();
  }
  const scenarios = await everyScenario();
  const search: number[] = [];
  let found = { states: 0, paths: '0' };
  for (let i = 0; i < NODE_RUNS; i++) {
    const run = searchAll(scenarios);
    search.push(run.ms);
    found = run;
  }
  return {
    verify10000LogsMs: figure(median(verify), 'ms', {
      runs: verify, budget: 1000, baseline: median(floor),
      note: `${VERIFY_LOGS} files of a class, as npm run logs -- verify reads and verifies them (in ${availableParallelism()} worker threads, ` +
        `started beforehand in ${Math.round(bench.startMs)} ms; the first, cold run took ${Math.round(verify[0] ?? 0)} ms): ${JSON.stringify(statuses)}`,
    }),
    // The same files in one thread, as the command verifies a few: reported beside the budgeted figure.
    verify10000LogsOneThreadMs: figure(median(oneThread), 'ms', {
      runs: oneThread, baseline: median(floorOneThread), note: `the same files in one thread: ${JSON.stringify(oneThreadStatuses)}`,
    }),
    // The baseline of both (verify-floor.ts): reading, parsing and following the hash chain, nothing more.
    verifyBaselineMs: figure(median(floor), 'ms', {
      runs: floor,
      note: `the baseline of the two figures above, alternated with them: the same files read, parsed and their hash chains followed (a SHA-256 digest for each entry, the header and the head), ` +
        `without the shape check, the replay, the verdict or the report; in ${availableParallelism()} worker threads (in one: ${Math.round(median(floorOneThread))} ms, runs ${JSON.stringify(floorOneThread.map(Math.round))})`,
    }),
    // The issue sets no budget for the search: it is reported, and the scenario checks bound it by their state budget.
    searchEveryScenarioMs: figure(median(search), 'ms', {
      runs: search, note: `${scenarios.length} scenarios, ${found.states} states, ${found.paths} paths`,
    }),
  };
}

const figures: Record<string, Figure> = {};
if (PARTS.has('node')) Object.assign(figures, await node());
if (PARTS.has('load') || PARTS.has('frames')) {
  const sites = await serveBenchSites();
  try {
    if (PARTS.has('load')) Object.assign(figures, await loads(sites));
    if (PARTS.has('frames')) Object.assign(figures, await frames(sites));
  } finally {
    await sites.close();
  }
}
if (PARTS.has('review')) Object.assign(figures, await review());

const results = {
  machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' },
  settings: { runs: RUNS, tourRuns: TOUR_RUNS, throttle: THROTTLE, frameWindowMs: FRAME_WINDOW_MS, compression: COMPRESSION },
  figures,
  overBudget: Object.entries(figures).filter(([, f]) => !f.withinBudget).map(([name]) => name),
};
console.log(JSON.stringify(results, null, 2));
process.exitCode = results.overBudget.length > 0 ? 1 : 0;
