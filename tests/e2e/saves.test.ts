/**
 * Saves that survive a classroom (issue 6): a save from the first release is set aside and
 * downloadable, full storage still lets the intact save resume, two tabs of one game never
 * overwrite each other, and a browser killed right after a decision resumes with every decision.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chromiumPath, COMMON_ARGS, openBrowser, PROJECT_ROOT, type TestBrowser } from './browser.ts';
import { nodeOf, pressChoice, readSession, seeded, startByKeyboard, tabTo, waitForTitle, SAVE_KEY, useSite } from './game.ts';

/** The version of the current Mexico text, which an autosave of an earlier text goes on under. */
const MEXICO_VERSION = (parse(readFileSync(join(PROJECT_ROOT, 'scenarios', 'mexico.yaml'), 'utf8')) as { version: number }).version;

const site = useSite();
let browser: TestBrowser | null = null;

afterEach(async () => {
  await browser?.close();
  browser = null;
});


/** A new visit (the next day, another student): the title, not straight back into the game. */
async function revisit(page: Page): Promise<void> {
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await waitForTitle(page);
}

describe('saves that cannot be resumed', () => {
  it('sets aside a save made with the first release, says so in one sentence, and offers it for download', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    await startByKeyboard(page);
    await pressChoice(page, 1);
    // The same save as the first release made it: scenario version 1, another scenario text.
    const oldSave = await page.evaluate((key) => {
      const log = JSON.parse(localStorage.getItem(key) ?? '{}') as { scenario: { version: number; hash: string } };
      log.scenario.version = 1;
      log.scenario.hash = 'a'.repeat(64);
      return JSON.stringify(log);
    }, SAVE_KEY);
    await page.evaluate(
      async ([key, text]) => {
        localStorage.setItem(key, text);
        // The IndexedDB copy is the same old save (both copies are read).
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
      },
      [SAVE_KEY, oldSave] as const,
    );
    await revisit(page);
    await expect(page.locator('#problem').innerText()).resolves.toMatch(/earlier version of the game.*your teacher can still read it/);
    await expect(page.locator('#resume').count(), 'an old save is not offered to continue').resolves.toBe(0);

    const download = page.waitForEvent('download');
    await page.locator('#download-set-aside').click();
    const file = await (await download).path();
    await expect(readFile(file, 'utf8')).resolves.toBe(oldSave);

    // Kept across visits, and a new game can begin.
    await revisit(page);
    await expect(page.locator('#download-set-aside').count()).resolves.toBe(1);
    await startByKeyboard(page, 'Nueva');
    await pressChoice(page, 1);
    await revisit(page);
    await expect(page.locator('#resume').count()).resolves.toBe(1);
    assertNoProblems('with a save from the first release');
  });
});

describe('a save of the release before', () => {
  it('resumes an autosave of log format 1 and scenario version 2, and goes on saving it as format 2 under the current version', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    const text = await readFile(join(PROJECT_ROOT, 'tests/fixtures/saves/format1-mexico-v2.json'), 'utf8');
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [SAVE_KEY, text] as const);
    await revisit(page);
    await expect(page.locator('#problem').innerText()).resolves.toBe('');
    await tabTo(page, '#resume');
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-node="meet-q-invasion"]', { state: 'attached' });
    expect((await readSession(page))?.trail).toHaveLength(14);
    await pressChoice(page, 1);
    const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}') as { formatVersion: number; scenario: { version: number }; rewind: string; attempts: { entries: unknown[] }[] }, SAVE_KEY);
    expect([saved.formatVersion, saved.scenario.version, saved.rewind, saved.attempts[0]?.entries.length]).toEqual([2, MEXICO_VERSION, 'free', 15]);
    assertNoProblems('resuming a save of the release before');
  });
});

describe('storage that fails', () => {
  it('still offers and resumes the intact save when every write fails', async () => {
    browser = await openBrowser();
    const { page, context, assertNoProblems } = browser;
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    await startByKeyboard(page);
    await pressChoice(page, 1);
    await pressChoice(page, 1);
    const intact = await readSession(page);

    // From now on the disk is full: localStorage and IndexedDB refuse every write.
    await context.addInitScript(() => {
      const full = (): never => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      Storage.prototype.setItem = full;
      IDBObjectStore.prototype.put = full;
      IDBObjectStore.prototype.add = full;
    });
    await revisit(page);
    await page.locator('#resume').click();
    await page.waitForSelector('body:not([data-phase="title"])', { state: 'attached' });
    expect(await readSession(page)).toEqual(intact);
    await pressChoice(page, 1);
    await expect(page.locator('#save-status').innerText()).resolves.toMatch(/storage is full/);

    await revisit(page);
    await page.locator('#resume').click();
    await page.waitForSelector('body:not([data-phase="title"])', { state: 'attached' });
    expect(await readSession(page), 'the intact save, unchanged').toEqual(intact);
    assertNoProblems('with full storage');
  });
});

