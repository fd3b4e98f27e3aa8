/**
 * Replaying branches (the replay issue), by keyboard in Chromium: rewind twice from the decisions
 * window, reload after a rewind and resume the same attempt, find the three attempts in the
 * downloaded log (which verifies in Node); watch that log forward and back without touching the
 * viewer's own save; the branch map with no two node boxes overlapping, and a rewind from it; the
 * teacher's modes by link.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/core/scenario/load.ts';
import { verifyLogText } from '../../src/core/log/verify.ts';
import { ARTIFACTS, openBrowser, PROJECT_ROOT, type TestBrowser } from './browser.ts';
import { contentChunkOf } from './server.ts';
import { nodeOf, pressChoice, readSession, screenshot, seeded, startByKeyboard, tabTo, waitForTitle, SAVE_KEY, useSite } from './game.ts';

const site = useSite();
let browser: TestBrowser | null = null;
const LOG_FILE = join(ARTIFACTS, 'replay-log.json');
const WATCHED = join(PROJECT_ROOT, 'tests/fixtures/logs/mexico-v2-format1-historical.json');

afterEach(async () => {
  await browser?.close();
  browser = null;
});


const attempts = (page: Page): Promise<number> =>
  page.evaluate(() => (globalThis as unknown as { circular938: { store: { getState(): { log: { attempts: unknown[] } | null } } } }).circular938.store.getState().log?.attempts.length ?? 0);

/** Opens the decisions window by its key and goes back, by Tab and Enter, to the first decision that can be chosen again after `after`. */
async function rewindByKeyboard(page: Page, selector: string): Promise<void> {
  const before = await attempts(page);
  await page.keyboard.press('d');
  await page.waitForSelector('#decisions[open]');
  await tabTo(page, selector, 80);
  await page.keyboard.press('Enter');
  await expect.poll(() => attempts(page)).toBe(before + 1);
  await page.waitForSelector('#decisions[open]', { state: 'detached' }).catch(() => undefined);
  await expect.poll(() => page.locator('#decisions').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
}

async function playToDebrief(page: Page): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await page.locator('#download-log').count()) > 0) return;
    await pressChoice(page, 1);
  }
  throw new Error('no debrief within 200 decisions');
}

