/**
 * The game in a school's LMS (issue 10, point 4), in headless Chromium. The built package
 * (dist/circular938-scorm.zip) is unzipped under a folder of a small "LMS" site whose player page
 * runs an independent SCORM 1.2 runtime, scorm-again's Scorm12API, as `window.API`, and shows the
 * course in an iframe, as Moodle and Canvas do; another page opens it in a window of its own (the
 * API is then the opener's). A student plays by keyboard to the debrief, and the API's stored
 * values are checked against the downloaded log and the debrief: initialised once, one choice
 * interaction per decision, the score of the rubric, the status, committed, finished when the
 * course frame goes. Without an API (or with one on another origin, which cannot be reached) the
 * game plays as ever: the adapter is never fetched, no call is made and nothing is said in the
 * console. The package's manifest is read by the browser's XML parser.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Frame, Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listFiles, MANIFEST_FILE } from '../../src/build/scorm-package.ts';
import { OFFLINE_FILE } from '../../src/build/single-file.ts';
import { verifyLogText } from '../../src/core/log/verify.ts';
import { loadScenario, type LoadedScenario } from '../../src/core/scenario/load.ts';
import { openBrowser, PROJECT_ROOT, type TestBrowser } from './browser.ts';
import { pressChoice, reportSeedOnFailure, screenshot, seeded, startByKeyboard, waitForTitle } from './game.ts';
import { DIST, ensureBuilt } from './server.ts';

const ZIP = path.join(DIST, 'circular938-scorm.zip');
/** The adapter's chunk, which only a page with an LMS around it fetches. */
const ADAPTER_CHUNK = /\/assets\/scorm-[\w-]+\.js$/;
const STUDENT = 'Rosa Montes';

/** Where the LMS keeps the course and its player pages (not '/': an LMS serves content from a folder). */
const COURSE = 'lms/course/';

/** What the player page records of the game's calls (scorm-again's listeners). */
interface Recorded {
  initialized: number;
  commits: number;
  finished: number;
  sets: [string, string][];
}

/** The LMS's player page: the SCORM 1.2 runtime as window.API, its listeners, and the course. */
function playerPage(how: 'frame' | 'window' | 'none', launch: string): string {
  const api = `<script src="scorm12.js"></script>
<script>
  window.recorded = { initialized: 0, commits: 0, finished: 0, sets: [] };
  window.API = new Scorm12API({ logLevel: 5 });
  API.on('LMSInitialize', function () { recorded.initialized += 1; });
  API.on('LMSCommit', function () { recorded.commits += 1; });
  API.on('LMSFinish', function () { recorded.finished += 1; });
  API.on('LMSSetValue.cmi.*', function (element, value) { recorded.sets.push([element, value]); });
</script>`;
  const course =
    how === 'window'
      ? `<button id="launch" type="button">Open the course</button>
<script>document.getElementById('launch').addEventListener('click', function () { window.open(${JSON.stringify(launch)}, 'course'); });</script>`
      : `<iframe id="course" title="Circular 938" src="${launch}" style="width: 1240px; height: 740px; border: 0"></iframe>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Course player</title><link rel="icon" href="data:,"></head>
<body style="margin: 0">
<h1 style="font: 14px sans-serif; margin: 4px">Course: Circular 938</h1>
${how === 'none' ? '' : api}
${course}
</body></html>`;
}

let server: PreviewServer;
let base = '';
let crossBase = '';
let root = '';
let zipEntries: Record<string, Uint8Array> = {};
let loaded: LoadedScenario;
let setupError: unknown = null;

