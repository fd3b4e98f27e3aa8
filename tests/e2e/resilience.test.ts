/**
 * The game on the school laptops the design describes: storage blocked by policy, a damaged save,
 * a remembered mute setting, Phaser slow or failing to arrive, no user gesture for audio, and a
 * teacher's link. Each test has its own fresh browser; each drives the page by keyboard only and
 * asserts that no console error, page error or failed request happened beyond the one it causes.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsoleMessage, Page, Route } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserOptions, type TestBrowser } from './browser.ts';
import { nodeOf, phaseOf, pressChoice, readSession, seeded, tabTo, waitForTitle, SAVE_KEY, useSite } from './game.ts';
import { DIST } from './server.ts';

const site = useSite();
let browser: TestBrowser | null = null;

afterEach(async () => {
  await browser?.close();
  browser = null;
});

async function open(options: BrowserOptions = {}): Promise<TestBrowser> {
  browser = await openBrowser(options);
  return browser;
}

/** Starts a game from the title by keyboard: Tab to the name, type it, Enter (the form submits). */
async function startByKeyboard(page: Page, name = 'Lucía Test'): Promise<void> {
  await tabTo(page, '#student-name');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await page.waitForSelector('body[data-phase="cable"]', { state: 'attached' });
}

/** Takes `count` decisions with the first choice each time; returns the nodes passed. */
async function playFirstChoices(page: Page, count: number): Promise<string[]> {
  const nodes = [await nodeOf(page)];
  for (let i = 0; i < count; i++) {
    await pressChoice(page, 1);
    nodes.push(await nodeOf(page));
  }
  return nodes;
}

/** The built Phaser chunk(s): vite.config.ts puts Phaser in a code-splitting group named "phaser". */
function phaserChunks(): string[] {
  const files = readdirSync(join(DIST, 'assets')).filter((f) => /^phaser[-.].*\.js$/.test(f));
  if (files.length === 0) throw new Error(`no Phaser chunk (assets/phaser-*.js) in ${DIST}; did the build's chunk group change?`);
  return files;
}

function phaserPattern(): RegExp {
  const names = phaserChunks().map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`/assets/(${names.join('|')})(\\?.*)?$`);
}

