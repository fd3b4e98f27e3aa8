/**
 * Projector mode (issue 10, point 6), in a real headless Chromium against the built site: the whole
 * class plays one game on the projector and the teacher clicks. The page opened with `?mode=class`
 * says so on the title; the type is large enough to read from the back of a room (at least 28 px at
 * 1080 lines, the same size on the wall at 720); the choices are lettered A, B, C… with the letter
 * large beside each; the letter keys take them (the number keys still do; the tools move to Shift);
 * after each decision the focus is on the question, not on choice A (no choice looks picked before
 * the vote, and a stray Enter takes none); the teacher types the class's reason; a reload without
 * the link's mode keeps the class game (the log says so); the debrief says it was a class game; the
 * downloaded log verifies in Node with `play: "class"`, and `npm run logs -- verify` says "class
 * game"; the review page tags it "Class game". Screenshots at 1920×1080 and 1280×720 land in
 * tests/e2e/artifacts/projector-*.png. axe-core finds no serious or critical violation on the class
 * screens, and nothing goes wrong in the page.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runLogs } from '../../src/cli/logs-verify.ts';
import type { SessionState } from '../../src/core/engine/state.ts';
import { verifyLog } from '../../src/core/log/verify.ts';
import { loadScenario, type LoadedScenario } from '../../src/core/scenario/load.ts';
import { ARTIFACTS, openBrowser, PROJECT_ROOT, type TestBrowser } from './browser.ts';
import { formatAxe, mulberry32, nodeOf, phaseOf, readSession, reportSeedOnFailure, runAxe, screenshot, seeded, tabTo, waitForTitle, type AxeFinding } from './game.ts';
import { serveSite, type Site } from './server.ts';

const FULL_HD = { width: 1920, height: 1080 };
const HD = { width: 1280, height: 720 };
/** Body text on a 1080-line projector, in CSS pixels: read from the back of a room. */
const MIN_TEXT_1080 = 28;
const LABEL = 'Class 9B';
/** Typed into the reason field: it holds A, B, C and the tools' letters, which must not choose or open anything there. */
const CLASS_REASON = 'A clear majority: Camila, Bea and Diego said the Foreign Secretary can act tonight.';
const MAX_STEPS = 200;
const LETTERS = 'ABCDEFGHI';

let site: Site;
let browser: TestBrowser;
let loaded: LoadedScenario;
let setupError: unknown = null;
const axeFindings: AxeFinding[] = [];
const reached = { started: false, debrief: false };
/** What the loop did, for the later tests. */
const done = { shiftTool: false, letterC: false, numberKey: false, enter: false, reason: null as string | null, reasonNode: '', reload: false, hd: false };
let live: SessionState | null = null;
/** The downloaded log's text, for the review page. */
let logText: string | null = null;

beforeAll(async () => {
  try {
    const result = await loadScenario(await readFile(join(PROJECT_ROOT, 'scenarios', 'mexico.yaml'), 'utf8'), 'scenarios/mexico.yaml');
    if (!result.ok) throw new Error(`scenarios/mexico.yaml does not load: ${JSON.stringify(result.issues)}`);
    loaded = result.loaded;
    site = await serveSite();
    browser = await openBrowser({ viewport: FULL_HD });
  } catch (e) {
    setupError = e;
  }
});

beforeEach((context) => {
  if (setupError) throw setupError;
  reportSeedOnFailure(context);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function axe(screen: string): Promise<void> {
  axeFindings.push(...(await runAxe(browser.page, screen)));
}

/** The Phaser rooms fade in (room-scene.ts); a screenshot waits so that it shows the room. No assertion depends on it. */
async function shoot(name: string): Promise<void> {
  await browser.page.waitForTimeout(500);
  await screenshot(browser.page, `projector-${name}`);
}

const px = (page: Page, selector: string): Promise<number> =>
  page.locator(selector).first().evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));

/** The sizes a class reads: the story, a choice's words and its letter. */
async function typeSizes(page: Page): Promise<{ text: number; choice: number; letter: number }> {
  return {
    text: await px(page, '#dialogue p:not(.speaker)'),
    choice: await px(page, '#choices .choice-label'),
    letter: await px(page, '#choices button.choice kbd'),
  };
}

