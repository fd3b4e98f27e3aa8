/**
 * The title is drawn before the game behind it has loaded (main.ts, from the post's front), and the
 * game then takes it over in place (boot-game.ts, overlay.ts). Holding the game's chunk back makes
 * "before" last as long as the test needs:
 * - the title is complete and usable with only the first screen's files;
 * - a Begin pressed then goes ahead once the game has loaded;
 * - what the student typed, and where the focus is, survive the takeover;
 * - a saved game appears in its place, and a Begin pressed early still asks before replacing it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, PROJECT_ROOT, type TestBrowser } from './browser.ts';
import { phaseOf, pressChoice, readSession, seeded, startByKeyboard, tabTo, useSite, waitForTitle, SAVE_KEY } from './game.ts';
import { contentChunkOf, DIST, frontFile } from './server.ts';

const site = useSite();
let browser: TestBrowser | null = null;
afterEach(async () => {
  await browser?.close();
  browser = null;
});

/** The game's chunk (boot-game-*.js), which the page fetches only once the title is on screen. */
function gamePattern(): RegExp {
  const names = readdirSync(join(DIST, 'assets')).filter((f) => /^boot-game-.*\.js$/.test(f));
  if (names.length !== 1) throw new Error(`expected one boot-game chunk in dist/assets, found ${names.length}`);
  return new RegExp(`/assets/${names[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\?.*)?$`);
}

/** Holds the game's chunk until `release()`; `requested` resolves when the page asks for it. */
async function holdGame(page: Page): Promise<{ requested: Promise<void>; release(): Promise<void> }> {
  const held: Route[] = [];
  let asked!: () => void;
  const requested = new Promise<void>((resolve) => (asked = resolve));
  let released = false;
  await page.route(gamePattern(), (route) => {
    if (released) return void route.continue();
    held.push(route);
    asked();
  });
  return {
    requested,
    async release() {
      released = true;
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

/** The page's entry script (index-*.js), which runs the first screen. */
function entryScript(): string {
  const entry = readdirSync(join(DIST, 'assets')).find((f) => /^index-.*\.js$/.test(f));
  if (!entry) throw new Error('no index-*.js in dist/assets');
  return entry;
}

const gameLoaded = (page: Page): Promise<boolean> => page.evaluate(() => 'circular938' in globalThis);

describe('the first screen before the game has loaded', () => {
  it('is the whole title, and a Begin pressed then starts the game once it has loaded', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    const game = await holdGame(page);
    await page.goto(seeded(site().url));
    await game.requested;
    await page.locator('#start-form').waitFor({ state: 'visible' });
    expect(await gameLoaded(page), 'the game is held back').toBe(false);
    // Everything the title shows is there: the post, the worlds, the criteria, the chooser, the form.
    expect(await page.locator('.title-screen .subtitle').innerText()).toMatch(/Mexico City/);
    expect(await page.locator('input[name="variant"]').count()).toBe(2);
    expect(await page.locator('#how-judged li').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('#post-chooser .post-list a').count()).toBe(9);
    expect(await page.locator('#begin').isEnabled()).toBe(true);

    await tabTo(page, '#student-name');
    await page.keyboard.type('Early Student');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#begin-status').textContent()).toMatch(/Opening the game/);
    expect(await phaseOf(page)).toBe('title');

    await game.release();
    await page.waitForSelector('body[data-phase="cable"]', { state: 'attached' });
    const session = await readSession(page);
    expect(session?.trail).toEqual([]);
    expect(await page.evaluate((key) => localStorage.getItem(key), SAVE_KEY)).toContain('"label":"Early Student"');
    assertNoProblems('starting before the game had loaded');
  });

  it('keeps what the student typed and the focus when the game takes the title over', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    const game = await holdGame(page);
    await page.goto(seeded(site().url));
    await game.requested;
    await page.locator('#start-form').waitFor({ state: 'visible' });
    await tabTo(page, '#student-name');
    await page.keyboard.type('Half a na');

    await game.release();
    await page.waitForFunction(() => 'circular938' in globalThis);
    // The tools of the game are in the top bar now, and the title is the same element, still focused.
    await page.locator('#open-cable').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('student-name');
    await page.keyboard.type('me');
    expect(await page.locator('#student-name').inputValue()).toBe('Half a name');
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-phase="cable"]', { state: 'attached' });
    assertNoProblems('typing through the takeover');
  });

  it('shows a saved game once the game has loaded, and a Begin pressed before asks before replacing it', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    await startByKeyboard(page);
    await pressChoice(page, 1);
    await pressChoice(page, 1);
    const before = await readSession(page);

    // The next day: a new visit, with the game held back again.
    const game = await holdGame(page);
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await game.requested;
    await page.locator('#start-form').waitFor({ state: 'visible' });
    expect(await page.locator('#resume').count(), 'the saved game is not offered before it has been checked').toBe(0);
    await tabTo(page, '#student-name');
    await page.keyboard.type('Someone Else');
    await page.keyboard.press('Enter');

    await game.release();
    await page.locator('#resume').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('#name-error').textContent()).toMatch(/replaces your game in progress/);
    expect(await page.locator('#begin').innerText()).toBe('Start a new game');
    expect(await phaseOf(page)).toBe('title');
    await tabTo(page, '#resume');
    await page.keyboard.press('Enter');
    await page.waitForSelector('body:not([data-phase="title"])', { state: 'attached' });
    expect(await readSession(page)).toEqual(before);
    assertNoProblems('with a saved game behind the title');
  });
});