describe('rewinding', () => {
  it('rewinds twice by keyboard, resumes the same attempt after a reload, and the downloaded log holds the three attempts and the reason', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    await startByKeyboard(page, 'Inés Replay');
    // To the first decision that asks why, then a reason written by keyboard before choosing.
    for (let i = 0; i < 10 && (await nodeOf(page)) !== 'cable-whom'; i++) await pressChoice(page, 1);
    expect(await nodeOf(page)).toBe('cable-whom');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reason');
    await page.keyboard.type('Ferris says the circular names them; anyone else would be wrong.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => nodeOf(page)).not.toBe('cable-whom');
    for (let i = 0; i < 3; i++) await pressChoice(page, 1);

    await rewindByKeyboard(page, '#decisions [data-rewind="3"]');
    expect(await nodeOf(page), 'back at decision 4, the one that asks whom to see').toBe('cable-whom');
    await expect.poll(() => page.evaluate(() => document.activeElement?.matches('#choices button.choice') ?? false), { message: 'the focus is on the first choice' }).toBe(true);
    await pressChoice(page, 2);
    await pressChoice(page, 1);
    // Looking back at a decision: the focus goes to the way back to the present, and Enter there returns.
    await page.keyboard.press('d');
    await page.waitForSelector('#decisions[open]');
    await tabTo(page, '#decisions [data-look="1"]', 80);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { message: 'the focus after Look' }).toBe('back-to-present');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#back-to-present').count()).toBe(0);
    await rewindByKeyboard(page, '#decisions [data-rewind="0"]');
    expect(await nodeOf(page)).toBe('cable-arrives');
    expect((await readSession(page))?.trail).toEqual([]);
    await pressChoice(page, 2);
    await pressChoice(page, 1);
    const before = await readSession(page);

    // A reload puts the student back in the same (third) attempt, at the same place.
    await page.reload();
    await page.waitForSelector(`body[data-node="${before?.node ?? ''}"]`, { state: 'attached' });
    expect(await attempts(page)).toBe(3);
    expect(await readSession(page)).toEqual(before);

    await page.keyboard.press('d');
    await page.waitForSelector('#decisions[open]');
    await expect(page.locator('#decisions .attempt').count()).resolves.toBe(3);
    await screenshot(page, 'replay-decisions');
    await page.keyboard.press('Escape');

    await playToDebrief(page);
    await expect(page.locator('.attempts-note').innerText()).resolves.toMatch(/attempt 3 of 3/);
    await tabTo(page, '#download-log');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const text = await readFile(await download.path(), 'utf8');
    await writeFile(LOG_FILE, text);
    const json = JSON.parse(text) as { formatVersion: number; rewind: string; attempts: { from: unknown; entries: { reason?: string }[] }[] };
    expect(json.formatVersion).toBe(2);
    expect(json.rewind).toBe('free');
    expect(json.attempts.map((a) => a.from)).toEqual([null, { attempt: 0, seq: 3 }, null]);
    expect(json.attempts[0]?.entries.map((e) => e.reason).filter(Boolean)).toEqual(['Ferris says the circular names them; anyone else would be wrong.']);

    const loaded = await loadScenario(await readFile(join(PROJECT_ROOT, 'scenarios/mexico.yaml'), 'utf8'), 'scenarios/mexico.yaml');
    if (!loaded.ok) throw new Error('the scenario does not load');
    const verified = await verifyLogText(text, loaded.loaded);
    if (!verified.ok) throw new Error(`the downloaded log does not verify:\n- ${verified.problems.join('\n- ')}`);
    expect(verified.attempts.map((a) => a.ending === null)).toEqual([true, true, false]);
    assertNoProblems('rewinding twice');
  });
});

describe('watching a log', () => {
  it('opens a real log of format 1 and of an earlier scenario text from the title, steps forward and back, switches attempts and plays at 4×, and leaves the viewer\'s own save alone', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    await startByKeyboard(page, 'Viewer');
    await pressChoice(page, 1);
    const ownSave = await page.evaluate((key) => localStorage.getItem(key), SAVE_KEY);
    expect(ownSave).not.toBeNull();
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await waitForTitle(page);

    // Written by the game before log format 2, with the scenario text of version 2 (now kept in scenarios/archive/).
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.locator('#watch-file').setInputFiles(WATCHED);
    await page.waitForURL(/\?watch=[0-9a-f]+$/);
    await page.waitForSelector('#watch-bar');
    const otherPosts = asked.filter((path) => contentChunkOf(path) !== null && contentChunkOf(path) !== 'mexico');
    expect(otherPosts, "watching a Mexico City log fetches no other post's content").toEqual([]);
    await expect(page.locator('#watch-student').innerText()).resolves.toBe('Tomás Núñez (11A)');
    await expect(page.locator('#watch-where').innerText()).resolves.toMatch(/^attempt 1 of 2, decision 0 of \d+$/);
    const start = await nodeOf(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('#watch-where').innerText()).toMatch(/decision 2 of/);
    expect(await nodeOf(page)).not.toBe(start);
    await expect(page.locator('button.choice.taken').count(), 'the choice taken there is marked').resolves.toBe(1);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => nodeOf(page)).toBe(start);
    await expect(page.locator('button.choice:not([disabled])').count(), 'nothing can be chosen').resolves.toBe(0);

    await page.locator('#watch-attempt').selectOption({ value: '1' });
    await expect.poll(() => page.locator('#watch-where').innerText()).toMatch(/^attempt 2 of 2, decision 0 of/);
    await page.locator('#watch-bar [data-speed="4"]').click();
    await page.locator('#watch-play').click();
    await expect.poll(() => page.locator('#watch-where').innerText(), { timeout: 10_000 }).toMatch(/decision [3-9]\d* of|decision \d{2,} of/);
    await page.locator('#watch-play').click();
    await page.keyboard.press('End');
    await page.waitForSelector('#debrief-title');
    await expect(page.locator('#download-log').count(), 'a watched log is not downloaded again from here').resolves.toBe(0);
    await screenshot(page, 'replay-watch-end');
    await page.keyboard.press('Home');
    await expect.poll(() => page.locator('#watch-where').innerText()).toMatch(/decision 0 of/);
    await screenshot(page, 'replay-watch');

    expect(await page.evaluate((key) => localStorage.getItem(key), SAVE_KEY), 'the viewer\'s own save is untouched').toBe(ownSave);
    assertNoProblems('watching a log');
  });
});

