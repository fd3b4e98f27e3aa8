/**
 * Offline (issue 10, point 3), in a real headless Chromium:
 * - the site after one visit: the service worker precaches every page, chunk, font and sound; with
 *   the network off and the server stopped, the game starts, plays its first decision with its
 *   pictures, fonts and sound, and the review page verifies a class's logs (one made with a kept
 *   scenario text), every response coming from the service worker;
 * - the one-file copy (dist/circular938-offline.html) opened from disk with the network off and any
 *   request that is not a file aborted and counted: a post chosen from the title's list, played by
 *   keyboard to the debrief with its pictures, fonts and sound (a reload on the way resumes from the
 *   save), the downloaded log verified and replayed in Node by the core, then watched from the title.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCurrentScenarios } from '../../src/cli/scenario-files.ts';
import { verifyLogText, type ScenarioRef } from '../../src/core/log/verify.ts';
import type { SessionState } from '../../src/core/engine/state.ts';
import { classLogs } from '../fixtures/class-logs.ts';
import { openBrowser, PROJECT_ROOT, type TestBrowser } from './browser.ts';
import { phaseOf, pressChoice, readSession, reportSeedOnFailure, screenshot, seeded, startByKeyboard, tabTo, waitForTitle } from './game.ts';
import { DIST, ensureBuilt, OFFLINE_PATH, serveSite, type Site } from './server.ts';

/** How many sound files the game decodes (src/audio/audio.ts, one per cue). */
const SOUND_FILES = readdirSync(join(PROJECT_ROOT, 'assets', 'audio')).filter((f) => !f.endsWith('.mjs')).length;
/** The post the one-file test chooses from the title's list (not the one the title opens with). */
const CHOSEN_POST = 'chile';
/** The faces the title screen uses (body text, headings, the typewriter brand). */
const TITLE_FONTS = ['Libre Franklin 400', 'Libre Franklin 600', 'Courier Prime 700'];
/** The Phaser rooms fade in over 420 ms (room-scene.ts); screenshots wait this long. No assertion depends on it. */
const ROOM_FADE_MS = 600;

let refs: ScenarioRef[] = [];
let browser: TestBrowser | null = null;
let site: Site | null = null;

beforeAll(async () => {
  ensureBuilt();
  const loaded = await loadCurrentScenarios(join(PROJECT_ROOT, 'scenarios'));
  if (loaded.problems.length > 0) throw new Error(loaded.problems.join('\n'));
  refs = loaded.refs;
});

beforeEach((context) => reportSeedOnFailure(context));

afterEach(async () => {
  await browser?.close();
  browser = null;
  await site?.close();
  site = null;
});

/**
 * Counts, in the page's own code, the sound files the audio adapter decodes (howler decodes every
 * file through AudioContext.decodeAudioData) and the ones that fail; read with `soundsDecoded`.
 */
async function countDecodedSounds(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counts = { decoded: 0, failed: 0 };
    (globalThis as { __c938Sounds?: typeof counts }).__c938Sounds = counts;
    const proto = globalThis.AudioContext?.prototype;
    if (!proto) return;
    const original = proto.decodeAudioData;
    proto.decodeAudioData = function (this: AudioContext, data: ArrayBuffer, ok?: DecodeSuccessCallback | null, fail?: DecodeErrorCallback | null) {
      return original.call(
        this,
        data,
        (buffer) => {
          counts.decoded++;
          ok?.(buffer);
        },
        (error) => {
          counts.failed++;
          fail?.(error);
        },
      );
    } as typeof proto.decodeAudioData;
  });
}

async function soundsDecoded(page: Page): Promise<{ decoded: number; failed: number }> {
  return page.evaluate(() => ({ ...((globalThis as { __c938Sounds?: { decoded: number; failed: number } }).__c938Sounds ?? { decoded: -1, failed: -1 }) }));
}

