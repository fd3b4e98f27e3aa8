/**
 * The teacher's review page in a real Chromium (issue 8, point 9): a class of 30 logs made by playing
 * with the core, plus an edited, a truncated, a newer-format, an other-scenario, a changed-text, a
 * first-release and two hostile files and a duplicate, imported at once through the file picker.
 * Every row's status and facts are checked against the core's own `reviewRow`; the page makes no
 * request once it has loaded and never asks for Phaser; labels from files stay text.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveFromDir, loadCurrentScenarios } from '../../src/cli/scenario-files.ts';
import {
  appendEntry,
  availableChoices,
  createLog,
  currentAttempt,
  isEnded,
  initialState,
  isoUtc,
  originAt,
  sealLog,
  sha256Hex,
  startAttempt,
  step,
  verdictOf,
  verifyLogText,
  type DecisionLog,
  type ScenarioLibrary,
  type ScenarioRef,
  type SessionState,
} from '../../src/core/index.ts';
import { decisionWhere } from '../../src/core/log/replay.ts';
import { reviewDecisions, reviewRow } from '../../src/core/review/model.ts';
import type { ReviewRow } from '../../src/core/review/types.ts';
import { ARTIFACTS, openBrowser, PROJECT_ROOT, type TestBrowser } from './browser.ts';
import { contentChunkOf } from './server.ts';
import { formatAxe, runAxe, screenshot, useSite } from './game.ts';

const site = useSite();

const STUDENTS = [
  'Lucía Gómez', 'Mateo Hernández', 'Sofía Ramírez', 'Diego Torres', 'Valentina Cruz', 'Santiago Morales', 'Camila Ortiz',
  'Sebastián Vargas', 'Isabella Castillo', 'Nicolás Jiménez', 'Renée Dubois', 'Jürgen Krüger', 'Zoë Brontë', 'Ana María López',
  "Seán O'Brien", 'Chloé Martin', 'Björn Åström', 'Inés Álvarez', 'Tomás Núñez', 'Amélie Faure', 'Łukasz Wójcik', 'Kenji Satō',
  'Ngozi Okafor', 'Priya Raman', 'Yusuf Demir', 'Olivia Brown', 'Noah Smith', 'Emma Wilson', '=1+1 (a formula)', 'Liam Jones',
];
const HOSTILE_LABEL = '<img src=x onerror=alert(1)>';

interface LogFile {
  name: string;
  text: string;
}

interface Play {
  label: string;
  classCode: string;
  seed: number;
  variant: string;
  /** Take a rewind after this many decisions (to that decision minus two), or never. */
  rewindAfter: number | null;
  /** Stop after this many decisions (an unfinished game), or play to an ending. */
  stopAfter: number | null;
  /** Think time of the decisions (ms): some students click very fast. */
  think: (i: number) => number;
  scenario?: { id: string; hash: string };
}

/** Plays the scenario as the store does and seals the log as the debrief downloads it. */
async function play(ref: ScenarioRef, p: Play): Promise<DecisionLog & { sealed: string }> {
  const { scenario } = ref;
  const start = Date.UTC(2026, 10, 24, 9, 0);
  let clock = 0;
  const at = (): string => new Date(start + clock).toISOString();
  let log = createLog({
    scenario: { id: p.scenario?.id ?? scenario.id, version: scenario.version, hash: p.scenario?.hash ?? ref.hash },
    seed: p.seed,
    variant: p.variant,
    student: { label: p.label, classCode: p.classCode },
    createdAt: at(),
  });
  let path: SessionState[] = [initialState(scenario, { seed: p.seed, variant: p.variant })];
  let pick = p.seed;
  let decisions = 0;
  let rewound = false;
  for (let guard = 0; guard < 600; guard++) {
    const state = path.at(-1) as SessionState;
    if (isEnded(scenario, state) || (p.stopAfter !== null && decisions >= p.stopAfter)) break;
    if (!rewound && p.rewindAfter !== null && path.length - 1 === p.rewindAfter) {
      rewound = true;
      clock += 15_000;
      const keep = Math.max(0, p.rewindAfter - 2);
      log = startAttempt(log, originAt(log, currentAttempt(log).index, keep), at());
      path = path.slice(0, keep + 1);
      continue;
    }
    const open = availableChoices(scenario, state);
    pick = (Math.imul(pick, 1103515245) + 12345) >>> 0;
    const choice = open[pick % open.length]?.index ?? 0;
    const r = step(scenario, state, { type: 'choice.made', choice });
    if (!r.ok) throw new Error(r.error);
    const thinkMs = p.think(decisions);
    clock += thinkMs;
    const asks = scenario.nodes[state.node]?.why !== undefined;
    log = appendEntry(log, {
      node: state.node,
      choice,
      clock: isoUtc(state.clock),
      at: at(),
      thinkMs,
      ...(asks ? { reason: `${p.label.split(' ')[0]}: it seemed the right thing at ${state.node}.` } : {}),
    });
    decisions++;
    path.push(r.state);
  }
  const sealed = await sealLog(log, verdictOf(scenario, path.at(-1) as SessionState));
  return { ...log, sealed: JSON.stringify(sealed, null, 2) };
}