describe('the branch map', () => {
  it('draws every node without overlap at 1280×800 and goes back from a decision on it by keyboard', async () => {
    browser = await openBrowser({ viewport: { width: 1280, height: 800 } });
    const { page, assertNoProblems } = browser;
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    await startByKeyboard(page, 'Inés Replay');
    for (let i = 0; i < 8; i++) await pressChoice(page, 1);
    await page.keyboard.press('b');
    await page.waitForSelector('#branch-map[open] g[data-node] > rect');
    await page.waitForTimeout(300);
    await screenshot(page, 'branch-map');
    const boxes = await page.locator('#branch-map g[data-node] > rect').evaluateAll((rects) =>
      rects.map((r) => {
        const b = r.getBoundingClientRect();
        return { id: (r.parentElement as HTMLElement).dataset['node'] ?? '', x: b.x, y: b.y, w: b.width, h: b.height };
      }),
    );
    expect(boxes.length).toBeGreaterThan(80);
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) overlaps.push(`${a.id} and ${b.id}`);
      }
    }
    expect(overlaps).toEqual([]);
    // Unreached nodes give nothing away before an ending.
    const texts = await page.locator('#branch-map g[data-node][data-mark="unexplored"]').allInnerTexts();
    expect(texts.every((t) => !/Tello|Washington count/.test(t))).toBe(true);

    const before = await attempts(page);
    await tabTo(page, '#branch-map svg [data-rewind="3"]', 60);
    await page.keyboard.press('Enter');
    await expect.poll(() => attempts(page)).toBe(before + 1);
    expect((await readSession(page))?.trail).toHaveLength(3);
    assertNoProblems('the branch map');
  });
});

describe("the teacher's modes", () => {
  it('with ?rewind=off lists the decisions but offers no way back; with ?reasons=required a reason is asked before choosing', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    await page.goto(seeded(`${site().url}?rewind=off&reasons=required`));
    await waitForTitle(page);
    await startByKeyboard(page, 'Inés Replay');
    for (let i = 0; i < 10 && (await nodeOf(page)) !== 'cable-whom'; i++) await pressChoice(page, 1);
    expect(await page.evaluate(() => document.activeElement?.id), 'the required reason takes the focus').toBe('reason');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#problem').innerText()).toMatch(/asks for a reason/);
    expect(await nodeOf(page)).toBe('cable-whom');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reason');
    await page.keyboard.type('The circular says the Chief of State or the Foreign Minister.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => nodeOf(page)).not.toBe('cable-whom');

    await page.keyboard.press('d');
    await page.waitForSelector('#decisions[open]');
    await expect(page.locator('#decisions .decision').count()).resolves.toBeGreaterThan(3);
    await expect(page.locator('#decisions [data-rewind], #decisions [data-look]').count()).resolves.toBe(0);
    const log = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}') as { rewind: string; reasons: string }, SAVE_KEY);
    expect([log.rewind, log.reasons]).toEqual(['off', 'required']);
    assertNoProblems('the modes');
  });
});