describe('a page whose script is slow to come', () => {
  /** Holds the entry script (index-*.js) for good: the page stays as its HTML drew it. */
  async function holdEntry(page: Page): Promise<void> {
    const entry = entryScript();
    await page.route(`**/assets/${entry}`, () => undefined);
  }
  /**
   * Opens the page with its script held: the HTML and its stylesheet are all there is. (A module
   * script held back holds DOMContentLoaded back too.) Until the stylesheet is in, the line would be
   * visible whatever the page's style says.
   */
  async function openHeld(page: Page): Promise<void> {
    await holdEntry(page);
    await page.goto(site().url, { waitUntil: 'commit' });
    await page.locator('#boot-message').waitFor({ state: 'attached' });
    await page.waitForFunction(() => {
      const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')];
      return links.length > 0 && links.every((l) => l.sheet !== null);
    });
  }
  const messageShown = (page: Page): Promise<boolean> =>
    page.evaluate(() => document.getElementById('boot-message')?.checkVisibility({ visibilityProperty: true }) ?? false);

  it('says it is loading only once it takes a while, and after 20 seconds what to do', async () => {
    browser = await openBrowser();
    const { page } = browser;
    await page.clock.install();
    await openHeld(page);
    // Nothing to read in the first moments (a title that comes at once replaces it unseen), then the
    // line. Read on the line's own animation, paused, so that a slow machine cannot race the check.
    const seen = await page.evaluate(() => {
      const line = document.getElementById('boot-message');
      const wait = line?.getAnimations().find((a) => (a as CSSAnimation).animationName === 'boot-message-wait');
      if (!line || !wait) return null;
      const shown = (): boolean => line.checkVisibility({ visibilityProperty: true });
      wait.pause();
      const at = (ms: number): boolean => ((wait.currentTime = ms), shown());
      const moments = { start: at(0), justBefore: at(799), at800: at(800) };
      wait.finish();
      return { ...moments, after: shown() };
    });
    expect(seen).toEqual({ start: false, justBefore: false, at800: true, after: true });
    expect(await page.locator('#boot-message').innerText()).toBe('Loading Circular 938…');
    await page.clock.fastForward(20_000);
    await expect.poll(() => page.locator('#boot-message').innerText()).toMatch(/taking too long to load\. Check the network connection and reload/);
    expect(await messageShown(page)).toBe(true);
  });

  it('shows the loading line at once to a student who asks for reduced motion', async () => {
    browser = await openBrowser();
    const { page } = browser;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openHeld(page);
    expect(await messageShown(page)).toBe(true);
  });
});

describe("the post's front", () => {
  // The entry script is held back: the front must be asked for by the page's head alone, with the
  // page's scripts, not once they have run.
  async function frontAskedBeforeScripts(page: Page, url: string, id: string): Promise<void> {
    const entry = entryScript();
    const file = frontFile(id);
    if (file === null) throw new Error(`dist/index.html names no front chunk for ${id}`);
    const held: Route[] = [];
    await page.route(`**/assets/${entry}`, (route) => void held.push(route));
    const front = page.waitForRequest((r) => r.url().endsWith(`/assets/${file}`), { timeout: 10_000 });
    await page.goto(url, { waitUntil: 'commit' });
    await front;
    for (const route of held.splice(0)) await route.continue();
    await page.unroute(`**/assets/${entry}`);
    await waitForTitle(page);
  }

  it("comes with the first screen for the first post, and is asked for with the page's scripts for a linked or a remembered post", async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    // The first post from the west (Mexico City): its front is in the first screen's chunk, no request of its own.
    expect(frontFile('mexico')).toBeNull();
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    expect(await page.locator('.post-current').innerText()).toContain('Mexico City');
    const postChunks = asked.filter((p) => {
      const id = /\/assets\/([a-z]+)-[\w-]{8}\.js$/.exec(p)?.[1];
      return id !== undefined && existsSync(join(PROJECT_ROOT, 'scenarios', `${id}.yaml`));
    });
    // Only Mexico City's content, which the game behind the title loads.
    expect(postChunks.map(contentChunkOf)).toEqual(['mexico']);
    await frontAskedBeforeScripts(page, seeded(`${site().url}?post=chile`), 'chile');
    // The next post from the west (Kingston) is preloaded like any other.
    await frontAskedBeforeScripts(page, seeded(`${site().url}?post=jamaica`), 'jamaica');
    await page.evaluate(() => localStorage.setItem('circular938.post', 'uruguay'));
    await frontAskedBeforeScripts(page, seeded(site().url), 'uruguay');
    expect(await page.locator('.post-current').innerText()).toContain('Montevideo');
    assertNoProblems('fronts asked for by the head');
  });
});
