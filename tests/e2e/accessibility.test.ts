/**
 * Accessibility (issue 10, point 5), in a real headless Chromium against the built site: axe-core
 * finds no serious or critical violation on any screen of the game (the title with its post
 * chooser and map, every phase, the cable, the glossary, the decisions, the branch map, the count
 * and vote tables, the debrief, looking back, watching a log, the title's saved games and its
 * error messages), of the review page (empty, a class imported with its bad files, a student, the
 * class with its map) or of the teacher guide.
 */
import { writeFile } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type * as Axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { SOUND_CAPTIONS } from '../../src/audio/captions.ts';
import { wallTime } from '../../src/core/engine/clock.ts';
import { loadScenario } from '../../src/core/scenario/load.ts';
import { classLogs } from '../fixtures/class-logs.ts';
import { ARTIFACTS, openBrowser, PROJECT_ROOT, type TestBrowser } from './browser.ts';
import { DIST } from './server.ts';
import {
  formatAxe,
  nodeOf,
  readSession,
  phaseOf,
  pressChoice,
  runAxe,
  screenshot,
  seeded,
  startByKeyboard,
  waitForTitle,
  SAVE_KEY,
  useSite,
  type AxeFinding,
  type Phase,
} from './game.ts';

const site = useSite();
let browser: TestBrowser | null = null;
afterEach(async () => {
  await browser?.close();
  browser = null;
});

/**
 * Every axe run of the file, written to artifacts/accessibility.json for a reader: the violations
 * of every impact, and the text whose contrast axe could not decide (over another box, in SVG),
 * with its reason, to be checked by eye.
 */
const report: { screen: string; findings: AxeFinding[]; contrastUndecided: { target: string; reason: string }[] }[] = [];

/** Runs axe on each named screen, keeps what it found, and fails the test at its end with the serious and critical ones. */
function axeLog(): { check(page: Page, screen: string): Promise<void>; screens: string[]; assertClean(): void } {
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
      await writeFile(join(ARTIFACTS, 'accessibility.json'), JSON.stringify(report, null, 2));
    },
    assertClean() {
      if (serious.length > 0) throw new Error(`axe-core found ${serious.length} serious or critical violation(s):\n${formatAxe(serious)}`);
    },
  };
}

/** A real log of two attempts, the second played to an ending (as replay.test.ts watches it). */
/** Opens, by a click on its summary, every folded part under `scope`, so that axe reads what it holds. */
async function openFolds(page: Page, scope: string): Promise<number> {
  const closed = page.locator(`${scope} details:not([open]) > summary`);
  const n = await closed.count();
  for (let i = 0; i < n; i++) await closed.first().click();
  return n;
}

const WATCHED = join(PROJECT_ROOT, 'tests/fixtures/logs/mexico-v2-format1-historical.json');

