/**
 * Accessibility (issue 10, point 5), in a real headless Chromium against the built site: axe-core
 * finds no serious or critical violation on any screen of the game (the title with its post
 * chooser and map, every phase, the cable with its folds open, the glossary, the decisions, the
 * branch map, the count and vote tables, the debrief, looking back, watching a log, the title's
 * saved games and its error messages), of the review page (empty, a class imported with its bad
 * files, a student, the class with its map) or of the teacher guide; and nothing essential is only
 * in the pictures. Reduced motion, 200 % zoom and the focus ring have their own files
 * (reduced-motion, zoom, focus-ring .test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { SOUND_CAPTIONS } from '../../src/audio/captions.ts';
import { wallTime } from '../../src/core/engine/clock.ts';
import { loadScenario } from '../../src/core/scenario/load.ts';
import { classLogs } from '../fixtures/class-logs.ts';
import { axeLog as makeAxeLog, openFolds, WATCHED } from './a11y.ts';
import { openBrowser, PROJECT_ROOT, type TestBrowser } from './browser.ts';
import { nodeOf, phaseOf, pressChoice, readSession, seeded, startByKeyboard, waitForTitle, SAVE_KEY, useSite, type Phase } from './game.ts';
import { DIST } from './server.ts';

const site = useSite();
let browser: TestBrowser | null = null;
afterEach(async () => {
  await browser?.close();
  browser = null;
});

const axeLog = (): ReturnType<typeof makeAxeLog> => makeAxeLog('accessibility');

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
    // Checking the file loads the verifier and every post's content first: wait until it has answered, then read the answer.
    const status = page.locator('#watch-status');
    await expect.poll(() => status.innerText(), { timeout: 30_000 }).not.toMatch(/^(Opening .*)?$/);
    expect(await status.innerText()).toMatch(/broken\.json: /);
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
