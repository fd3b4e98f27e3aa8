/**
 * Driving the game page as a student does, with the keyboard only, and reading (never writing)
 * what the page shows: the phase and node on <body>, the panel, the live session for comparison.
 * Helpers wait for conditions, never for fixed times.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, type TestContext } from 'vitest';
import type * as Axe from 'axe-core';
import type { SessionState } from '../../src/core/engine/state.ts';
import { ARTIFACTS } from './browser.ts';
import { serveSite, type Site } from './server.ts';
import { randomStream } from '../../src/core/engine/rng.ts';
import { parseSeed } from '../../src/store/seed.ts';

// ---------------------------------------------------------------- the game's seed

/** The seed every e2e game starts from, unless E2E_SEED names another. */
export const DEFAULT_E2E_SEED = 938;

function seedFromEnv(): number {
  const text = process.env['E2E_SEED'];
  if (text === undefined || text === '') return DEFAULT_E2E_SEED;
  const seed = parseSeed(text.trim());
  if (seed === null) throw new Error(`E2E_SEED="${text}" is not a seed: give whole decimal digits from 0 to 4294967295.`);
  return seed;
}

/** The game seed of this run: fixed, so that a failure can be replayed with the same path. */
export const E2E_SEED = seedFromEnv();

/** `url` with `?seed=` set (the page's own parameter; other parameters are kept). */
export function seeded(url: string, seed = E2E_SEED): string {
  const u = new URL(url);
  u.searchParams.set('seed', String(seed));
  return u.href;
}

/** For beforeEach: a failing test prints the game seed and how to run it again. */
export function reportSeedOnFailure(context: TestContext): void {
  context.onTestFailed(() => {
    process.stderr.write(`[e2e] "${context.task.name}" failed with game seed ${E2E_SEED}; run it again with E2E_SEED=${E2E_SEED}\n`);
  });
}

export type Phase = 'title' | 'cable' | 'appointment' | 'meeting' | 'report' | 'washington' | 'debrief' | 'error' | 'loading';

/** The phase the page says it is in (`body[data-phase]`). */
export async function phaseOf(page: Page): Promise<Phase> {
  return (await page.locator('body').getAttribute('data-phase')) as Phase;
}

/** The node the page says it shows (`body[data-node]`). */
export async function nodeOf(page: Page): Promise<string> {
  return (await page.locator('body').getAttribute('data-node')) ?? '';
}

/**
 * Waits for the first screen and the game behind it: the start form is there, the page says it is
 * the title, and the game has taken the title over (its store is on the page, so a saved game is
 * offered by now).
 */
export async function waitForTitle(page: Page): Promise<void> {
  await page.locator('#start-form').waitFor({ state: 'visible' });
  await page.waitForSelector('body[data-phase="title"]', { state: 'attached' });
  await page.waitForFunction(() => 'circular938' in globalThis);
}

/** The live session, read from the page's store (reading only; the game is never driven this way). */
export async function readSession(page: Page): Promise<SessionState | null> {
  return page.evaluate(() => {
    const g = globalThis as unknown as { circular938?: { store: { getState(): { session: unknown } } } };
    if (!g.circular938) throw new Error('the page exposes no globalThis.circular938.store');
    // A JSON copy: exactly what a save or a log could carry, nothing live.
    return JSON.parse(JSON.stringify(g.circular938.store.getState().session)) as SessionState | null;
  });
}