let refs: ScenarioRef[] = [];
let library: ScenarioLibrary;
let files: LogFile[] = [];
/** The rows the core makes of the same files, by file name. */
let expected = new Map<string, ReviewRow>();
/** A log whose student's name holds a line break and a right-to-left override; imported on its own. */
let oddName: LogFile = { name: '', text: '' };
/** The first bytes of a PNG file, as a picture renamed .json would begin. */
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe];

beforeAll(async () => {
  const loaded = await loadCurrentScenarios(join(PROJECT_ROOT, 'scenarios'));
  if (loaded.problems.length > 0) throw new Error(loaded.problems.join('\n'));
  refs = loaded.refs;
  library = await archiveFromDir(join(PROJECT_ROOT, 'scenarios', 'archive'), (line) => {
    throw new Error(line);
  });
  const ref = refs.find((r) => r.scenario.id === 'mexico') as ScenarioRef;
  const variants = Object.keys(ref.scenario.variants);
  const plays: Play[] = STUDENTS.map((label, i) => ({
    label,
    classCode: i % 2 === 0 ? '10A' : '10B',
    seed: 1000 + i * 37,
    variant: variants[i % variants.length] as string,
    rewindAfter: i % 3 === 0 ? 6 + (i % 5) : null,
    stopAfter: i % 10 === 9 ? 12 : null,
    think: (k) => (i % 7 === 3 ? 900 + (k % 3) * 400 : 3_000 + ((i * 13 + k * 29) % 40) * 1_000),
  }));
  files = [];
  for (const [i, p] of plays.entries()) files.push({ name: `student-${String(i + 1).padStart(2, '0')}.json`, text: (await play(ref, p)).sealed });

  const first = JSON.parse(files[0]?.text ?? '{}') as { attempts: { entries: { thinkMs: number }[] }[] };
  (first.attempts[0]?.entries[2] as { thinkMs: number }).thinkMs += 1;
  files.push({ name: 'edited.json', text: JSON.stringify(first, null, 2) });
  const second = files[1]?.text ?? '';
  files.push({ name: 'truncated.json', text: second.slice(0, Math.floor(second.length / 2)) });
  const third = JSON.parse(files[2]?.text ?? '{}') as { formatVersion: number };
  third.formatVersion = 99;
  files.push({ name: 'newer-format.json', text: JSON.stringify(third) });
  const base: Play = { label: 'Other Post', classCode: '10A', seed: 7, variant: variants[0] as string, rewindAfter: null, stopAfter: null, think: () => 5_000 };
  files.push({ name: 'other-scenario.json', text: (await play(ref, { ...base, scenario: { id: 'atlantis', hash: ref.hash } })).sealed });
  files.push({ name: 'changed-text.json', text: (await play(ref, { ...base, label: 'Old Text', scenario: { id: 'mexico', hash: 'f'.repeat(64) } })).sealed });
  files.push({ name: 'hostile-label.json', text: (await play(ref, { ...base, label: HOSTILE_LABEL, classCode: '__proto__', seed: 99 })).sealed });
  // A "__proto__" key in the JSON text itself, where JSON.parse makes it an own property.
  const proto = (await play(ref, { ...base, label: 'Proto Key', seed: 123 })).sealed.replace('{', '{\n  "__proto__": { "polluted": "yes" },');
  files.push({ name: 'proto-key.json', text: proto });
  files.push({ name: 'copy-of-student-05.json', text: files[4]?.text ?? '' });
  files.push({ name: 'first-release.json', text: readFileSync(join(PROJECT_ROOT, 'tests/fixtures/logs/mexico-v1-historical.json'), 'utf8') });

  oddName = { name: 'odd-name.json', text: (await play(ref, { ...base, label: 'Ana\u202E\nLópez', seed: 321 })).sealed };

  const rows: ReviewRow[] = [];
  for (const f of files) rows.push(reviewRow(f.name, await verifyLogText(f.text, refs, { library }), await sha256Hex(f.text)));
  expected = new Map(rows.map((r) => [r.file, r]));
});