describe('resilience on locked-down and slow school machines', () => {
  it('starts and plays with storage blocked by the browser, and says autosave is off', async () => {
    // Chromium's own "block cookies and site data" setting, as a school policy sets it: reading
    // window.localStorage then throws a SecurityError.
    const { page, assertNoProblems } = await open({ preferences: { profile: { default_content_setting_values: { cookies: 2 } } } });
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    await expect(
      page.evaluate(() => {
        try {
          return typeof globalThis.localStorage;
        } catch (e) {
          return (e as Error).name;
        }
      }),
      'the premise: this browser refuses localStorage',
    ).resolves.toBe('SecurityError');
    await expect(page.locator('#save-status').innerText()).resolves.toMatch(/autosave is off/i);
    await expect(page.locator('#resume').count()).resolves.toBe(0);

    await startByKeyboard(page);
    const nodes = await playFirstChoices(page, 3);
    expect((await readSession(page))?.trail).toHaveLength(3);
    expect(new Set(nodes).size, 'the game moved on').toBeGreaterThan(1);
    await expect(page.locator('#save-status').innerText()).resolves.toMatch(/autosave is off/i);
    // M still works for this visit, remembered or not.
    await page.keyboard.press('m');
    await expect(page.locator('#mute').getAttribute('aria-pressed')).resolves.toBe('true');

    await page.reload();
    await waitForTitle(page);
    await expect(page.locator('#resume').count(), 'nothing could be saved, so nothing is offered').resolves.toBe(0);
    assertNoProblems('with storage blocked');
  });

  it('shows the title, without a resume offer, whatever garbage the save holds', async () => {
    const { page, assertNoProblems } = await open();
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    // A real save first, to make damaged copies of it that look almost right.
    await startByKeyboard(page);
    await playFirstChoices(page, 2);
    const saved = await page.evaluate((key) => localStorage.getItem(key), SAVE_KEY);
    expect(saved, 'the game autosaves under circular938.save.mexico').not.toBeNull();
    const log = JSON.parse(saved as string) as { attempts: { entries: Record<string, unknown>[] }[]; scenario: { hash: string } };
    const variant = (change: (copy: typeof log) => void): string => {
      const copy = structuredClone(log);
      change(copy);
      return JSON.stringify(copy);
    };
    const garbage: Record<string, string> = {
      'not JSON': 'garbage{{',
      'cut off': (saved as string).slice(0, Math.floor((saved as string).length / 2)),
      'JSON null': 'null',
      'a JSON array': '[]',
      'another format version': JSON.stringify({ ...log, formatVersion: 99 }),
      'another scenario text': variant((c) => {
        c.scenario.hash = '0'.repeat(64);
      }),
      'an entry at a node that does not exist': variant((c) => {
        const e = c.attempts[0]?.entries[1];
        if (e) e['node'] = 'no-such-node';
      }),
      'an unknown variant': JSON.stringify({ ...log, variant: 'no-such-world' }),
      'a null entry': variant((c) => {
        if (c.attempts[0]) c.attempts[0].entries = [null as unknown as Record<string, unknown>];
      }),
      'attempts that are not objects': JSON.stringify({ ...log, attempts: [null] }),
    };

    const failures: string[] = [];
    for (const [what, text] of Object.entries(garbage)) {
      await page.evaluate(([key, value]) => localStorage.setItem(key, value), [SAVE_KEY, text] as const);
      await page.reload();
      try {
        await page.locator('#start-form').waitFor({ state: 'visible', timeout: 5_000 });
        const phase = await phaseOf(page);
        const resume = await page.locator('#resume').count();
        const problem = (await page.locator('#problem').textContent()) ?? '';
        if (phase !== 'title') failures.push(`${what}: phase is "${phase}", not "title"`);
        if (resume > 0 && problem.trim() === '') failures.push(`${what}: a broken save is offered for resume with no message`);
        const begin = page.locator('#begin');
        if ((await begin.count()) === 0) failures.push(`${what}: no #begin button`);
      } catch (e) {
        const shown = await page.locator('#app').innerText().catch(() => '(no #app)');
        failures.push(`${what}: the title did not show (${(e as Error).message.split('\n')[0]}); the page shows: ${shown.slice(0, 300)}`);
      }
    }
    expect(failures, 'every damaged save still leaves a usable title').toEqual([]);

    // A new game replaces the damaged save.
    await startByKeyboard(page, 'Nueva');
    await playFirstChoices(page, 1);
    const replaced = await page.evaluate((key) => localStorage.getItem(key), SAVE_KEY);
    expect(JSON.parse(replaced ?? 'null')).toMatchObject({ student: { label: 'Nueva' } });
    assertNoProblems('with damaged saves');
  });

  it('remembers the sound setting toggled with M across reloads', async () => {
    const { page, assertNoProblems } = await open();
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    const mute = page.locator('#mute');
    await expect(mute.getAttribute('aria-pressed')).resolves.toBe('false');
    await page.keyboard.press('m');
    await expect(mute.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(mute.innerText()).resolves.toMatch(/sound off/i);

    await page.reload();
    await waitForTitle(page);
    await expect(mute.getAttribute('aria-pressed'), 'muted after a reload').resolves.toBe('true');

    await startByKeyboard(page);
    await page.keyboard.press('m');
    await expect(mute.getAttribute('aria-pressed')).resolves.toBe('false');
    await page.reload();
    // A reload mid-game goes straight back into the game.
    await page.waitForSelector('body[data-phase="cable"]', { state: 'attached' });
    await expect(mute.getAttribute('aria-pressed'), 'unmuted after a reload').resolves.toBe('false');
    assertNoProblems('toggling sound');
  });

  it('is usable and playable while the Phaser chunk is still on its way', async () => {
    const { page, assertNoProblems } = await open();
    const held: Route[] = [];
    let requested!: () => void;
    const phaserRequested = new Promise<void>((resolve) => (requested = resolve));
    await page.route(phaserPattern(), (route) => {
      held.push(route);
      requested();
    });
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    await phaserRequested;
    await expect(page.locator('#begin').isEnabled(), 'the first screen is usable before Phaser').resolves.toBe(true);
    await expect(page.locator('.stage-status').innerText()).resolves.toMatch(/\S/);

    await startByKeyboard(page);
    await playFirstChoices(page, 2);
    await expect(page.locator('.stage-status').isVisible(), 'the stage still says it is loading').resolves.toBe(true);

    for (const route of held) await route.continue();
    await page.locator('.stage-status').waitFor({ state: 'hidden', timeout: 30_000 });
    await expect(page.locator('#stage canvas').count(), 'Phaser drew once it arrived').resolves.toBeGreaterThan(0);
    await playFirstChoices(page, 1);
    assertNoProblems('with Phaser arriving late');
  });

  it('plays on in text, with a readable message on the stage, when the Phaser chunk cannot load', async () => {
    const b = await open();
    const { page } = b;
    const pattern = phaserPattern();
    b.expect({
      kinds: ['requestfailed', 'console.error'],
      url: pattern,
      why: 'this test aborts the Phaser chunk on purpose; Chromium reports the aborted request as a failed request and a "Failed to load resource" console error',
    });
    await page.route(pattern, (route) => route.abort('failed'));
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    const status = page.locator('.stage-status');
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toMatch(/could not be loaded.*still play/i);
    await expect(status.isVisible()).resolves.toBe(true);

    await startByKeyboard(page);
    const nodes = await playFirstChoices(page, 3);
    expect(new Set(nodes).size).toBeGreaterThan(1);
    await expect(page.locator('#dialogue').innerText()).resolves.toMatch(/\w{3,}/);
    expect(b.problems.some((p) => pattern.test(p.url)), 'the Phaser chunk was requested and blocked').toBe(true);
    b.assertNoProblems('with the Phaser chunk blocked');
  });

  it('loads sound without a user gesture without throwing, and unlocks it on the first key press', async () => {
    // Chromium's desktop autoplay policy, stated explicitly so that the test does not depend on
    // the build's default: an AudioContext stays suspended until the document has had a user
    // activation. (The similar-sounding "user-gesture-required" lets it run at once in headless
    // Chromium 156, so it would make this test meaningless.)
    const b = await open({ args: ['--autoplay-policy=document-user-activation-required'] });
    const { page } = b;
    const reports: { what: string; state?: string; active?: boolean; error?: string }[] = [];
    page.on('console', (message: ConsoleMessage) => {
      const text = message.text();
      if (text.startsWith('[c938-audio] ')) reports.push(JSON.parse(text.slice(13)) as (typeof reports)[number]);
    });
    // Page code, not page.evaluate (which Playwright runs as a user gesture): records every
    // AudioContext, its state, and any error its methods throw, and reports on the console.
    await page.addInitScript(() => {
      const report = (what: Record<string, unknown>): void => console.debug(`[c938-audio] ${JSON.stringify(what)}`);
      const active = (): boolean => (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation?.hasBeenActive ?? false;
      const Original = globalThis.AudioContext;
      if (!Original) return;
      class RecordingAudioContext extends Original {
        constructor(...args: ConstructorParameters<typeof AudioContext>) {
          try {
            super(...args);
          } catch (e) {
            report({ what: 'constructor threw', error: String(e), active: active() });
            throw e;
          }
          report({ what: 'created', state: this.state, active: active() });
          this.addEventListener('statechange', () => report({ what: 'statechange', state: this.state, active: active() }));
        }
        override resume(): Promise<void> {
          return super.resume().catch((e: unknown) => {
            report({ what: 'resume rejected', error: String(e), active: active() });
            throw e;
          });
        }
      }
      globalThis.AudioContext = RecordingAudioContext;
    });

    const created = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('[c938-audio] {"what":"created"'), timeout: 30_000 });
    await page.goto(seeded(site().url));
    // Wait for the context before any locator wait: Playwright's own polling runs page scripts,
    // and Chromium may count those as user activation.
    await created;
    await waitForTitle(page);
    // The sound files are fetched and decoded behind the first screen; wait until the network is quiet.
    await page.waitForLoadState('networkidle');
    const first = reports.find((r) => r.what === 'created');
    expect(first, 'the sound adapter made an AudioContext').toBeDefined();
    expect(first?.active, 'no user gesture had happened').toBe(false);
    expect(reports.filter((r) => r.what === 'constructor threw')).toEqual([]);
    expect(reports.some((r) => r.state === 'running'), `no sound may start before a gesture: ${JSON.stringify(reports)}`).toBe(false);
    b.assertNoProblems('loading sound without a gesture');

    // The first key press is a gesture: the game plays on and the sound may start.
    await startByKeyboard(page);
    await playFirstChoices(page, 2);
    await expect.poll(() => reports.some((r) => r.state === 'running'), { message: `sound unlocks after a key press: ${JSON.stringify(reports)}`, timeout: 10_000 }).toBe(true);
    b.assertNoProblems('after the first gesture');
  });

  it("presets the start form from a teacher's link", async () => {
    const { page, assertNoProblems } = await open();
    await page.goto(seeded(`${site().url}?variant=counterfactual&class=9B&name=Ana`));
    await waitForTitle(page);
    await expect(page.locator('#student-name').inputValue()).resolves.toBe('Ana');
    await expect(page.locator('#class-code').inputValue()).resolves.toBe('9B');
    await expect(page.locator('#variant-counterfactual').isChecked()).resolves.toBe(true);
    await tabTo(page, '#begin');
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-phase="cable"]', { state: 'attached' });
    await expect(readSession(page)).resolves.toMatchObject({ variant: 'counterfactual' });
    expect(await phaseOf(page)).toBe('cable');
    assertNoProblems("with a teacher's link");
  });
});