describe('every screen of the game', () => {
  it('a counterfactual game from the title to the debrief, with every window it opens', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    const axe = axeLog();
    await page.goto(seeded(`${site().url}?variant=counterfactual`));
    await waitForTitle(page);
    // The chooser's map arrives after the first screen, and Phaser behind it.
    await page.locator('#post-map svg').waitFor({ state: 'attached' });
    await page.locator('.stage-status').waitFor({ state: 'hidden', timeout: 30_000 });
    await axe.check(page, 'title, post chooser and map');

    await startByKeyboard(page, 'Ada Lovelace');
    await axe.check(page, 'phase cable');
    await page.keyboard.press('c');
    await page.locator('#cable-dialog').waitFor({ state: 'visible' });
    expect(await openFolds(page, '#cable-dialog'), 'the cable has folded parts').toBeGreaterThan(0);
    await axe.check(page, 'the cable viewer, every fold open');
    await page.keyboard.press('Escape');
    await page.keyboard.press('g');
    await page.locator('#glossary-dialog').waitFor({ state: 'visible' });
    await axe.check(page, 'the glossary');
    await page.keyboard.press('Escape');
    await page.locator('#glossary-dialog').waitFor({ state: 'hidden' });

    const phases = new Set<Phase>(['cable']);
    const once = new Set<string>();
    const first = async (what: string, present: boolean): Promise<boolean> => {
      if (!present || once.has(what)) return false;
      once.add(what);
      return true;
    };
    for (let i = 0; i < 200 && (await page.locator('#download-log').count()) === 0; i++) {
      const phase = await phaseOf(page);
      if (!phases.has(phase)) {
        phases.add(phase);
        await axe.check(page, `phase ${phase} (${await nodeOf(page)})`);
      }
      if (await first('reason', (await page.locator('#reason').count()) > 0)) await axe.check(page, 'a decision that asks why');
      if (await first('count', (await page.locator('.count-table').count()) > 0)) {
        await openFolds(page, '.count-table');
        await axe.check(page, 'Washington: the count table, its sources open');
      }
      if (await first('vote', (await page.locator('.vote-table').count()) > 0)) {
        await openFolds(page, '.vote-table');
        await axe.check(page, 'the vote table (counterfactual), its sources open');
      }
      if (await first('sent', phase === 'washington' && (await page.locator('.telegram').count()) > 0)) await axe.check(page, 'the telegram as sent');
      if (phase === 'meeting' && (await first('windows', true))) {
        await page.keyboard.press('d');
        await page.waitForSelector('#decisions[open]');
        await axe.check(page, 'the decisions window (D)');
        await page.locator('#decisions [data-look]').first().click();
        await page.locator('.looking-bar').waitFor();
        await axe.check(page, 'looking back at a decision');
        await page.locator('#back-to-present').click();
        await page.locator('.looking-bar').waitFor({ state: 'detached' });
        await page.keyboard.press('b');
        await page.waitForSelector('#branch-map[open] g[data-node] > rect');
        await axe.check(page, 'the branch map (B)');
        await page.keyboard.press('Escape');
        await page.waitForSelector('#branch-map[open]', { state: 'detached' });
      }
      await pressChoice(page, 1);
    }
    expect(await page.locator('#download-log').count(), 'the debrief was reached').toBe(1);
    await page.locator('.rubric').waitFor();
    await axe.check(page, 'the debrief');
    await page.keyboard.press('b');
    await page.waitForSelector('#branch-map[open] g[data-node] > rect');
    await axe.check(page, 'the branch map after an ending');
    await page.keyboard.press('Escape');
    await page.locator('#new-game').click();
    await expect.poll(() => page.locator('.download-status').innerText()).toMatch(/not downloaded/);
    await axe.check(page, 'the debrief warning before a new game');

    expect([...phases]).toEqual(['cable', 'appointment', 'meeting', 'report', 'washington', 'debrief']);
    expect([...once].sort()).toEqual(['count', 'reason', 'sent', 'vote', 'windows']);
    axe.assertClean();
    assertNoProblems('the counterfactual game');
  });
});

/** A new visit (the next day, another student): the title, not straight back into the game. */
async function revisit(page: Page): Promise<void> {
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await waitForTitle(page);
}

/** Replaces the save (both copies) with one made by an earlier scenario text, which the title sets aside. */
async function ageTheSave(page: Page): Promise<void> {
  await page.evaluate(async (key) => {
    const log = JSON.parse(localStorage.getItem(key) ?? '{}') as { scenario: { version: number; hash: string } };
    log.scenario.version = 1;
    log.scenario.hash = 'a'.repeat(64);
    const text = JSON.stringify(log);
    localStorage.setItem(key, text);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('circular938');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('saves', 'readwrite');
      tx.objectStore('saves').put(text, key);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, SAVE_KEY);
}

describe('the title: saved games, messages and errors', () => {
  it('a game to continue, a save set aside, a missing name, a new game to confirm, a second tab', async () => {
    browser = await openBrowser();
    const { page, context, assertNoProblems } = browser;
    const axe = axeLog();
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    await startByKeyboard(page, 'Old Save');
    await pressChoice(page, 1);
    await ageTheSave(page);
    await revisit(page);
    await expect(page.locator('#problem').innerText()).resolves.toMatch(/earlier version of the game/);
    await axe.check(page, 'title: a save set aside, said in the status bar');
    await startByKeyboard(page, 'Nueva');
    await pressChoice(page, 1);
    await revisit(page);
    await page.locator('#resume').waitFor();
    await expect(page.locator('#download-set-aside').count()).resolves.toBe(1);
    await axe.check(page, 'title: a game to continue and a save kept for the teacher');
    await page.locator('#begin').click();
    await expect(page.locator('#name-error').innerText()).resolves.toMatch(/write your name/);
    await axe.check(page, 'title: the name is missing');
    await page.locator('#student-name').fill('Otra');
    await page.locator('#begin').click();
    await expect(page.locator('#name-error').innerText()).resolves.toMatch(/again to confirm/);
    await axe.check(page, 'title: confirm a new game');

    const second = await context.newPage();
    await second.goto(seeded(site().url));
    await waitForTitle(second);
    await second.locator('#tab-status').waitFor();
    await axe.check(second, 'title: the game is open in another tab');
    await second.close();
    axe.assertClean();
    assertNoProblems('the title with saved games');
  });

  it("a broken log given to \"Watch a log\", a teacher's link with wrong values, a log no longer kept, a reason the teacher requires", async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    const axe = axeLog();
    await page.goto(`${site().url}?post=nowhere&variant=atlantis&rewind=sometimes`);
    await waitForTitle(page);
    await expect(page.locator('#link-problems').innerText()).resolves.toMatch(/nowhere/);
    await axe.check(page, "title: the teacher's link had values left out");
    await page.locator('#watch-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "circular938-log", "formatVersion": 2, "attem') });
    await expect.poll(() => page.locator('#watch-status').innerText()).toMatch(/broken\.json: /);
    await axe.check(page, 'title: a broken log given to "Watch a log"');

    await page.goto(`${site().url}?watch=00000000`);
    await page.locator('.fatal h1').waitFor();
    await axe.check(page, 'a log to watch that is no longer kept');

    await page.goto(seeded(`${site().url}?reasons=required`));
    await waitForTitle(page);
    await startByKeyboard(page, 'Razón');
    for (let i = 0; i < 10 && (await page.locator('#reason').count()) === 0; i++) await pressChoice(page, 1);
    await page.locator('#choices button.choice').first().click();
    await expect.poll(() => page.locator('#problem').innerText()).toMatch(/asks for a reason/);
    await axe.check(page, 'a required reason left out');
    axe.assertClean();
    assertNoProblems('the error messages');
  });
});