let browser: TestBrowser | null = null;
afterAll(async () => {
  await browser?.close();
});

/** What a row of the class table shows, read from the DOM. */
interface ShownRow {
  file: string;
  status: string;
  cells: Record<string, string>;
}

async function shownRows(page: Page): Promise<ShownRow[]> {
  return page.locator('#class-table tbody tr[data-key]').evaluateAll((trs) =>
    trs.map((tr) => ({
      file: tr.getAttribute('data-file') ?? '',
      status: tr.getAttribute('data-status') ?? '',
      cells: Object.fromEntries(
        [...tr.querySelectorAll('td[data-col]')].map((td) => [td.getAttribute('data-col') ?? '', (td as HTMLElement).innerText.replace(/\s+/g, ' ').trim()]),
      ),
    })),
  );
}

describe('the review page', () => {
  it('imports a class at once, checks every file as the core does, and shows each log once', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    const requests: string[] = [];
    let afterLoad: string[] | null = null;
    page.on('request', (r) => {
      requests.push(r.url());
      afterLoad?.push(r.url());
    });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(new URL('review.html', site().url).href);
    await page.waitForSelector('body[data-ready="true"]');
    await expect(page.locator('#verified-means').innerText()).resolves.toMatch(/not been changed.*cannot prove who played it/);
    afterLoad = [];

    await page.setInputFiles('#import-files', files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })));
    await page.waitForSelector(`body[data-imported="${files.length}"]`);

    // One row per distinct log (the copy is shown once), with the core's own status and facts.
    const rows = await shownRows(page);
    // The edited file still carries its original's head, but it is another file: both are shown.
    expect(rows).toHaveLength(files.length - 1);
    expect(rows.filter((r) => r.file === 'edited.json' || r.file === 'student-01.json')).toHaveLength(2);
    for (const shown of rows) {
      const want = expected.get(shown.file);
      expect(want, `a row for ${shown.file}`).toBeDefined();
      if (!want) continue;
      expect(shown.status, shown.file).toBe(want.status);
      expect(shown.cells['finished'], shown.file).toBe(want.finished === null ? '—' : want.finished ? 'Yes' : 'No');
      expect(shown.cells['score'], shown.file).toBe(want.score ? `${want.score.points}/${want.score.max}` : '—');
      expect(shown.cells['conveyed'], shown.file).toBe(want.conveyed ? `${want.conveyed.length}/${want.conveyable}` : '—');
      expect(shown.cells['attempts'], shown.file).toBe(want.attempts === null ? '—' : String(want.attempts));
      expect(shown.cells['fast'], shown.file).toBe(want.fastDecisions === null ? '—' : String(want.fastDecisions));
      expect(shown.cells['reported'], shown.file).toContain(want.mismatch ? 'Mismatch' : '');
    }
    const status = (name: string): string | undefined => rows.find((r) => r.file === name)?.status;
    expect([status('edited.json'), status('truncated.json'), status('newer-format.json'), status('other-scenario.json'), status('changed-text.json'), status('first-release.json')])
      .toEqual(['edited', 'refused', 'refused', 'refused', 'scenario-changed', 'verified']);
    expect(rows.filter((r) => /student-\d\d\.json$/.test(r.file) && r.status === 'verified')).toHaveLength(30);
    const copies = rows.filter((r) => r.file === 'student-05.json' || r.file === 'copy-of-student-05.json');
    expect(copies).toHaveLength(1);
    await expect(page.locator(`tr[data-file="${copies[0]?.file}"] .dup`).innerText()).resolves.toBe('Imported 2 times');
    await expect(page.locator('#import-status').innerText()).resolves.toMatch(/^Checked 39 files: .*1 file was the same log as another and is shown once/);
    // An edited log's post and world are named as on every other row, not by their ids.
    const edited = rows.find((r) => r.file === 'edited.json');
    expect(edited?.cells['post']).toBe(rows.find((r) => r.file === 'student-01.json')?.cells['post']);
    expect(edited?.cells['post']).not.toMatch(/^mexico$/);
    expect(edited?.cells['world']).toBe(rows.find((r) => r.file === 'student-01.json')?.cells['world']);
    // One word for a file that is not accepted, as in the CSV, the guide and logs verify.
    await expect(page.locator('tr[data-file="truncated.json"] .status').innerText()).resolves.toBe('Refused');
    await expect(page.locator('#export-students').innerText()).resolves.toBe(`Class CSV (all ${files.length} files)`);
    // Each problem is said on the row: the truncated file's reason, the newer format's version.
    await expect(page.locator('tr[data-detail-for] li', { hasText: 'not valid JSON' }).count()).resolves.toBe(1);
    await expect(page.locator('tr[data-detail-for] li', { hasText: /format version 99|version 99/ }).count()).resolves.toBeGreaterThan(0);

    // Hostile strings stay text: no image element, no alert, nothing added to Object.prototype.
    await expect(page.locator('#class-table .open-student', { hasText: HOSTILE_LABEL }).count()).resolves.toBe(1);
    await expect(page.locator('#class-table img').count()).resolves.toBe(0);
    await expect(page.evaluate(() => ({}) as Record<string, unknown>).then((o) => Object.keys(o))).resolves.toEqual([]);
    await expect(page.evaluate(() => (Object.prototype as Record<string, unknown>)['polluted'] ?? null)).resolves.toBeNull();
    expect(dialogs).toEqual([]);

    await screenshot(page, 'review-table', false);
    mkdirSync(ARTIFACTS, { recursive: true });
    expect(afterLoad, 'no request once the page has loaded').toEqual([]);
    expect(requests.filter((u) => /phaser/i.test(u)), 'the Phaser chunk is never requested').toEqual([]);
    assertNoProblems('importing a class');
  });

  it('sorts by a column header from the keyboard and filters by flags', async () => {
    const page = (browser as TestBrowser).page;
    await page.locator('th[data-col="score"] button.sort').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('th[data-col="score"]').getAttribute('aria-sort')).resolves.toBe('ascending');
    const scores = (await shownRows(page)).map((r) => r.cells['score'] ?? '').filter((s) => s !== '—').map((s) => Number(s.split('/')[0]));
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    await page.keyboard.press('Enter');
    await expect(page.locator('th[data-col="score"]').getAttribute('aria-sort')).resolves.toBe('descending');

    await page.locator('#flag-problems').check();
    const problems = await shownRows(page);
    expect(problems.map((r) => r.status).sort()).toEqual([...expected.values()].filter((r) => r.status !== 'verified').map((r) => r.status).sort());
    await page.locator('#flag-problems').uncheck();
    await page.locator('#flag-unfinished').check();
    const unfinished = await shownRows(page);
    // Only logs that replayed and stopped before an ending; a file that was not read is not "not finished".
    // The copy of student 5 is one row: it finished or not, with its original.
    const copyUnfinished = expected.get('copy-of-student-05.json')?.finished === false ? 1 : 0;
    expect(unfinished.length).toBe([...expected.values()].filter((r) => r.finished === false).length - copyUnfinished);
    expect(unfinished.length).toBeGreaterThan(0);
    expect(unfinished.map((r) => r.status).filter((st) => st !== 'verified' && st !== 'scenario-changed')).toEqual([]);
    await page.locator('#flag-unfinished').uncheck();
  });

  it("opens a student: the timeline of the core's decisions with the reasons, the telegram, its judgement and the rubric", async () => {
    const page = (browser as TestBrowser).page;
    const file = 'student-04.json';
    const text = files.find((f) => f.name === file)?.text ?? '';
    const result = await verifyLogText(text, refs, { library });
    if (!result.ok) throw new Error(`${file} should verify`);
    const decisions = reviewDecisions(result.scenario.scenario, result.log, result.log.attempts.length - 1);

    await page.locator('tr[data-file="student-04.json"] .open-student').click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('student-title');
    await expect(page.locator('#timeline tbody tr').count()).resolves.toBe(decisions.length);
    const withReason = decisions.find((d) => d.reason !== null);
    expect(withReason).toBeDefined();
    await expect(page.locator(`#timeline tr[data-step="${withReason?.step}"] .reason`).innerText()).resolves.toContain(withReason?.reason ?? '');
    await expect(page.locator('#attempts li').count()).resolves.toBe(result.log.attempts.length);
    // The last attempt branched from an earlier one: each row says where the file records it, as a problem with the log would.
    expect(decisions.some((d) => d.recorded.attempt !== d.attempt)).toBe(true);
    await expect(page.locator('#timeline tbody tr .recorded').allInnerTexts()).resolves.toEqual(
      decisions.map((d) => decisionWhere(d.recorded.attempt, d.recorded.index)),
    );
    await expect(page.locator('#telegram-text').innerText()).resolves.toMatch(/OUTGOING TELEGRAM|SECRET|CONFIDENTIAL/);
    await expect(page.locator('#judgement tbody tr').count()).resolves.toBeGreaterThan(3);
    await expect(page.locator('.student-view .rubric tfoot').innerText()).resolves.toContain(`${reviewRow(file, result, '').score?.points}/`);
    await screenshot(page, 'review-student', false);
    // A student's view is a step in the browser's history: Back returns to the class, on this page.
    await page.goBack();
    await expect(page.locator('#student-section').isHidden()).resolves.toBe(true);
    expect(new URL(page.url()).pathname).toMatch(/review\.html$/);
    await page.goForward();
    await expect(page.locator('#student-title').isVisible()).resolves.toBe(true);

    // The browser's own Print (Ctrl+P, which sets nothing first) prints the student on the screen, not the class.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('#class-section').isVisible()).resolves.toBe(false);
    await expect(page.locator('#student-view').isVisible()).resolves.toBe(true);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect(page.locator('#class-section').isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // Printing the student shows the student alone, on portrait pages.
    await page.evaluate(() => document.body.setAttribute('data-print', 'student'));
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('#class-section').isVisible()).resolves.toBe(false);
    await expect(page.locator('#student-view').isVisible()).resolves.toBe(true);
    await page.pdf({ path: join(ARTIFACTS, 'review-student.pdf'), preferCSSPageSize: true, printBackground: true });
    await page.evaluate(() => document.body.removeAttribute('data-print'));
    await expect(page.locator('#class-section').isVisible()).resolves.toBe(true);
    await expect(page.locator('#student-view').isVisible()).resolves.toBe(false);
    await page.pdf({ path: join(ARTIFACTS, 'review-class.pdf'), preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows the class together: the sentences, actual against reported, and the branch map with counts', async () => {
    const page = (browser as TestBrowser).page;
    const counted = await page.locator('#class-view .counted').innerText();
    const n = Number(/Counted: (\d+)/.exec(counted)?.[1]);
    // Replayed logs, the copy of student 5 counted once.
    expect(n).toBe([...expected.values()].filter((r) => r.status === 'verified' || r.status === 'scenario-changed').length - 1);
    const cells = await page.locator('#reactions td[data-actual]').allInnerTexts();
    expect(cells.reduce((sum, c) => sum + Number(c), 0)).toBe(n);
    await expect(page.locator('#sentences li').first().innerText()).resolves.toMatch(new RegExp(`of ${n} played to an ending`));
    // The map is drawn when it comes near the screen.
    await page.locator('#class-map-title').scrollIntoViewIfNeeded();
    await page.waitForSelector('.class-map .map-holder.drawn');
    await expect(page.locator('.class-map .bm-count').count()).resolves.toBeGreaterThan(5);
    // The list for screen readers speaks of the class: how many students took each choice, reached each step.
    const list = await page.locator('.class-map .bm-list').evaluate((e) => e.textContent ?? '');
    expect(list).not.toMatch(/in another attempt|taken in an attempt|your current path/);
    expect(list).toMatch(new RegExp(`reached by ${n} students`));
    expect(list).toMatch(/taken by \d+ students?\./);
    await screenshot(page, 'review-class-map', false);
    const axe = await runAxe(page, 'review');
    expect(axe, formatAxe(axe)).toEqual([]);
  });

  it('downloads the class CSV, one row per file, and watches a log in the game', async () => {
    const { page, context, assertNoProblems } = browser as TestBrowser;
    const download = page.waitForEvent('download');
    await page.locator('#export-students').click();
    const csv = readFileSync(await (await download).path() ?? '', 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const records = parseCsv(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(files.length);

    await page.locator('tr[data-file="student-04.json"] .open-student').click();
    const popup = context.waitForEvent('page');
    await page.locator('#watch-student').click();
    const game = await popup;
    await game.waitForURL(/index\.html\?watch=[0-9a-f]+/);
    await game.waitForFunction(() => document.title.startsWith('Watching '), null, { timeout: 60_000 });
    await game.close();
    assertNoProblems('exports and watching');
  });

  it('asks before it empties the list, and warns before the page is left with logs on it', async () => {
    const { page } = browser as TestBrowser;
    const leaving = (): Promise<boolean> => page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    });
    await expect(leaving(), 'the import is not kept: leaving asks first').resolves.toBe(true);
    const rows = (await shownRows(page)).length;
    await page.locator('#clear-list').click();
    await expect(page.locator('#clear-question').innerText()).resolves.toContain(`Remove the ${rows} logs`);
    await expect(page.evaluate(() => document.activeElement?.id), 'the safe answer has the focus').resolves.toBe('clear-keep');
    await page.keyboard.press('Enter');
    await expect(page.locator('#clear-confirm-box').isHidden()).resolves.toBe(true);
    expect((await shownRows(page)).length, 'kept').toBe(rows);
    await page.locator('#clear-list').click();
    await page.locator('#clear-confirm').click();
    await expect(page.locator('#class-table tbody tr').count()).resolves.toBe(0);
    await expect(leaving(), 'nothing to lose: no question').resolves.toBe(false);
  });

  it('takes files dropped on the page, says what they added, and reads every name safely', async () => {
    const { page, assertNoProblems } = browser as TestBrowser;
    const dropped = files.filter((f) => f.name === 'student-07.json' || f.name === 'truncated.json');
    await page.evaluate(({ list, png }) => {
      const data = new DataTransfer();
      for (const f of list) data.items.add(new File([f.text], f.name, { type: 'application/json' }));
      data.items.add(new File(['not a log'], 'notes.txt', { type: 'text/plain' }));
      data.items.add(new File([new Uint8Array(png)], 'picture.json', { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, { list: dropped, png: PNG });
    await page.waitForSelector('body[data-imported="3"]');
    expect((await shownRows(page)).map((r) => `${r.file} ${r.status}`).sort())
      .toEqual(['picture.json unreadable', 'student-07.json verified', 'truncated.json refused']);
    await expect(page.locator('#import-status').innerText()).resolves.toContain('1 file not ending in .json was left out');
    // A picture renamed .json gets the command line's answer, under the same word.
    await expect(page.locator('tr[data-file="picture.json"] .status').innerText()).resolves.toBe('Refused');
    await expect(page.locator('tr[data-detail-for] li', { hasText: 'it is not UTF-8 text' }).count()).resolves.toBe(1);

    // A second import: what it added, and what the list holds now.
    const again = files.find((f) => f.name === 'student-07.json') as LogFile;
    await page.setInputFiles('#import-files', [oddName, again, again].map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })));
    await page.waitForSelector('body[data-imported="6"]');
    await expect(page.locator('#import-status').innerText()).resolves
      .toMatch(/^Checked 3 more files: 3 verified\. 2 files were the same log as another and are shown once\. With the files imported before, the list now holds 4 logs in all\./);
    await expect(page.locator('tr[data-detail-for] li', { hasText: 'also imported under the same name twice' }).count()).resolves.toBe(1);
    // A line break and a right-to-left override in a name: a space, no override, in an isolate of its own.
    await expect(page.locator('tr[data-file="odd-name.json"] bdi.student-name').evaluate((e) => e.textContent)).resolves.toBe('Ana López');
    await expect(page.locator('#export-students').innerText()).resolves.toBe('Class CSV (all 6 files)');
    await screenshot(page, 'review-second-import', false);
    assertNoProblems('dropping files');
  });

  it('reads the rest of a class when files were deleted or changed on disk after they were chosen, and says which', async () => {
    // The page reads the files a group at a time, as one blob (src/review/verify-files.ts); the browser
    // cannot read a blob one of whose files is gone or changed, and each file is then read on its own.
    // A browser of its own: in this one the site's service worker now answers, and the requests it
    // answers cannot be held back.
    const fresh = await openBrowser();
    const { page } = fresh;
    const dir = await mkdtemp(join(tmpdir(), 'circular938-gone-'));
    try {
      const chosen = files.filter((f) => /^student-0[1-5]\.json$/.test(f.name));
      const paths = chosen.map((f) => join(dir, f.name));
      for (const [i, f] of chosen.entries()) await writeFile(paths[i] as string, f.text);
      // The posts' content is held back, so that the import waits for it (files chosen before the page
      // has its content are checked once it has) while the files are deleted and changed.
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => { release = resolve; });
      await page.route((url) => contentChunkOf(url.pathname) !== null, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${site().url}review.html`);
      await page.setInputFiles('#import-files', paths);
      await rm(paths[1] as string);
      await writeFile(paths[3] as string, `${chosen[3]?.text ?? ''}\n`);
      release();
      await page.waitForSelector(`body[data-imported="${chosen.length}"]`, { timeout: 60_000 });
      const rows = await shownRows(page);
      expect(rows.map((r) => `${r.file} ${r.status}`).sort()).toEqual([
        'student-01.json verified', 'student-02.json unreadable', 'student-03.json verified', 'student-04.json unreadable', 'student-05.json verified',
      ]);
      await expect(page.locator('tr[data-detail-for] li', { hasText: 'could not be read (it was moved, deleted or is not readable)' }).count()).resolves.toBe(2);
      fresh.assertNoProblems('reading files deleted or changed after they were chosen');
    } finally {
      await fresh.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('takes a whole folder from the folder picker, its files named by their path inside it', async () => {
    const { page, assertNoProblems } = browser as TestBrowser;
    await page.locator('#clear-list').click();
    await page.locator('#clear-confirm').click();
    const folder = await mkdtemp(join(tmpdir(), 'circular938-class-'));
    try {
      await mkdir(join(folder, '10B', 'late'), { recursive: true });
      const picked = files.filter((f) => ['student-03.json', 'student-08.json', 'edited.json'].includes(f.name));
      await writeFile(join(folder, '10B', picked[0]!.name), picked[0]!.text);
      await writeFile(join(folder, '10B', 'late', picked[1]!.name), picked[1]!.text);
      await writeFile(join(folder, '10B', picked[2]!.name), picked[2]!.text);
      await writeFile(join(folder, '10B', 'notes.txt'), 'not a log');
      await page.locator('#import-folder').setInputFiles(join(folder, '10B'));
      await page.waitForSelector('body[data-imported="3"]');
      const shown = (await shownRows(page)).map((r) => `${r.file} ${r.status}`).sort();
      expect(shown).toEqual(['10B/edited.json edited', '10B/late/student-08.json verified', '10B/student-03.json verified']);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    assertNoProblems('a folder');
  });
});