/** The font faces of the page that have loaded, as "family weight". */
async function loadedFonts(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    return [...new Set([...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/["']/g, '')} ${f.weight}`))].sort();
  });
}

/** Waits until Phaser has drawn its first room: the stage message is gone and there is a canvas. */
async function waitForPictures(page: Page): Promise<void> {
  await page.locator('.stage-status').waitFor({ state: 'hidden', timeout: 30_000 });
  await expect(page.locator('#stage canvas').count(), 'Phaser drew the room').resolves.toBeGreaterThan(0);
}

/** Every file the service worker should keep, relative to dist/: the pages and the assets but the one-file copy and the WOFF fallbacks. */
function siteFiles(): string[] {
  const pages = readdirSync(DIST).filter((f) => f.endsWith('.html') && join(DIST, f) !== OFFLINE_PATH);
  const assets = readdirSync(join(DIST, 'assets'))
    .filter((f) => !f.endsWith('.woff'))
    .map((f) => `assets/${f}`);
  return [...pages, ...assets].sort();
}

describe('the site after one visit', () => {
  it('plays the game and reviews logs with the network off and the server stopped', async () => {
    site = await serveSite();
    const base = site.url;
    browser = await openBrowser();
    const { page, context, assertNoProblems } = browser;
    await countDecodedSounds(page);

    // The one visit: the game (its pictures arrive, then the worker registers), then the review page.
    await page.goto(seeded(base));
    await waitForTitle(page);
    await waitForPictures(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    const worker = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      // `ready` and the controller come while the worker may still be activating (its activate event, which
      // clears old caches, is still running): wait for the end of that step, then read the state.
      const active = registration.active;
      if (active && active.state === 'activating') {
        await new Promise<void>((resolve) => active.addEventListener('statechange', () => active.state !== 'activating' && resolve()));
      }
      return { state: registration.active?.state ?? null, scope: registration.scope, script: navigator.serviceWorker.controller?.scriptURL ?? null };
    });
    expect(worker).toEqual({ state: 'activated', scope: base, script: `${base}sw.js` });
    // Everything the site is made of is kept (a chunk left out would break the game offline), and nothing else.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) urls.push(request.url);
      }
      return urls;
    });
    expect(cached.map((u) => new URL(u).pathname.slice(new URL(base).pathname.length)).sort(), 'the precache is every page and asset of dist/').toEqual(siteFiles());
    // A page is kept under its address with a revision in the query (`guide.html?__WB_REVISION__=…`): compare paths.
    expect(cached.some((u) => new URL(u).pathname.endsWith('/guide.html')) || !siteFiles().includes('guide.html'), 'the teacher guide is kept when there is one').toBe(true);

    await page.goto(`${base}review.html`);
    await page.waitForSelector('body[data-ready="true"]');
    await expect(page.evaluate(() => navigator.serviceWorker.controller !== null), 'the review page is controlled too').resolves.toBe(true);
    assertNoProblems('the first visit');

    // No network at all: the browser is offline and the server is gone.
    await context.setOffline(true);
    await site.close();
    site = null;
    const notFromWorker: string[] = [];
    page.on('response', (r) => {
      if (!r.fromServiceWorker() && !/^(data|blob):/.test(r.url())) notFromWorker.push(`${r.status()} ${r.url()}`);
    });

    // The game: title, pictures, fonts and sound, and a first decision.
    await page.goto(seeded(base));
    await waitForTitle(page);
    await waitForPictures(page);
    await expect.poll(() => soundsDecoded(page), { message: 'every sound file decoded offline', timeout: 20_000 }).toEqual({ decoded: SOUND_FILES, failed: 0 });
    expect(await loadedFonts(page), 'the title\'s fonts').toEqual(expect.arrayContaining(TITLE_FONTS));
    await startByKeyboard(page, 'Offline Student');
    await pressChoice(page, 1);
    await expect(readSession(page).then((s) => s?.trail.length)).resolves.toBe(1);
    await screenshot(page, 'offline-site-game');

    // The review page: a class's logs, one made with the first release's text (a kept scenario text).
    await page.goto(`${base}review.html`);
    await page.waitForSelector('body[data-ready="true"]');
    const files = [
      ...(await classLogs(3)).map((l) => ({ name: l.name, text: l.text })),
      { name: 'first-release.json', text: readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'logs', 'mexico-v1-historical.json'), 'utf8') },
    ];
    await page.setInputFiles('#import-files', files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })));
    await page.waitForSelector(`body[data-imported="${files.length}"]`);
    const rows = await page.locator('#class-table tbody tr[data-key]').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-file'), tr.getAttribute('data-status')]));
    expect(rows.sort(), 'every log verified offline').toEqual(files.map((f) => [f.name, 'verified']).sort());
    await screenshot(page, 'offline-site-review');

    expect(notFromWorker, 'with the network off, every response came from the service worker').toEqual([]);
    assertNoProblems('offline');
  });
});