describe('watching a log', () => {
  it('the watch bar, a decision watched, the decisions of the log and its debrief', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    const axe = axeLog();
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    await page.locator('#watch-file').setInputFiles(WATCHED);
    await page.waitForSelector('#watch-bar');
    await axe.check(page, 'watching: the first decision');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('#watch-where').innerText()).toMatch(/decision 3 of/);
    await axe.check(page, 'watching: a decision taken, marked');
    await page.keyboard.press('d');
    await page.waitForSelector('#decisions[open]');
    await axe.check(page, 'watching: the decisions of the log');
    await page.keyboard.press('Escape');
    await page.locator('#watch-attempt').selectOption({ value: '1' });
    await expect.poll(() => page.locator('#watch-where').innerText()).toMatch(/^attempt 2 of 2/);
    await page.keyboard.press('End');
    await page.waitForSelector('#debrief-title');
    await axe.check(page, 'watching: the debrief of the log');
    axe.assertClean();
    assertNoProblems('watching a log');
  });
});

describe('the review page and the teacher guide', () => {
  it('empty, a class imported with bad files, a student, the class with its branch map; the guide', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    const axe = axeLog();
    await page.goto(new URL('review.html', site().url).href);
    await page.waitForSelector('body[data-ready="true"]');
    await axe.check(page, 'review: empty');

    const logs = await classLogs(8);
    const newer = JSON.parse(logs[2]?.text ?? '{}') as { formatVersion: number };
    newer.formatVersion = 99;
    const files = [
      ...logs.map((l) => ({ name: l.name, mimeType: 'application/json', buffer: Buffer.from(l.text) })),
      { name: 'cut-short.json', mimeType: 'application/json', buffer: Buffer.from((logs[1]?.text ?? '').slice(0, 400)) },
      { name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(newer)) },
      { name: 'copy.json', mimeType: 'application/json', buffer: Buffer.from(logs[0]?.text ?? '') },
    ];
    await page.setInputFiles('#import-files', files);
    await page.waitForSelector(`body[data-imported="${files.length}"]`);
    await expect(page.locator('tr[data-detail-for]').count(), 'the bad files have their reasons on their rows').resolves.toBeGreaterThanOrEqual(2);
    await axe.check(page, 'review: the class table, with error rows');
    await page.locator('th[data-col="score"] button.sort').click();
    await page.locator('#flag-problems').check();
    await axe.check(page, 'review: sorted and filtered to the problems');
    await page.locator('#flag-problems').uncheck();

    await page.locator('#class-table .open-student').first().click();
    await page.locator('#student-title').waitFor();
    await axe.check(page, 'review: a student');
    await page.locator('#class-map-title').scrollIntoViewIfNeeded();
    await page.waitForSelector('.class-map .map-holder.drawn');
    await axe.check(page, 'review: the class view and its branch map');

    await page.goto(`${site().url}guide.html`);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    await axe.check(page, 'the teacher guide');
    axe.assertClean();
    assertNoProblems('the review page and the guide');
  });
});

