/**
 * `npm run bench`: measures what a classroom waits for, as medians of several runs, and prints one
 * JSON object with each figure and its budget. Not part of `npm test`: figures vary with the machine,
 * so budgets are checked here, never by timed tests.
 *
 * Measured now:
 * - the review page: importing 200 logs of a class (made by playing) in headless Chromium, from the
 *   moment the files are given to the page's file picker until the class table shows every row
 *   (budget: 3 s, issue "review");
 * - Node: verifying those 200 logs with the core, one after another.
 * Exit status 1 when a figure is over its budget.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyLogText } from '../../src/core/log/verify.ts';
import { openBrowser } from '../e2e/browser.ts';
import { serveSite } from '../e2e/server.ts';
import { currentRefs } from '../core/log/format2-fixtures.ts';
import { classLogs } from '../fixtures/class-logs.ts';

const RUNS = 7;
const LOGS = 200;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

interface Figure {
  medianMs: number;
  runsMs: number[];
  budgetMs: number;
  withinBudget: boolean;
}

function figure(runs: number[], budgetMs: number): Figure {
  const medianMs = Math.round(median(runs));
  return { medianMs, runsMs: runs.map((r) => Math.round(r)), budgetMs, withinBudget: medianMs <= budgetMs };
}

async function reviewImport(files: string[]): Promise<number[]> {
  const site = await serveSite();
  const browser = await openBrowser({ viewport: { width: 1280, height: 800 } });
  const runs: number[] = [];
  try {
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
  } finally {
    await browser.close();
    await site.close();
  }
  return runs;
}

async function nodeVerify(texts: string[]): Promise<number[]> {
  const refs = await currentRefs();
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    for (const text of texts) await verifyLogText(text, refs);
    runs.push(performance.now() - started);
  }
  return runs;
}

const dir = await mkdtemp(join(tmpdir(), 'circular938-bench-'));
try {
  const logs = await classLogs(LOGS);
  const files: string[] = [];
  for (const log of logs) {
    const file = join(dir, log.name.replace(/\.json$/, `-${files.length}.json`));
    await writeFile(file, log.text);
    files.push(file);
  }
  const results = {
    machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
    reviewImport200: figure(await reviewImport(files), 3000),
    nodeVerify200: figure(await nodeVerify(logs.map((l) => l.text)), 3000),
  };
  console.log(JSON.stringify(results, null, 2));
  process.exitCode = Object.values(results).some((r) => 'withinBudget' in r && !r.withinBudget) ? 1 : 0;
} finally {
  await rm(dir, { recursive: true, force: true });
}