beforeAll(async () => {
  try {
    ensureBuilt();
    const result = await loadScenario(await readFile(path.join(PROJECT_ROOT, 'scenarios', 'mexico.yaml'), 'utf8'), 'scenarios/mexico.yaml');
    if (!result.ok) throw new Error('scenarios/mexico.yaml does not load');
    loaded = result.loaded;
    zipEntries = unzipSync(await readFile(ZIP));
    root = await mkdtemp(path.join(tmpdir(), 'circular938-lms-'));
    for (const [name, data] of Object.entries(zipEntries)) {
      const file = path.join(root, 'site', COURSE, ...name.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data);
    }
    const require = createRequire(import.meta.url);
    // The classic-script build (dist/scorm12.js), which defines the global Scorm12API.
    const runtime = require.resolve('scorm-again/scorm12');
    await writeFile(path.join(root, 'site', 'lms', 'scorm12.js'), await readFile(runtime));
    const launch = seeded(`http://x/${COURSE}index.html`).replace(`http://x/lms/`, '');
    await writeFile(path.join(root, 'site', 'lms', 'player.html'), playerPage('frame', launch));
    await writeFile(path.join(root, 'site', 'lms', 'window.html'), playerPage('window', launch));
    await writeFile(path.join(root, 'site', 'lms', 'plain.html'), playerPage('none', launch));
    server = await preview({
      configFile: false,
      root,
      base: '/',
      appType: 'mpa',
      logLevel: 'silent',
      clearScreen: false,
      build: { outDir: 'site' },
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    });
    const address = server.httpServer.address();
    if (address === null || typeof address === 'string') throw new Error('vite preview did not listen on a TCP port');
    base = `http://127.0.0.1:${address.port}/`;
    // The LMS's player on another origin (localhost, not 127.0.0.1): its API cannot be reached from the course.
    await writeFile(path.join(root, 'site', 'lms', 'cross.html'), playerPage('frame', seeded(`${base}${COURSE}index.html`)));
    crossBase = `http://localhost:${address.port}/`;
  } catch (e) {
    setupError = e;
  }
}, 240_000);

beforeEach((context) => {
  if (setupError) throw setupError;
  reportSeedOnFailure(context);
});

let browser: TestBrowser | null = null;
afterEach(async () => {
  await browser?.close();
  browser = null;
});