describe('two tabs on one game', () => {
  it('lets one tab write; the other says so, takes over on request, and the first becomes read-only', async () => {
    browser = await openBrowser();
    const { page: first, context, assertNoProblems } = browser;
    await first.goto(seeded(site().url));
    await waitForTitle(first);
    await startByKeyboard(first);
    await pressChoice(first, 1);

    const second = await context.newPage();
    await second.goto(seeded(site().url));
    await waitForTitle(second);
    await expect(second.locator('#tab-status').isVisible()).resolves.toBe(true);
    await expect(second.locator('#tab-message').innerText()).resolves.toMatch(/open in another tab/);
    await expect(first.locator('#tab-status').isVisible(), 'the writing tab shows no banner').resolves.toBe(false);

    // The second tab may look but not decide.
    await second.locator('#resume').click();
    await second.waitForSelector('body:not([data-phase="title"])', { state: 'attached' });
    const node = await nodeOf(second);
    await second.bringToFront();
    await second.keyboard.press('1');
    await expect.poll(() => second.locator('#problem').innerText()).toMatch(/Play here/);
    expect(await nodeOf(second)).toBe(node);

    // The first tab goes on; then the second takes over and continues from every decision.
    await first.bringToFront();
    await pressChoice(first, 1);
    await pressChoice(first, 1);
    const before = await readSession(first);
    await second.bringToFront();
    await second.locator('#take-over').click();
    await expect.poll(() => second.locator('#tab-status').isVisible()).toBe(false);
    expect(await readSession(second)).toEqual(before);
    await expect.poll(() => first.locator('#tab-message').innerText()).toMatch(/taken over/);
    await expect(first.locator('#tab-status').isVisible()).resolves.toBe(true);

    // The first tab no longer writes: its key press is refused and said so.
    const saved = await first.evaluate((key) => localStorage.getItem(key), SAVE_KEY);
    await first.bringToFront();
    await first.keyboard.press('1');
    await expect.poll(() => first.locator('#problem').innerText()).toMatch(/another tab/);
    expect(await first.evaluate((key) => localStorage.getItem(key), SAVE_KEY)).toBe(saved);

    await second.bringToFront();
    await pressChoice(second, 1);
    const log = JSON.parse((await second.evaluate((key) => localStorage.getItem(key), SAVE_KEY)) ?? '{}') as { attempts: { entries: unknown[] }[] };
    expect(log.attempts[0]?.entries).toHaveLength(4);
    assertNoProblems('with two tabs');
  });
});

// ---------------------------------------------------------------- the kill test

interface Killable {
  browser: Browser;
  page: Page;
  process: ChildProcess;
}

const KILL_ARGS = [
  '--headless',
  ...COMMON_ARGS,
  '--hide-crash-restore-bubble',
  '--remote-debugging-port=0',
];

/** Chromium started by hand (so that its pid is known), in its own process group, over CDP. */
async function launchKillable(profile: string): Promise<Killable> {
  const portFile = join(profile, 'DevToolsActivePort');
  await rm(portFile, { force: true });
  const child = spawn(chromiumPath(), [...KILL_ARGS, `--user-data-dir=${profile}`, 'about:blank'], { detached: true, stdio: 'ignore' });
  const deadline = Date.now() + 20_000;
  let port = '';
  // Chromium writes the port it chose into the profile; the file may be there before its content.
  while (!/^\d+$/.test(port)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`Chromium did not start (exit ${String(child.exitCode)})`);
    await new Promise((resolve) => setTimeout(resolve, 25));
    if (existsSync(portFile)) port = (await readFile(portFile, 'utf8')).split('\n')[0] ?? '';
  }
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium over CDP has no default context');
  // The pictures and sounds play no part in saving; leaving them out keeps ten restarts quick.
  await context.route(/\/assets\/(phaser|main|audio)-[^/]*\.js$|\.opus$/, (route) => route.abort());
  const page = context.pages()[0] ?? (await context.newPage());
  return { browser, page, process: child };
}

/** SIGKILL to Chromium's whole process group: the browser, its storage and its renderers at once. */
async function kill(k: Killable): Promise<void> {
  const exited = new Promise((resolve) => k.process.once('exit', resolve));
  if (k.process.pid !== undefined) process.kill(-k.process.pid, 'SIGKILL');
  await exited;
}

describe('a browser killed right after a decision', () => {
  it('resumes with every decision, ten times out of ten', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'circular938-kill-'));
    const began = Date.now();
    let current: Killable | null = null;
    const results: string[] = [];
    try {
      let decisions = 0;
      for (let round = 1; round <= 10; round++) {
        current = await launchKillable(profile);
        const { page } = current;
        await page.goto(seeded(site().url));
        await waitForTitle(page);
        if (round === 1) await startByKeyboard(page);
        else {
          await page.locator('#resume').click({ timeout: 5_000 });
          await page.waitForSelector('body:not([data-phase="title"])', { state: 'attached' });
          const trail = (await readSession(page))?.trail.length ?? -1;
          results.push(trail === decisions ? 'kept' : `lost (${trail} of ${decisions})`);
        }
        // A decision; as soon as the next screen is there, the browser dies.
        await pressChoice(page, 1);
        decisions++;
        await kill(current);
        current = null;
      }
      current = await launchKillable(profile);
      await current.page.goto(seeded(site().url));
      await waitForTitle(current.page);
      await current.page.locator('#resume').click({ timeout: 5_000 });
      await current.page.waitForSelector('body:not([data-phase="title"])', { state: 'attached' });
      const trail = (await readSession(current.page))?.trail.length ?? -1;
      results.push(trail === decisions ? 'kept' : `lost (${trail} of ${decisions})`);
      process.stdout.write(`[e2e] kill test: ${results.filter((r) => r === 'kept').length}/10 kept in ${((Date.now() - began) / 1000).toFixed(1)} s: ${results.join(', ')}\n`);
      expect(results).toEqual(Array(10).fill('kept'));
    } finally {
      if (current) await kill(current).catch(() => undefined);
      await rm(profile, { recursive: true, force: true, maxRetries: 3 });
    }
  }, 120_000);
});