// ---------------------------------------------------------------- less motion

/** The code room's teletype and its paper, in the 960x540 picture (cable-scene.ts); the duty officer breathes outside it. */
const TELETYPE_BOX = { x: 240, y: 50, w: 210, h: 270 } as const;

/**
 * A digest of the stage canvas's own pixels (the picture Phaser drew, without the captions laid
 * over it), in a box of the game's 960x540 picture or the whole of it.
 */
async function stageDigest(page: Page, box = { x: 0, y: 0, w: 960, h: 540 }): Promise<string> {
  return page.evaluate((b) => {
    const canvas = document.querySelector<HTMLCanvasElement>('#stage canvas');
    const context = canvas?.getContext('2d');
    if (!canvas || !context) throw new Error('no 2D stage canvas');
    if (canvas.width !== 960 || canvas.height !== 540) throw new Error(`the stage canvas is ${canvas.width}x${canvas.height}, not the game's 960x540`);
    const data = context.getImageData(b.x, b.y, b.w, b.h).data;
    let hash = 2166136261;
    for (let i = 0; i < data.length; i++) hash = Math.imul(hash ^ (data[i] ?? 0), 16777619);
    return (hash >>> 0).toString(16);
  }, box);
}

/**
 * Time for the frames that draw a new state (a few at 30 fps); anything that animates runs longer
 * (the shortest, a clock's sweep, takes 500 ms; the room's fade 420 ms), so it is still moving after.
 */
const SETTLE_MS = 300;

/** Whether the stage (or a box of it), once settled, shows the same pixels over 1.2 s. */
async function stageStill(page: Page, box?: { x: number; y: number; w: number; h: number }): Promise<boolean> {
  await page.waitForTimeout(SETTLE_MS);
  const before = await stageDigest(page, box);
  await page.waitForTimeout(1_200);
  return (await stageDigest(page, box)) === before;
}