describe('the one-file copy, opened from disk', () => {
  it('plays a post chosen on its title to the debrief by keyboard, and its log verifies', async () => {
    browser = await openBrowser();
    const { page, context, assertNoProblems } = browser;
    await countDecodedSounds(page);
    await context.setOffline(true);
    // Anything but the file itself (and the data: and blob: URLs inside it) is a request to a network.
    const network: string[] = [];
    await context.route(/^(?!file:)/, (route) => {
      network.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    page.on('request', (r) => {
      if (!/^(file|data|blob):/.test(r.url())) network.push(r.url());
    });

    const file = pathToFileURL(OFFLINE_PATH).href;
    await page.goto(seeded(file));
    await waitForTitle(page);
    await waitForPictures(page);
    await expect(page.locator('#review-link').count(), 'no link to a review page that is not beside the file').resolves.toBe(0);
    await expect(page.evaluate(() => 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null)).resolves.toBe(false);
    await page.waitForTimeout(ROOM_FADE_MS);
    await screenshot(page, 'offline-file-title');

    // Another post, from the title's list by keyboard: the link opens the same file with ?post=.
    const chosen = refs.find((r) => r.scenario.id === CHOSEN_POST);
    if (!chosen) throw new Error(`no post ${CHOSEN_POST}`);
    await tabTo(page, `.post-list a[data-post="${CHOSEN_POST}"]`, 80);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.href.startsWith(`${file}?`) && u.searchParams.get('post') === CHOSEN_POST);
    await waitForTitle(page);
    await expect(page.locator('.post-current').innerText()).resolves.toContain(chosen.scenario.post.city);
    await waitForPictures(page);
    await expect.poll(() => soundsDecoded(page), { message: 'every inlined sound decoded', timeout: 20_000 }).toEqual({ decoded: SOUND_FILES, failed: 0 });
    expect(await loadedFonts(page), 'the title\'s fonts').toEqual(expect.arrayContaining(TITLE_FONTS));

    await startByKeyboard(page, 'Student on a USB stick');
    const phases = new Set<string>();
    for (let i = 0; i < 200 && (await page.locator('#download-log').count()) === 0; i++) {
      phases.add(await phaseOf(page));
      if (i === 6) {
        // The save works from disk too: a reload goes straight back to the same decision.
        const before = await readSession(page);
        await expect(page.locator('#save-status').innerText()).resolves.toMatch(/autosave is on/i);
        await page.reload();
        await page.waitForSelector('body:not([data-phase="title"]):not([data-phase="loading"])', { state: 'attached' });
        await expect(readSession(page), 'a reload of the file resumes exactly').resolves.toEqual(before);
      }
      await pressChoice(page, 1);
    }
    await expect(page.locator('#debrief-title').count(), 'the debrief was reached').resolves.toBe(1);
    expect([...phases]).toEqual(expect.arrayContaining(['cable', 'appointment', 'meeting', 'report', 'washington']));
    const live = (await readSession(page)) as SessionState;
    await page.waitForTimeout(ROOM_FADE_MS);
    await screenshot(page, 'offline-file-debrief');

    await tabTo(page, '#download-log');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^circular938-${CHOSEN_POST}-[a-z0-9-]+\\.json$`));
    const text = readFileSync(await download.path(), 'utf8');
    const verified = await verifyLogText(text, refs);
    if (!verified.ok) throw new Error(`the log downloaded from the one-file copy does not verify:\n- ${verified.problems.join('\n- ')}`);
    expect(verified.status).toBe('verified');
    expect(verified.finished, 'the log reaches an ending').toBe(true);
    expect(verified.log.scenario).toEqual({ id: CHOSEN_POST, version: chosen.scenario.version, hash: chosen.hash });
    expect(verified.replay.state, 'the replayed state is the live one').toEqual(live);

    // "Watch a log" on the title plays the file back in the same page (?watch= on the file itself), and back.
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(file);
    await waitForTitle(page);
    await page.locator('#watch-file').setInputFiles(await download.path());
    await page.waitForURL((u) => u.href.startsWith(`${file}?watch=`));
    await page.waitForSelector('#watch-bar');
    await page.keyboard.press('End');
    await page.waitForSelector('#debrief-title');
    await tabTo(page, '#watch-bar .watch-note a');
    await page.keyboard.press('Enter');
    await page.waitForURL(file);
    await waitForTitle(page);

    expect(network, 'no request left the file').toEqual([]);
    assertNoProblems('the one-file copy');
  });
});