/** Every choice shows its letter, in order, announces it as its shortcut, and is wholly on screen. */
async function checkLetters(page: Page, where: string): Promise<number> {
  const buttons = await page.locator('#choices button.choice').evaluateAll((list) => {
    const panel = document.getElementById('panel')?.getBoundingClientRect();
    return list.map((b) => {
      const r = b.getBoundingClientRect();
      return {
        letter: b.querySelector('kbd')?.textContent ?? '',
        keys: b.getAttribute('aria-keyshortcuts') ?? '',
        inView: panel !== undefined && r.top >= panel.top - 1 && r.bottom <= panel.bottom + 1 && r.right <= innerWidth && r.bottom <= innerHeight,
      };
    });
  });
  expect(buttons.length, `${where}: choices shown`).toBeGreaterThan(0);
  buttons.forEach((b, i) => {
    expect(b.letter, `${where}: choice ${i + 1}'s letter`).toBe(LETTERS[i]);
    expect(b.keys, `${where}: choice ${i + 1}'s shortcuts`).toBe(`${LETTERS[i]} ${i + 1}`);
    expect(b.inView, `${where}: choice ${LETTERS[i]} is wholly on screen`).toBe(true);
  });
  return buttons.length;
}

/** Presses `key` and waits for the panel to be redrawn (the overlay redraws it for every decision). */
async function pressAndWait(page: Page, key: string): Promise<void> {
  const before = await page.locator('#panel > *').first().elementHandle();
  if (!before) throw new Error('the panel is empty');
  await page.keyboard.press(key);
  await page.waitForFunction((el) => !el.isConnected, before, { timeout: 10_000 }).catch(async (e: unknown) => {
    throw new Error(`pressing ${key} at "${await nodeOf(page)}" did not take a choice (${(await page.locator('#problem').textContent()) ?? ''})`, { cause: e });
  });
  await before.dispose();
}

async function session(page: Page): Promise<SessionState> {
  const s = await readSession(page);
  if (!s) throw new Error('no session');
  return s;
}