describe('nothing saved is lost to a stray key', () => {
  it('asks once more before a new game replaces the saved one', async () => {
    const { page, assertNoProblems } = await open();
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    await startByKeyboard(page);
    await playFirstChoices(page, 2);
    const before = await readSession(page);
    // As if the laptop were opened again the next day: a new visit starts at the title.
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await waitForTitle(page);
    await page.locator('#resume').waitFor({ state: 'visible' });

    await tabTo(page, '#student-name');
    await page.keyboard.type('Someone Else');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#name-error').textContent()).toMatch(/replaces your game in progress/);
    expect(await phaseOf(page)).toBe('title');
    expect(await page.evaluate((key) => localStorage.getItem(key) !== null, SAVE_KEY)).toBe(true);

    // Resuming is still possible, and gives back the game as it was.
    await tabTo(page, '#resume');
    await page.keyboard.press('Enter');
    await page.waitForSelector('body:not([data-phase="title"])', { state: 'attached' });
    expect(await readSession(page)).toEqual(before);

    // Back on the title, pressing Start twice begins a fresh game.
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await waitForTitle(page);
    await tabTo(page, '#student-name');
    await page.keyboard.type('Someone Else');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-phase="cable"]', { state: 'attached' });
    expect((await readSession(page))?.trail).toEqual([]);
    assertNoProblems('when starting over');
  });
});