/** Every element of the page with a CSS transition or animation that takes time, described. */
async function movingInTheDom(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seconds = (list: string): number[] => list.split(',').map((t) => (t.trim().endsWith('ms') ? parseFloat(t) / 1000 : parseFloat(t)));
    const out: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const cs = getComputedStyle(el, pseudo);
        const transition = seconds(cs.transitionDuration).some((d, i) => d + (seconds(cs.transitionDelay)[i] ?? 0) > 0);
        const animation = cs.animationName !== 'none' && seconds(cs.animationDuration).some((d) => d > 0);
        if (transition || animation) out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${pseudo ?? ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}: ${transition ? `transition ${cs.transitionDuration}` : `animation ${cs.animationName}`}`);
      }
    }
    return out;
  });
}

/** Presses Shift+Tab until `selector` has focus. */
async function shiftTabTo(page: Page, selector: string, max = 15): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.locator(selector).evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Shift+Tab');
  }
  throw new Error(`Shift+Tab did not reach ${selector} in ${max} presses`);
}

describe('less motion', () => {
  it('with prefers-reduced-motion nothing in the page moves, the teletype prints at once and every room stands still, after each decision too', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    await page.locator('.stage-status').waitFor({ state: 'hidden', timeout: 30_000 });
    expect(await movingInTheDom(page), 'no CSS transition or animation').toEqual([]);
    expect(await stageStill(page), 'the title scene stands still (no traffic, no flickering lights)').toBe(true);

    await startByKeyboard(page, 'Quieta');
    await expect(page.locator('#stop-teletype').count(), 'nothing to stop: the teletype does not type').resolves.toBe(0);
    const still: string[] = [];
    const moving: string[] = [];
    const seen = new Set<Phase>();
    let decisionsInPhase = 0;
    for (let i = 0; i < 200 && (await page.locator('#download-log').count()) === 0; i++) {
      const phase = await phaseOf(page);
      const first = !seen.has(phase);
      if (first) {
        seen.add(phase);
        decisionsInPhase = 0;
        await screenshot(page, `motion-reduced-${phase}`);
      }
      // At the first node of each phase (a new room) and after its first decision (the clock moves on).
      if (first || decisionsInPhase === 1) {
        const where = `${phase} at ${await nodeOf(page)}`;
        (await stageStill(page) ? still : moving).push(where);
        const dom = await movingInTheDom(page);
        if (dom.length > 0) moving.push(`${where}: ${dom.join(', ')}`);
      }
      await pressChoice(page, 1);
      decisionsInPhase++;
    }
    expect([...seen]).toEqual(['cable', 'appointment', 'meeting', 'report', 'washington', 'debrief']);
    expect(moving, 'something moved with reduced motion').toEqual([]);
    expect(still.length).toBeGreaterThanOrEqual(10);
    assertNoProblems('with reduced motion');
  });

  it('without it, the teletype types until the student stops it by keyboard; the stop is announced and the machine then stands still', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    await page.locator('.stage-status').waitFor({ state: 'hidden', timeout: 30_000 });
    await startByKeyboard(page, 'Ruidosa');
    await page.waitForTimeout(600);
    expect(await movingInTheDom(page), 'the captions fade (the check sees CSS motion when it is allowed)').toContainEqual(expect.stringMatching(/#captions.*transition/));
    expect(await stageStill(page, TELETYPE_BOX), 'the teletype is typing').toBe(false);

    // From the first choice (where focus is), back to the button under the story.
    await expect(page.locator('#choices button.choice').first().evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await shiftTabTo(page, '#stop-teletype');
    await expect(page.locator('#teletype-control').getAttribute('role'), 'the control is a live region').resolves.toBe('status');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#teletype-control').innerText()).toMatch(/teletype is stopped/);
    await expect(page.locator('#choices button.choice').first().evaluate((el) => el === document.activeElement), 'focus goes on to the first choice').resolves.toBe(true);
    expect(await stageStill(page, TELETYPE_BOX), 'the teletype has stopped').toBe(true);
    await screenshot(page, 'motion-teletype-stopped');
    await pressChoice(page, 1);
    await expect(page.locator('#stop-teletype').count(), 'stopped once, it stays stopped').resolves.toBe(0);
    expect(await stageStill(page, TELETYPE_BOX)).toBe(true);
    assertNoProblems('stopping the teletype');
  });
});

// ---------------------------------------------------------------- text zoomed to 200 %

/**
 * What is lost at this zoom: the page or a main region scrolling sideways, text cut off by a box
 * that hides its overflow, a choice that cannot be scrolled into view uncovered, or a line of the
 * story that cannot be read uncovered. Scrolls the page to look.
 */
async function lostAtZoom(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element): string => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) {
      // Name the innermost boxes that stick out (not those inside a box that scrolls or clips), so the message says where to look.
      const inBox = (el: Element): boolean => {
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
        return false;
      };
      const out = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 && !inBox(el));
      const innermost = out.filter((el) => !out.some((o) => o !== el && el.contains(o))).slice(0, 3);
      problems.push(`the page scrolls sideways (${root.scrollWidth}px in ${root.clientWidth}px; ${innermost.map((el) => `${name(el)} reaches ${Math.round(el.getBoundingClientRect().right)}px`).join(', ')})`);
    }
    for (const el of document.querySelectorAll('#panel, .topbar, .statusbar, #watch-bar, dialog[open], dialog[open] .dialog-body, #main, .layout')) {
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`${name(el)} scrolls sideways (${el.scrollWidth}px in ${el.clientWidth}px)`);
    }
    const hides = (v: string): boolean => v === 'hidden' || v === 'clip';
    for (const el of document.querySelectorAll('body *')) {
      const cs = getComputedStyle(el);
      if (!hides(cs.overflowX) && !hides(cs.overflowY)) continue;
      // Visually hidden text for screen readers is a 1px box on purpose.
      if (el.clientWidth <= 1 || el.clientHeight <= 1 || !(el as HTMLElement).innerText?.trim()) continue;
      const wide = hides(cs.overflowX) && el.scrollWidth > el.clientWidth + 1;
      const tall = hides(cs.overflowY) && el.scrollHeight > el.clientHeight + 1;
      if (wide || tall) problems.push(`text cut off in ${name(el)} (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`);
    }
    // Half a pixel either way is rounding, not loss.
    const vw = root.clientWidth + 1;
    const vh = root.clientHeight + 1;
    // With a window open (modal), what can be read is in it; the page behind it is inert.
    const scope: ParentNode = document.querySelector('dialog[open]') ?? document;
    const uncovered = (x: number, y: number, owner: Element): boolean => {
      const hit = document.elementFromPoint(x, y);
      return hit !== null && (hit === owner || owner.contains(hit));
    };
    for (const [i, b] of [...scope.querySelectorAll('#choices button.choice')].entries()) {
      b.scrollIntoView({ block: 'nearest' });
      const r = b.getBoundingClientRect();
      if (r.top < -1 || r.bottom > vh || r.left < -1 || r.right > vw) problems.push(`choice ${i + 1} does not fit in the window (${Math.round(r.width)}x${Math.round(r.height)})`);
      else if (!uncovered(r.left + r.width / 2, r.top + r.height / 2, b)) problems.push(`choice ${i + 1} is covered when scrolled to`);
      if (b.scrollWidth > b.clientWidth + 1) problems.push(`choice ${i + 1}'s words run out of it`);
    }
    const shown = (el: Element): boolean => el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true });
    for (const [i, p] of [...scope.querySelectorAll(scope === document ? '#dialogue p, .debrief p, .title-screen p' : 'p, dd, .cable-block')].filter(shown).entries()) {
      const range = document.createRange();
      range.selectNodeContents(p);
      const lines = [...range.getClientRects()].filter((l) => l.width > 0);
      for (const which of [0, lines.length - 1]) {
        p.scrollIntoView({ block: which === 0 ? 'start' : 'end' });
        const line = [...range.getClientRects()].filter((l) => l.width > 0)[which];
        if (!line) continue;
        if (line.top < -1 || line.bottom > vh || line.left < -1 || line.right > vw) problems.push(`paragraph ${i + 1}'s ${which === 0 ? 'first' : 'last'} line is outside the window when scrolled to`);
        else if (!uncovered(line.left + Math.min(6, line.width / 2), line.top + line.height / 2, p)) problems.push(`paragraph ${i + 1}'s ${which === 0 ? 'first' : 'last'} line is covered when scrolled to ("${(p.textContent ?? '').slice(0, 40)}…")`);
      }
    }
    root.scrollTop = 0;
    return problems;
  });
}