describe('a class game on the projector', () => {
  it('says on the title that the teacher plays for the class, in large type at 1280×720 and at 1920×1080', async () => {
    const { page } = browser;
    await page.setViewportSize(HD);
    await page.goto(seeded(`${site.url}?mode=class`));
    await waitForTitle(page);
    await page.locator('.stage-status').waitFor({ state: 'hidden', timeout: 30_000 });
    await expect(page.locator('body').getAttribute('data-mode')).resolves.toBe('class');
    await expect(page.locator('#class-game-title').innerText()).resolves.toBe('Class game — the teacher plays for the class');
    await expect(page.locator('.how').innerText()).resolves.toMatch(/Letter keys A B C… \(or the number keys\) pick a choice; Shift\+C opens the cable/);
    await expect(page.locator('label[for="student-name"]').innerText()).resolves.toMatch(/^Name for the log/);
    await expect(page.locator('#open-cable').getAttribute('aria-keyshortcuts')).resolves.toBe('Shift+C');
    expect(await px(page, '.title-screen > p:not(.subtitle):not(.how)')).toBeGreaterThanOrEqual((MIN_TEXT_1080 * HD.height) / FULL_HD.height);
    await shoot('720-title');
    await axe('class title at 1280×720');
    await page.setViewportSize(FULL_HD);
    expect(await px(page, '.title-screen > p:not(.subtitle):not(.how)')).toBeGreaterThanOrEqual(MIN_TEXT_1080);
    await shoot('1080-title');
    await axe('class title at 1920×1080');

    await tabTo(page, '#student-name');
    await page.keyboard.type(LABEL);
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-phase="cable"]', { state: 'attached' });
    reached.started = true;
  });

  it('plays by letter keys to the debrief: large type and lettered choices at every node, the reason typed, a reload keeping the mode', async () => {
    expect(reached.started, 'the game did not start').toBe(true);
    const { page } = browser;
    const random = mulberry32(938);
    let manyShot = false;
    for (let step = 0; step < MAX_STEPS; step++) {
      if ((await page.locator('#download-log').count()) > 0) break;
      const phase = await phaseOf(page);
      const node = await nodeOf(page);
      const where = `${phase} "${node}" at ${page.viewportSize()?.height ?? '?'} lines`;
      await expect(page.locator('body').getAttribute('data-mode'), `${where}: class mode`).resolves.toBe('class');
      const n = await checkLetters(page, where);
      const sizes = await typeSizes(page);
      expect(sizes.text, `${where}: the story's type`).toBeGreaterThanOrEqual(MIN_TEXT_1080);
      expect(sizes.choice, `${where}: a choice's type`).toBeGreaterThanOrEqual(MIN_TEXT_1080);
      expect(sizes.letter, `${where}: a choice's letter is larger than its words`).toBeGreaterThanOrEqual(sizes.choice * 1.2);
      if (step === 0) {
        await shoot('1080-cable');
        await axe('class game, first node, 1920×1080');
      }
      const before = await session(page);
      let position = Math.floor(random() * Math.min(n, 9));

      if (!done.shiftTool && n >= 3) {
        // The tools take Shift in a class game: Shift+C opens the cable, and nothing is chosen.
        await page.keyboard.press('Shift+C');
        const cable = page.locator('#cable-dialog');
        await cable.waitFor({ state: 'visible' });
        expect((await session(page)).trail).toHaveLength(before.trail.length);
        await page.keyboard.press('Escape');
        await cable.waitFor({ state: 'hidden' });
        done.shiftTool = true;
        // And C alone takes the third choice.
        position = 2;
        done.letterC = true;
      } else if (!done.reason && (await page.locator('#reason').count()) > 0) {
        // The teacher types the class's reason: its letters choose nothing while the field has the focus.
        await page.locator('#reason').click();
        await page.keyboard.type(CLASS_REASON);
        expect(await nodeOf(page)).toBe(node);
        expect((await session(page)).trail).toHaveLength(before.trail.length);
        await expect(page.locator('label[for="reason"]').innerText()).resolves.toMatch(/optional: type the class.s reason/);
        await shoot('1080-reason');
        await page.keyboard.press('Tab');
        done.reason = CLASS_REASON;
        done.reasonNode = node;
      } else if (!done.hd && phase === 'meeting' && n >= 3) {
        // The same screen at 1280×720: the type keeps its size on the wall, the choices stay in view.
        await page.setViewportSize(HD);
        await checkLetters(page, `${where} at 720 lines`);
        const small = await typeSizes(page);
        expect(small.text).toBeGreaterThanOrEqual((MIN_TEXT_1080 * HD.height) / FULL_HD.height);
        expect(small.letter).toBeGreaterThanOrEqual(small.choice * 1.2);
        await shoot('720-meeting');
        await axe('class game, meeting, 1280×720');
        await page.setViewportSize(FULL_HD);
        await shoot('1080-meeting');
        done.hd = true;
      }

      if (!done.reload && phase === 'meeting') {
        // A reload without the link's mode: the log says it is a class game, and it stays one.
        await page.goto(seeded(site.url));
        await page.waitForSelector(`body[data-node="${node}"]`, { state: 'attached' });
        await expect(page.locator('body').getAttribute('data-mode')).resolves.toBe('class');
        expect(await session(page)).toEqual(before);
        await checkLetters(page, `${where}, after the reload`);
        done.reload = true;
      }

      const choices = await page.locator('#choices button.choice').evaluateAll((b) => b.map((x) => Number((x as HTMLElement).dataset['choice'])));
      const useNumber = !done.numberKey && phase === 'appointment';
      await pressAndWait(page, useNumber ? String(position + 1) : (LETTERS[position] as string).toLowerCase());
      if (useNumber) done.numberKey = true;
      const after = await session(page);
      expect(after.trail, `${where}: one key press, one decision`).toHaveLength(before.trail.length + 1);
      expect(after.trail.at(-1), `${where}: the key took choice ${LETTERS[position]}`).toMatchObject({ node, choice: choices[position] });
      // The focus goes to the question, not to choice A: on the projector no choice looks picked before the vote.
      const focused = await page.evaluate(() => document.activeElement?.id ?? '');
      expect(['choices-title', 'debrief-title'], `${where}: the focus after the decision is on ${focused || 'nothing'}`).toContain(focused);
      if (!done.enter && focused === 'choices-title') {
        // And a stray Enter takes nothing.
        const now = await session(page);
        await page.keyboard.press('Enter');
        expect((await session(page)).trail).toHaveLength(now.trail.length);
        done.enter = true;
      }
      if (!manyShot && (await page.locator('#choices .choice').count()) > 4) {
        manyShot = true;
        await shoot('1080-many-choices');
      }
    }
    expect(await page.locator('#download-log').count(), 'the debrief was reached').toBe(1);
    expect(done).toMatchObject({ shiftTool: true, letterC: true, numberKey: true, enter: true, reason: CLASS_REASON, reload: true, hd: true });
    live = await session(page);
    reached.debrief = true;
  });

  it('says in the debrief that the class played it, and gives the class’s reason', async () => {
    expect(reached.debrief, 'the debrief was not reached').toBe(true);
    const { page } = browser;
    await expect(page.locator('#class-game-note').innerText()).resolves.toMatch(/^Class game — the whole class played it together/);
    await expect(page.locator('#reasons-title').innerText()).resolves.toBe('The reasons the class gave');
    await expect(page.locator('.reason-list').innerText()).resolves.toContain(CLASS_REASON);
    await expect(page.locator('#download-log').innerText()).resolves.toBe('Download the class’s decision log');
    expect(await px(page, '.what-happened p')).toBeGreaterThanOrEqual(MIN_TEXT_1080);
    await shoot('1080-debrief');
    await axe('class debrief at 1920×1080');
    await page.setViewportSize(HD);
    expect(await px(page, '.what-happened p')).toBeGreaterThanOrEqual((MIN_TEXT_1080 * HD.height) / FULL_HD.height);
    await shoot('720-debrief');
    await page.setViewportSize(FULL_HD);
  });

  it('downloads the log; in Node it verifies with play: class, replays to the game played, and logs verify says so', async () => {
    expect(reached.debrief, 'the debrief was not reached').toBe(true);
    const { page } = browser;
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-log').click()]);
    const file = await download.path();
    const text = await readFile(file, 'utf8');
    logText = text;
    const saved = join(ARTIFACTS, 'projector-log.json');
    await writeFile(saved, text);
    await expect.poll(() => page.locator('.download-status').innerText()).toMatch(/class.s decision log has been downloaded/);

    const json = JSON.parse(text) as Record<string, unknown>;
    expect(json).toMatchObject({ formatVersion: 2, play: 'class', rewind: 'free', reasons: 'optional', student: { label: LABEL } });
    const verified = await verifyLog(json, { scenario: loaded.scenario, hash: loaded.hash });
    if (!verified.ok) throw new Error(`the downloaded log does not verify:\n- ${verified.problems.join('\n- ')}`);
    expect(verified.log.play).toBe('class');
    expect(verified.log.attempts).toHaveLength(1);
    expect(verified.replay.state, 'the replayed state is the game played').toEqual(live);
    const entries = verified.log.attempts[0]?.entries ?? [];
    expect(entries.find((e) => e.node === done.reasonNode)?.reason).toBe(CLASS_REASON);

    const out: string[] = [];
    expect(await runLogs(['verify', saved], { out: (l) => out.push(l), err: () => undefined })).toBe(0);
    expect(out[0]).toMatch(/: verified - Class 9B, mexico v\d+, class game \(the whole class played it together\), 1 attempt/);
  });

  it("shows the class's log on the review page as a class game, in the class table and in its view", async () => {
    expect(logText, 'the log was not downloaded').not.toBeNull();
    const { page } = browser;
    const own = await readFile(join(PROJECT_ROOT, 'tests/fixtures/logs/format2-mexico-v4-historical.json'), 'utf8');
    await page.goto(new URL('review.html', site.url).href);
    await page.waitForSelector('body[data-ready="true"]');
    await page.setInputFiles('#import-files', [
      { name: 'class-9b.json', mimeType: 'application/json', buffer: Buffer.from(logText ?? '') },
      { name: 'student.json', mimeType: 'application/json', buffer: Buffer.from(own) },
    ]);
    await page.waitForSelector('body[data-imported="2"]');
    await expect(page.locator('tr[data-file="class-9b.json"]').getAttribute('data-status')).resolves.toBe('verified');
    await expect(page.locator('tr[data-file="class-9b.json"] .class-game-tag').innerText()).resolves.toBe('Class game');
    await expect(page.locator('tr[data-file="student.json"] .class-game-tag').count()).resolves.toBe(0);
    await page.locator('tr[data-file="class-9b.json"] .open-student').click();
    await page.locator('#student-view').waitFor({ state: 'visible' });
    await expect(page.locator('#student-view .facts-grid').innerText()).resolves.toMatch(/^Played\s+Class game: the whole class together, the teacher choosing for it$/im);
    await screenshot(page, 'projector-review-student');
    await axe('review: a class game opened');
  });

  it('had no console error, page error or failed request, and no serious or critical axe violation', () => {
    browser.assertNoProblems('during the class game');
    if (axeFindings.length > 0) throw new Error(`axe-core found ${axeFindings.length} serious or critical violation(s):\n${formatAxe(axeFindings)}`);
  });
});