/** The id of the focused element, or its tag when it has none. */
export async function focusedDescription(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`;
  });
}

/**
 * Presses Tab until the element matching `selector` has focus, as a keyboard user does; fails
 * (listing what Tab visited) when it is not reached within `maxTabs` presses.
 */
export async function tabTo(page: Page, selector: string, maxTabs = 40): Promise<void> {
  const visited: string[] = [];
  for (let i = 0; i < maxTabs; i++) {
    if (await page.locator(selector).evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
    visited.push(await focusedDescription(page));
  }
  if (await page.locator(selector).evaluate((el) => el === document.activeElement).catch(() => false)) return;
  throw new Error(`Tab did not reach ${selector} in ${maxTabs} presses; focus went: ${visited.join(' → ')}`);
}

/** Starts a game from the title as a keyboard user does: Tab to the name, type it, Enter. */
export async function startByKeyboard(page: Page, name = 'Lucía Test'): Promise<void> {
  await tabTo(page, '#student-name');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await page.waitForSelector('body[data-phase="cable"]', { state: 'attached' });
}

/** The labels of the choices shown now, in order, with the choice index each carries. */
export async function visibleChoices(page: Page): Promise<{ label: string; index: number }[]> {
  return page.locator('#choices button.choice').evaluateAll((buttons) =>
    buttons.map((b) => ({
      label: (b.querySelector('.choice-label')?.textContent ?? b.textContent ?? '').trim(),
      index: Number((b as HTMLElement).dataset['choice']),
    })),
  );
}

/**
 * Takes the `n`th visible choice (1-based) by its number key, or by Tab to its button and Enter,
 * and waits until the panel has been redrawn (its content replaced), which the overlay does for
 * every decision, even one that returns to the same node.
 */
export async function pressChoice(page: Page, n: number, via: 'number' | 'tab-enter' = 'number'): Promise<void> {
  const before = await page.locator('#panel > *').first().elementHandle();
  if (!before) throw new Error('the panel is empty');
  if (via === 'number') {
    await page.keyboard.press(String(n));
  } else {
    await tabTo(page, `#choices > li:nth-child(${n}) > button.choice`, 20);
    await page.keyboard.press('Enter');
  }
  try {
    await page.waitForFunction((el) => !el.isConnected, before, { timeout: 10_000 });
  } catch (e) {
    const problem = (await page.locator('#problem').textContent().catch(() => null)) ?? '';
    throw new Error(
      `${via === 'number' ? `pressing ${n}` : `Tab to choice ${n} and Enter`} at node "${await nodeOf(page)}" did not change the panel within 10 s` +
        `${problem ? `; the page says: ${problem}` : ''} (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
      { cause: e },
    );
  } finally {
    await before.dispose();
  }
}

/** Saves a screenshot of the viewport to tests/e2e/artifacts/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage, animations: 'disabled', caret: 'hide' });
  return path;
}

/** A deterministic stream of floats in [0, 1) for the test's choice policy (core's seeded PRNG). */
export const mulberry32 = randomStream;

// ---------------------------------------------------------------- accessibility

const requireFromHere = createRequire(import.meta.url);
const AXE_PATH = requireFromHere.resolve('axe-core/axe.min.js');

export interface AxeFinding {
  screen: string;
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  nodes: { target: string; summary: string }[];
}

/**
 * Runs axe-core on the whole document and returns the violations of impact serious or critical
 * (the design's bar); minor and moderate ones are returned too when `all` is set.
 */
export async function runAxe(page: Page, screen: string, all = false): Promise<AxeFinding[]> {
  const present = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!present) await page.addScriptTag({ path: AXE_PATH });
  // axe's colour-contrast rule reads computed opacity, so a CSS transition in flight (a caption
  // fading in or out over 0.4 s) gives colours no reader sees for longer than that. Each run
  // starts once finite transitions and animations have finished, and is repeated (up to three
  // times) when one started while axe was running.
  for (let attempt = 1; ; attempt++) {
    const run = await page.evaluate(async () => {
      const finite = (): Animation[] =>
        document.getAnimations().filter((a) => a.playState === 'running' && Number.isFinite(Number(a.effect?.getComputedTiming().endTime)));
      await Promise.race([
        Promise.all(finite().map((a) => a.finished.catch(() => undefined))),
        new Promise((resolve) => setTimeout(resolve, 3_000)),
      ]);
      let moved = false;
      const flag = (): void => {
        moved = true;
      };
      document.addEventListener('transitionrun', flag, true);
      document.addEventListener('animationstart', flag, true);
      try {
        const axe = (globalThis as unknown as { axe: typeof Axe }).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return {
          moved: moved || finite().length > 0,
          violations: result.violations.map((v) => ({
            id: v.id,
            impact: v.impact ?? 'unknown',
            help: v.help,
            helpUrl: v.helpUrl,
            nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim() })),
          })),
        };
      } finally {
        document.removeEventListener('transitionrun', flag, true);
        document.removeEventListener('animationstart', flag, true);
      }
    });
    if (!run.moved || attempt >= 3) {
      return run.violations.filter((v) => all || v.impact === 'serious' || v.impact === 'critical').map((v) => ({ screen, ...v }));
    }
  }
}

/** Axe findings as a readable report. */
export function formatAxe(findings: AxeFinding[]): string {
  return findings
    .map(
      (f) =>
        `- [${f.screen}] ${f.id} (${f.impact}): ${f.help}\n  ${f.helpUrl}\n` +
        f.nodes
          .slice(0, 8)
          .map((n) => `    at ${n.target}: ${n.summary}`)
          .join('\n') +
        (f.nodes.length > 8 ? `\n    … and ${f.nodes.length - 8} more` : ''),
    )
    .join('\n');
}

/** Where the game keeps the Mexico save in localStorage (src/store/game-store.ts, saveKey). */
export const SAVE_KEY = 'circular938.save.mexico';

/**
 * Serves the built site for the test file that calls it (at its top level) and closes it after. A failed
 * setup fails every test instead of leaving them skipped, and a failing test prints the seed to rerun it.
 * Returns a getter for the site, usable inside the tests.
 */
export function useSite(): () => Site {
  let site: Site | undefined;
  let setupError: unknown = null;
  beforeAll(async () => {
    try {
      site = await serveSite();
    } catch (e) {
      setupError = e;
    }
  });
  beforeEach((context) => {
    if (setupError) throw setupError;
    reportSeedOnFailure(context);
  });
  afterAll(async () => {
    await site?.close();
  });
  return () => {
    if (!site) throw new Error('the site was not served');
    return site;
  };
}