describe('text zoomed to 200 %', () => {
  // 640x400 CSS pixels at 2 device pixels each: a 1280x800 screen zoomed to 200 %.
  const ZOOMED = { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 };

  it('loses nothing on any screen of a game: nothing scrolls sideways, every choice and every line of the story can be scrolled to and read', async () => {
    browser = await openBrowser(ZOOMED);
    const { page, assertNoProblems } = browser;
    const lost: string[] = [];
    const axe = axeLog();
    // What is lost at 200 %, and what axe finds there (the layout is another one).
    const look = async (screen: string): Promise<void> => {
      await screenshot(page, `zoom-200-${screen}`);
      lost.push(...(await lostAtZoom(page)).map((p) => `${screen}: ${p}`));
      await axe.check(page, `at 200 %: ${screen}`);
    };
    await page.goto(seeded(`${site().url}?variant=counterfactual`));
    await waitForTitle(page);
    await page.locator('#post-map svg').waitFor({ state: 'attached' });
    await look('title');
    await startByKeyboard(page, 'Zoom Doscientos');
    const seen = new Set<string>();
    for (let i = 0; i < 200 && (await page.locator('#download-log').count()) === 0; i++) {
      const phase = await phaseOf(page);
      if (!seen.has(phase)) {
        seen.add(phase);
        await look(phase);
      }
      for (const [what, selector] of [['reason', '#reason'], ['count', '.count-table'], ['vote', '.vote-table']] as const) {
        if (!seen.has(what) && (await page.locator(selector).count()) > 0) {
          seen.add(what);
          await look(what);
        }
      }
      if (phase === 'meeting' && !seen.has('windows')) {
        seen.add('windows');
        for (const [key, selector, screen] of [['c', '#cable-dialog', 'cable'], ['g', '#glossary-dialog', 'glossary'], ['d', '#decisions', 'decisions'], ['b', '#branch-map', 'branch-map']] as const) {
          await page.keyboard.press(key);
          await page.waitForSelector(`${selector}[open]`);
          await page.waitForTimeout(300);
          await look(`${screen}-window`);
          await page.keyboard.press('Escape');
          await page.waitForFunction((s) => !document.querySelector(`${s}[open]`), selector);
        }
      }
      await pressChoice(page, 1);
    }
    await page.locator('.rubric').waitFor();
    await look('debrief');
    expect([...seen].sort()).toEqual(['appointment', 'cable', 'count', 'debrief', 'meeting', 'reason', 'report', 'vote', 'washington', 'windows']);
    expect(lost).toEqual([]);
    axe.assertClean();
    assertNoProblems('at 200 %');
  });

  it('loses nothing on the review page, a student, or while watching a log', async () => {
    browser = await openBrowser(ZOOMED);
    const { page, assertNoProblems } = browser;
    const lost: string[] = [];
    const axe = axeLog();
    // What is lost at 200 %, and what axe finds there (the layout is another one).
    const look = async (screen: string): Promise<void> => {
      await screenshot(page, `zoom-200-${screen}`);
      lost.push(...(await lostAtZoom(page)).map((p) => `${screen}: ${p}`));
      await axe.check(page, `at 200 %: ${screen}`);
    };
    await page.goto(new URL('review.html', site().url).href);
    await page.waitForSelector('body[data-ready="true"]');
    await look('review-empty');
    const logs = await classLogs(4);
    await page.setInputFiles('#import-files', [
      ...logs.map((l) => ({ name: l.name, mimeType: 'application/json', buffer: Buffer.from(l.text) })),
      { name: 'cut-short.json', mimeType: 'application/json', buffer: Buffer.from((logs[1]?.text ?? '').slice(0, 400)) },
    ]);
    await page.waitForSelector('body[data-imported="5"]');
    await look('review-class');
    await page.locator('#class-table .open-student').first().click();
    await page.locator('#student-title').waitFor();
    await look('review-student');

    await page.goto(seeded(site().url));
    await waitForTitle(page);
    await page.locator('#watch-file').setInputFiles(WATCHED);
    await page.waitForSelector('#watch-bar');
    await page.keyboard.press('ArrowRight');
    await look('watching');
    expect(lost).toEqual([]);
    axe.assertClean();
    assertNoProblems('the review page at 200 %');
  });
});

