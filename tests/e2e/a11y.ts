/**
 * What the accessibility tests share: axe-core runs kept in a report for a reader (every impact,
 * and the text whose contrast axe could not decide), a way to open folded parts before axe reads
 * them, and the real log that the tests watch.
 */
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as Axe from 'axe-core';
import type { Page } from 'playwright-core';
import { ARTIFACTS, PROJECT_ROOT } from './browser.ts';
import { formatAxe, runAxe, type AxeFinding } from './game.ts';

/** A real log of two attempts, the second played to an ending (as replay.test.ts watches it). */
export const WATCHED = join(PROJECT_ROOT, 'tests/fixtures/logs/mexico-v2-format1-historical.json');

export interface AxeLog {
  check(page: Page, screen: string): Promise<void>;
  screens: string[];
  /** Throws with a readable list when any run found a serious or critical violation. */
  assertClean(): void;
}

type Report = { screen: string; findings: AxeFinding[]; contrastUndecided: { target: string; reason: string }[] }[];
const reports = new Map<string, Report>();

/**
 * Runs axe on each named screen, keeps what it found, and fails the test at its end with the
 * serious and critical ones. Every run is also written to artifacts/<file>.json for a reader: the
 * violations of every impact, and the text whose contrast axe could not decide (over another box,
 * in SVG), with its reason, to be checked by eye.
 */
export function axeLog(file: string): AxeLog {
  const report = reports.get(file) ?? [];
  reports.set(file, report);
  const serious: AxeFinding[] = [];
  const screens: string[] = [];
  return {
    screens,
    async check(page, screen) {
      screens.push(screen);
      const all = await runAxe(page, screen, true);
      const contrastUndecided = await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: typeof Axe }).axe;
        const r = await axe.run(document, { runOnly: ['color-contrast'] });
        return r.incomplete.flatMap((v) => v.nodes.map((n) => ({ target: n.target.map(String).join(' '), reason: String((n.any[0]?.data as { messageKey?: string } | null)?.messageKey ?? '') })));
      });
      report.push({ screen, findings: all, contrastUndecided });
      serious.push(...all.filter((f) => f.impact === 'serious' || f.impact === 'critical'));
      mkdirSync(ARTIFACTS, { recursive: true });
      await writeFile(join(ARTIFACTS, `${file}.json`), JSON.stringify(report, null, 2));
    },
    assertClean() {
      if (serious.length > 0) throw new Error(`axe-core found ${serious.length} serious or critical violation(s):\n${formatAxe(serious)}`);
    },
  };
}

/** Opens, by a click on its summary, every folded part under `scope`, so that axe reads what it holds. */
export async function openFolds(page: Page, scope: string): Promise<number> {
  const closed = page.locator(`${scope} details:not([open]) > summary`);
  const n = await closed.count();
  for (let i = 0; i < n; i++) await closed.first().click();
  return n;
}