afterAll(async () => {
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

// ---------------------------------------------------------------- the course in a frame, by keyboard

/** Presses Tab (from wherever focus is, the player page included) until `selector` in the course frame has focus. */
async function tabToIn(page: Page, frame: Frame, selector: string, max = 60): Promise<void> {
  const focused = (): Promise<boolean> =>
    frame.locator(selector).evaluate((el) => el === document.activeElement && document.hasFocus()).catch(() => false);
  for (let i = 0; i < max && !(await focused()); i++) await page.keyboard.press('Tab');
  if (!(await focused())) throw new Error(`Tab did not reach ${selector} in the course frame in ${max} presses`);
}

/** Takes the `n`th choice by its number key and waits for the panel to be drawn again (game.ts's pressChoice, in a frame). */
async function pressIn(page: Page, frame: Frame, n: number): Promise<void> {
  const before = await frame.locator('#panel > *').first().elementHandle();
  if (!before) throw new Error('the panel is empty');
  await page.keyboard.press(String(n));
  await frame.waitForFunction((el) => !el.isConnected, before, { timeout: 10_000 });
  await before.dispose();
}

/** Opens `page` on the player page and returns the course frame once its title screen is up. */
async function courseFrame(page: Page, player: string): Promise<Frame> {
  await page.goto(`${base}lms/${player}`);
  const handle = await page.waitForSelector('#course');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the course iframe has no frame');
  await frame.locator('#start-form').waitFor({ state: 'visible' });
  return frame;
}

/** Starts a game and presses 1 at every screen until the debrief; returns how many presses it took. */
async function playToDebrief(page: Page, frame: Frame): Promise<number> {
  await tabToIn(page, frame, '#student-name');
  await page.keyboard.type(STUDENT);
  await page.keyboard.press('Enter');
  await frame.waitForSelector('body[data-phase="cable"]', { state: 'attached' });
  for (let presses = 0; presses < 200; presses++) {
    if ((await frame.locator('#download-log').count()) > 0) return presses;
    await pressIn(page, frame, 1);
  }
  throw new Error('no debrief within 200 decisions');
}

/** Downloads the decision log from the debrief by keyboard and verifies it in Node; returns its decisions (entries at nodes with choices). */
async function downloadDecisions(page: Page, frame: Frame): Promise<{ node: string; choice: number; thinkMs: number }[]> {
  await tabToIn(page, frame, '#download-log');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const text = await readFile(await download.path(), 'utf8');
  const verified = await verifyLogText(text, loaded);
  if (!verified.ok) throw new Error(`the downloaded log does not verify:\n- ${verified.problems.join('\n- ')}`);
  return verified.log.attempts.flatMap((a) => a.entries).filter((e) => loaded.scenario.nodes[e.node]?.choices !== undefined);
}

const readLms = (page: Page): Promise<{ recorded: Recorded; cmi: { core: Record<string, unknown> & { score: Record<string, string> }; interactions: Record<string, Record<string, string>>; suspend_data: string }; terminated: boolean }> =>
  page.evaluate(() => {
    const w = window as unknown as { recorded: unknown; API: { renderCommitCMI(terminate: boolean): { cmi: unknown }; isTerminated(): boolean } };
    return JSON.parse(JSON.stringify({ recorded: w.recorded, cmi: w.API.renderCommitCMI(true).cmi, terminated: w.API.isTerminated() })) as never;
  });

describe('the SCORM 1.2 package', () => {
  it('holds the whole built site and a manifest that a browser parses as SCORM 1.2 XML, listing every other file by a relative path', async () => {
    // The site, without the package itself and the one-file copy for opening from disk (written by the second build).
    const site = (await listFiles(DIST)).filter((f) => f !== path.basename(ZIP) && f !== OFFLINE_FILE);
    const names = Object.keys(zipEntries);
    expect(names.filter((n) => n !== MANIFEST_FILE).sort()).toEqual(site);
    for (const name of site) expect(Buffer.from(zipEntries[name] ?? []).equals(await readFile(path.join(DIST, name))), name).toBe(true);
    expect(names.some((n) => ADAPTER_CHUNK.test(`/${n}`)), 'the adapter is a chunk of its own').toBe(true);

    browser = await openBrowser();
    await browser.page.goto(`${base}lms/plain.html`);
    const xml = new TextDecoder().decode(zipEntries[MANIFEST_FILE]);
    const read = await browser.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const CP = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
      const ADLCP = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
      const all = (name: string): Element[] => Array.from(doc.getElementsByTagNameNS(CP, name));
      const resource = all('resource')[0];
      return {
        errors: doc.getElementsByTagName('parsererror').length,
        root: [doc.documentElement.namespaceURI, doc.documentElement.localName],
        schema: all('schemaversion').map((e) => e.textContent),
        organizations: all('organizations').map((e) => e.getAttribute('default')),
        organization: all('organization').map((e) => e.getAttribute('identifier')),
        items: all('item').map((e) => [e.getAttribute('identifierref'), e.getElementsByTagNameNS(CP, 'title')[0]?.textContent]),
        resources: all('resource').map((e) => [e.getAttribute('identifier'), e.getAttributeNS(ADLCP, 'scormtype'), e.getAttribute('href'), e.getAttribute('type')]),
        files: resource ? Array.from(resource.getElementsByTagNameNS(CP, 'file'), (f) => f.getAttribute('href') ?? '') : [],
      };
    }, xml);
    expect(read.errors).toBe(0);
    expect(read.root).toEqual(['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'manifest']);
    expect(read.schema).toEqual(['1.2']);
    expect(read.organizations).toEqual(read.organization);
    expect(read.organization).toHaveLength(1);
    expect(read.resources).toEqual([[read.items[0]?.[0], 'sco', 'index.html', 'webcontent']]);
    expect(read.items).toEqual([[expect.any(String), 'Circular 938']]);
    expect(read.files.map(decodeURIComponent).sort()).toEqual(site);
    for (const href of read.files) expect(new URL(href, 'http://lms.example/course/').href.startsWith('http://lms.example/course/')).toBe(true);
    browser.assertNoProblems('reading the manifest');
  });
});

describe('in an LMS', () => {
  it('reports every decision, the rubric\'s score and the status to the LMS\'s API in a parent frame, commits, and finishes when the course frame goes', async () => {
    browser = await openBrowser({ viewport: { width: 1280, height: 800 } });
    const { page } = browser;
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const frame = await courseFrame(page, 'player.html');
    await expect.poll(() => readLms(page).then((l) => l.recorded.initialized), { message: 'the game initialised the LMS session' }).toBe(1);
    expect(requests.filter((u) => ADAPTER_CHUNK.test(u))).toHaveLength(1);
    expect((await readLms(page)).cmi.core['lesson_status']).toBe('incomplete');

    await playToDebrief(page, frame);
    await screenshot(page, 'scorm-debrief-in-lms');
    const shown = (await frame.locator('.verdict-points').innerText()).trim();
    const total = (await frame.locator('tfoot td').first().innerText()).trim();
    expect(total).toBe(shown);
    const [points, max] = shown.split('/');
    const decisions = await downloadDecisions(page, frame);
    expect(decisions.length).toBeGreaterThan(20);

    const lms = await readLms(page);
    expect(lms.recorded.initialized).toBe(1);
    expect(lms.recorded.commits, 'committed at the ending').toBeGreaterThanOrEqual(1);
    expect(lms.recorded.finished).toBe(0);
    expect([lms.cmi.core.score['raw'], lms.cmi.core.score['min'], lms.cmi.core.score['max']]).toEqual([points, '0', max]);
    expect(lms.cmi.core['lesson_status']).toBe('completed');
    const interactions = Object.values(lms.cmi.interactions);
    expect(interactions).toHaveLength(decisions.length);
    interactions.forEach((stored, n) => {
      const d = decisions[n];
      expect(stored).toMatchObject({ id: `mexico.${d?.node}`, type: 'choice', student_response: String(d?.choice), result: 'neutral' });
      const sent = (field: string): string | undefined => lms.recorded.sets.find(([e]) => e === `cmi.interactions.${n}.${field}`)?.[1];
      expect(sent('latency')).toMatch(/^\d{4}:\d\d:\d\d\.\d\d$/);
      const [h, m, s] = (sent('latency') ?? '').split(':').map(Number);
      expect(Math.abs(((h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0)) * 1000 - (d?.thinkMs ?? -1))).toBeLessThanOrEqual(5);
      expect(sent('time')).toMatch(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/);
    });

    // The LMS closes the course: the frame goes, and the game ends the session.
    await page.evaluate(() => document.getElementById('course')?.remove());
    await expect.poll(() => readLms(page).then((l) => l.recorded.finished)).toBe(1);
    const after = await readLms(page);
    expect(after.terminated).toBe(true);
    const exit = after.recorded.sets.filter(([e]) => e === 'cmi.core.exit').at(-1);
    expect(exit, 'a finished game exits normally').toEqual(['cmi.core.exit', '']);
    expect(after.recorded.sets.filter(([e]) => e === 'cmi.core.session_time').at(-1)?.[1]).toMatch(/^\d{4}:\d\d:\d\d\.\d\d$/);
    expect(after.recorded.commits).toBeGreaterThan(lms.recorded.commits);
    browser.assertNoProblems('playing in the LMS');
  });

  it('reports to the API of the window that opened it, and finishes a game left unfinished as suspended', async () => {
    browser = await openBrowser();
    const { page, context } = browser;
    await page.goto(`${base}lms/window.html`);
    await page.keyboard.press('Tab');
    const [course] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
    await waitForTitle(course);
    await expect.poll(() => readLms(page).then((l) => l.recorded.initialized)).toBe(1);
    await startByKeyboard(course, STUDENT);
    for (let i = 0; i < 9; i++) await pressChoice(course, 1);
    const entries = await course.evaluate(() => {
      const g = globalThis as unknown as { circular938: { store: { getState(): { log: { attempts: { entries: { node: string; choice: number }[] }[] } } } } };
      return g.circular938.store.getState().log.attempts.flatMap((a) => a.entries);
    });
    const decisions = entries.filter((e) => loaded.scenario.nodes[e.node]?.choices !== undefined);
    expect(decisions.length).toBeGreaterThan(3);

    // The student closes the course's window.
    await Promise.all([course.waitForEvent('close'), course.evaluate(() => void setTimeout(() => window.close(), 0))]);
    await expect.poll(() => readLms(page).then((l) => l.recorded.finished)).toBe(1);
    const lms = await readLms(page);
    expect(Object.values(lms.cmi.interactions).map((i) => [i['id'], i['student_response']])).toEqual(decisions.map((d) => [`mexico.${d.node}`, String(d.choice)]));
    expect(lms.cmi.core['lesson_status']).toBe('incomplete');
    expect(lms.cmi.core.score['raw']).toBe('');
    expect(lms.recorded.sets.filter(([e]) => e === 'cmi.core.exit').at(-1)).toEqual(['cmi.core.exit', 'suspend']);
    expect(JSON.parse(lms.cmi.suspend_data)).toMatchObject({ reported: decisions.length });
    browser.assertNoProblems('playing in a window opened by the LMS');
  });

  it('plays as ever without an LMS, on its own, in a frame without an API and in a frame of another origin: the adapter is never fetched, nothing is called or said', async () => {
    // A player on another origin has an API, but the course cannot reach it (reading it throws, silently).
    browser = await openBrowser();
    const { page } = browser;
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${crossBase}lms/cross.html`);
    const handle = await page.waitForSelector('#course');
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('the course iframe has no frame');
    expect(frame.url().startsWith(base)).toBe(true);
    expect(page.url().startsWith(base)).toBe(false);
    await frame.locator('#start-form').waitFor({ state: 'visible' });
    await playToDebrief(page, frame);
    expect(await downloadDecisions(page, frame)).not.toHaveLength(0);
    expect((await readLms(page)).recorded).toEqual({ initialized: 0, commits: 0, finished: 0, sets: [] });
    await page.evaluate(() => document.getElementById('course')?.remove());
    expect((await readLms(page)).recorded.finished).toBe(0);
    browser.assertNoProblems('playing in a frame of another origin');
    await browser.close();

    // A frame of the same origin, with no API anywhere; then the game on its own (fresh browsers, so each starts at the title).
    for (const where of ['frame', 'alone'] as const) {
      browser = await openBrowser();
      const b = browser;
      b.page.on('request', (r) => requests.push(r.url()));
      if (where === 'frame') {
        const course = await courseFrame(b.page, 'plain.html');
        await tabToIn(b.page, course, '#student-name');
        await b.page.keyboard.type(STUDENT);
        await b.page.keyboard.press('Enter');
        await course.waitForSelector('body[data-phase="cable"]', { state: 'attached' });
        for (let i = 0; i < 5; i++) await pressIn(b.page, course, 1);
        expect(await b.page.evaluate(() => 'API' in window)).toBe(false);
      } else {
        await b.page.goto(seeded(`${base}${COURSE}index.html`));
        await waitForTitle(b.page);
        await startByKeyboard(b.page, STUDENT);
        for (let i = 0; i < 5; i++) await pressChoice(b.page, 1);
      }
      b.assertNoProblems(where === 'frame' ? 'playing in a frame without an API' : 'playing on its own');
      await b.close();
      browser = null;
    }
    expect(requests.filter((u) => u.includes('/assets/')).length).toBeGreaterThan(30);
    expect(requests.filter((u) => ADAPTER_CHUNK.test(u))).toEqual([]);
  });
});