// ---------------------------------------------------------------- the focus ring

/**
 * Presses Tab up to `max` times from where focus is; for each control reached, says what is wrong
 * with its focus ring: none, thinner than 2px, or less than 3:1 against the surface around it
 * (WCAG 1.4.11; the surface is the first opaque background behind the control).
 */
async function weakFocusRings(page: Page, screen: string, max: number): Promise<{ reached: number; weak: string[] }> {
  const weak: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const rgba = (c: string): [number, number, number, number] => {
        const m = /rgba?\(([^)]+)\)/.exec(c);
        const [r = 0, g = 0, b = 0, a = 1] = (m?.[1] ?? '0,0,0,0').split(/[ ,/]+/).filter(Boolean).map(Number);
        return [r, g, b, a];
      };
      const luminance = ([r, g, b]: number[]): number => {
        const [R = 0, G = 0, B = 0] = [r, g, b].map((v) => ((v ?? 0) / 255 <= 0.03928 ? (v ?? 0) / 255 / 12.92 : (((v ?? 0) / 255 + 0.055) / 1.055) ** 2.4));
        return 0.2126 * R + 0.7152 * G + 0.0722 * B;
      };
      let surface = rgba(getComputedStyle(document.body).backgroundColor);
      for (let a = el.parentElement; a; a = a.parentElement) {
        const bg = rgba(getComputedStyle(a).backgroundColor);
        if (bg[3] > 0.5) {
          surface = bg;
          break;
        }
      }
      const cs = getComputedStyle(el);
      const [l1, l2] = [luminance(rgba(cs.outlineColor)), luminance(surface)];
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
      return {
        name: `${name} "${(el.textContent ?? '').trim().slice(0, 30)}"`,
        style: cs.outlineStyle,
        width: parseFloat(cs.outlineWidth),
        contrast: (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05),
      };
    });
    if (!ring || seen.has(ring.name)) continue;
    seen.add(ring.name);
    if (ring.style === 'none' || ring.width < 2) weak.push(`${screen}: ${ring.name} shows no focus ring (${ring.style} ${ring.width}px)`);
    else if (ring.contrast < 3) weak.push(`${screen}: ${ring.name}'s focus ring is ${ring.contrast.toFixed(2)}:1 against the surface around it`);
  }
  return { reached: seen.size, weak };
}

describe('the keyboard focus ring', () => {
  it('stands out 3:1 or more from the surface around every control Tab reaches: title, a phase, a window, the debrief, the review page, the guide', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    const weak: string[] = [];
    const reached: Record<string, number> = {};
    const walk = async (screen: string, max: number): Promise<void> => {
      const r = await weakFocusRings(page, screen, max);
      weak.push(...r.weak);
      reached[screen] = r.reached;
    };
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    await page.locator('#post-map svg').waitFor({ state: 'attached' });
    await walk('title', 40);
    await startByKeyboard(page, 'Foco');
    await page.locator('.stage-status').waitFor({ state: 'hidden', timeout: 30_000 });
    await walk('cable', 20);
    await page.keyboard.press('Escape');
    await page.keyboard.press('c');
    await page.locator('#cable-dialog').waitFor({ state: 'visible' });
    await walk('the cable window', 12);
    await page.keyboard.press('Escape');
    for (let i = 0; i < 200 && (await page.locator('#download-log').count()) === 0; i++) await pressChoice(page, 1);
    await walk('debrief', 40);
    await page.goto(new URL('review.html', site().url).href);
    await page.waitForSelector('body[data-ready="true"]');
    const logs = await classLogs(2);
    await page.setInputFiles('#import-files', logs.map((l) => ({ name: l.name, mimeType: 'application/json', buffer: Buffer.from(l.text) })));
    await page.waitForSelector('body[data-imported="2"]');
    await walk('review', 40);
    await page.goto(`${site().url}guide.html`);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    await walk('guide', 40);
    for (const [screen, n] of Object.entries(reached)) expect(n, `Tab reached controls on ${screen}`).toBeGreaterThan(3);
    expect(weak).toEqual([]);
    assertNoProblems('walking the focus');
  });
});

// ---------------------------------------------------------------- words, not pictures

describe('nothing essential only in the pictures', () => {
  it('with the pictures blocked, a game plays through every phase to the debrief; the times, who speaks and every sound are in words', async () => {
    const text = readFileSync(join(PROJECT_ROOT, 'scenarios', 'mexico.yaml'), 'utf8');
    const loaded = await loadScenario(text, 'scenarios/mexico.yaml');
    if (!loaded.ok) throw new Error('scenarios/mexico.yaml does not load');
    const { scenario } = loaded.loaded;
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    // The canvas draws the rooms, the clocks and the teletype: block Phaser and read the page alone.
    const chunks = readdirSync(join(DIST, 'assets')).filter((f) => /^phaser[-.].*\.js$/.test(f));
    expect(chunks.length, 'the build has a Phaser chunk').toBeGreaterThan(0);
    const pattern = new RegExp(`/assets/(${chunks.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
    browser.expect({ kinds: ['requestfailed', 'console.error'], url: pattern, why: 'the Phaser chunk is blocked on purpose; Chromium reports the aborted request and a "Failed to load resource" error' });
    await page.route(pattern, (route) => route.abort('failed'));
    await page.goto(seeded(`${site().url}?variant=counterfactual`));
    await waitForTitle(page);
    await expect.poll(() => page.locator('.stage-status').innerText(), { timeout: 15_000 }).toMatch(/could not be loaded/);
    await startByKeyboard(page, 'Sin Dibujos');
    const missing: string[] = [];
    const phases = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const session = await readSession(page);
      if (!session) throw new Error('no session');
      const node = scenario.nodes[session.node];
      phases.add(session.phase);
      const bar = await page.locator('.clock-bar').innerText();
      for (const [where, offset] of [['local', scenario.post.utcOffsetMinutes], ['Washington', scenario.washington.utcOffsetMinutes]] as const) {
        const t = wallTime(session.clock, offset);
        if (!bar.includes(t.hhmm)) missing.push(`${session.node}: the ${where} time ${t.hhmm} is not in the clock bar`);
      }
      const person = node && node.speaker !== 'narrator' ? scenario.people[node.speaker] : undefined;
      if (person && !(await page.locator('#dialogue .speaker').innerText().catch(() => '')).includes(person.name)) missing.push(`${session.node}: ${person.name} speaks unnamed`);
      if (node?.sound && (await page.locator('#captions').innerText()) !== SOUND_CAPTIONS[node.sound]) missing.push(`${session.node}: the sound "${node.sound}" has no caption`);
      if ((await page.locator('#download-log').count()) > 0) break;
      await pressChoice(page, 1);
    }
    expect([...phases]).toEqual(['cable', 'appointment', 'meeting', 'report', 'washington', 'debrief']);
    expect(missing).toEqual([]);
    assertNoProblems('with the pictures blocked');
  });
});
