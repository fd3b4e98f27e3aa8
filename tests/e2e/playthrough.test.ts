/**
 * The end-to-end acceptance, in a real headless Chromium against the built site:
 * a keyboard-only playthrough of Mexico from the first screen to the debrief, with a screenshot of
 * every phase (tests/e2e/artifacts/); a reload during the meeting resumes exactly; the downloaded
 * log, verified and replayed in Node, gives the same state and rubric; axe-core finds no serious or
 * critical violation on any screen; and no console error, page error or failed request throughout.
 *
 * The page is driven only by page.keyboard (Tab, typing, arrows, Enter, number keys, C, G,
 * Escape). page.evaluate is used only to read: the focused element, the live session.
 * The game starts from a fixed seed (E2E_SEED overrides it; a failure prints it), and the choice
 * policy is deterministic given what the page shows, so a run can be repeated exactly; the path
 * taken is written to artifacts/path.json.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deadlineOf, wallTime, type SessionState } from '../../src/core/index.ts';
import { verifyLog } from '../../src/core/log/verify.ts';
import { scoreRubric } from '../../src/core/rubric/rubric.ts';
import { verdictOf } from '../../src/core/verdict/summary.ts';
import { loadScenario, type LoadedScenario } from '../../src/core/scenario/load.ts';
import { ARTIFACTS, openBrowser, PROJECT_ROOT, type TestBrowser } from './browser.ts';
import {
  focusedDescription,
  formatAxe,
  mulberry32,
  nodeOf,
  phaseOf,
  pressChoice,
  readSession,
  reportSeedOnFailure,
  runAxe,
  screenshot,
  seeded,
  tabTo,
  visibleChoices,
  waitForTitle,
  E2E_SEED,
  type AxeFinding,
  type Phase,
} from './game.ts';
import { serveSite, type Site } from './server.ts';

const PHASES = ['cable', 'appointment', 'meeting', 'report', 'washington', 'debrief'] as const;
/** A name with C, G and M in it: typing it must not open the cable or the glossary or toggle sound. */
const STUDENT = 'Camila Gómez';
const CLASS_CODE = '9B';
/** Not the default: choosing it exercises the radio group by arrow keys. */
const VARIANT = 'counterfactual';
const MAX_STEPS = 200;
const POLICY_SEED = 938;
/**
 * The Phaser rooms fade in over 420 ms (room-scene.ts). Phase screenshots wait this long so the
 * artifacts show the room, not a black frame; no assertion depends on it.
 */
const ROOM_FADE_MS = 500;

let site: Site;
let browser: TestBrowser;
let loaded: LoadedScenario;

const axeFindings: AxeFinding[] = [];
const screens: string[] = [];
const shots: string[] = [];
const phasesSeen: Phase[] = [];
const path: { phase: Phase; node: string; pressed: number; via: 'number' | 'tab-enter'; choice: number; label: string }[] = [];
/** Decisions after which keyboard focus was not on the first choice (or the debrief heading). */
const focusMisses: string[] = [];
const reloads: { node: string; trail: number }[] = [];
let finalSession: SessionState | null = null;
/** Set when a step completes, so that later steps can say why they cannot run. */
const reached = { started: false, meetingResumed: false, debrief: false };

async function axe(screen: string): Promise<void> {
  screens.push(screen);
  axeFindings.push(...(await runAxe(browser.page, screen)));
}

async function shoot(name: string, settle = false): Promise<void> {
  if (settle) await browser.page.waitForTimeout(ROOM_FADE_MS);
  shots.push(await screenshot(browser.page, name));
}

/**
 * Set when the setup fails (no Chromium, a failed build, a scenario that does not load). Each test
 * then fails with it: vitest would otherwise report the tests of a failed beforeAll as skipped.
 */
let setupError: unknown = null;

beforeAll(async () => {
  try {
    const text = await readFile(join(PROJECT_ROOT, 'scenarios', 'mexico.yaml'), 'utf8');
    const result = await loadScenario(text, 'scenarios/mexico.yaml');
    if (!result.ok) throw new Error(`scenarios/mexico.yaml does not load: ${JSON.stringify(result.issues, null, 2)}`);
    loaded = result.loaded;
    site = await serveSite();
    // A zone far from Mexico City: the clock must come from the scenario's offsets, not the browser's.
    browser = await openBrowser({ timezoneId: 'Asia/Kolkata' });
  } catch (e) {
    setupError = e;
  }
});

beforeEach((context) => {
  if (setupError) throw setupError;
  reportSeedOnFailure(context);
});

afterAll(async () => {
  await writeFile(join(ARTIFACTS, 'path.json'), JSON.stringify({ seed: finalSession?.seed ?? null, phasesSeen, reloads, screenshots: shots, path }, null, 2)).catch(() => undefined);
  await browser?.close();
  await site?.close();
});

/** Checks the clock bar against the session, from the scenario's offset, and that time never ran backwards. */
let lastClock = Number.NEGATIVE_INFINITY;
async function checkClock(session: SessionState): Promise<void> {
  expect(session.clock, 'the game clock ran backwards').toBeGreaterThanOrEqual(lastClock);
  lastClock = session.clock;
  const local = wallTime(session.clock, loaded.scenario.post.utcOffsetMinutes).label;
  await expect.poll(() => browser.page.locator('.clock-bar').innerText(), { timeout: 5_000 }).toContain(local);
  // A report that went out in time is never shown as a missed deadline, however late the clock runs.
  const sent = session.marks.sent;
  if (sent !== undefined && sent <= deadlineOf(loaded.scenario)) {
    await expect(browser.page.locator('#deadline-status').innerText()).resolves.toMatch(/^Your report went out at .*(before the deadline|ROUTINE)/);
  }
}

/** What a student sees of the current node: the phase, the node, the words and the choices. */
async function screenState(): Promise<{ phase: Phase; node: string; dialogue: string; choices: { label: string; index: number }[] }> {
  const { page } = browser;
  return {
    phase: await phaseOf(page),
    node: await nodeOf(page),
    dialogue: await page.locator('#dialogue').innerText(),
    choices: await visibleChoices(page),
  };
}

/**
 * Reloads the page mid-game; checks that nothing changed. `how` is "reload" (the tab's own reload:
 * straight back into the game) or "new-visit" (as if opened afresh: the title offers to continue,
 * and the keyboard resumes).
 */
async function reloadAndResume(label: string, how: 'reload' | 'new-visit'): Promise<void> {
  const { page } = browser;
  const before = await readSession(page);
  const seen = await screenState();
  expect(before).not.toBeNull();
  reloads.push({ node: seen.node, trail: before?.trail.length ?? -1 });

  if (how === 'new-visit') {
    // A new visit has a fresh sessionStorage; clearing it here is the same for the page.
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await waitForTitle(page);
    const resume = page.locator('#resume');
    await expect.poll(() => resume.isVisible(), { message: 'on a new visit the title offers #resume' }).toBe(true);
    const offer = await page.locator('.resume').innerText();
    expect(offer, 'the resume offer names the student').toContain(STUDENT);
    expect(offer, 'the resume offer names the phase').toMatch(/meeting/i);
    expect(await page.locator('#begin').innerText()).toMatch(/new game/i);
    await shoot(`resume-${label}`);
    await axe(`title with a saved game (${label})`);
    await tabTo(page, '#resume');
    await page.keyboard.press('Enter');
  } else {
    await page.reload();
  }
  await page.waitForSelector('body[data-phase="meeting"]', { state: 'attached' });

  const after = await readSession(page);
  expect(after, 'the resumed session is exactly the one before the reload').toEqual(before);
  expect(await screenState(), 'the resumed screen shows the same node, words and choices').toEqual(seen);
  expect(await page.locator('#save-status').innerText()).toMatch(/autosave is on/i);
}

/** Choices already taken at each node, by choice index. */
const taken = new Map<string, Set<number>>();
const random = mulberry32(POLICY_SEED);
let meetingNodes = 0;

/**
 * The test's policy: on a first visit to a node, a seeded pseudo-random choice; on a return, the
 * first choice not yet taken there (so loops are explored and left), else a random one.
 */
function pick(node: string, choices: { index: number }[]): number {
  const keyable = choices.slice(0, 9);
  const seen = taken.get(node) ?? new Set<number>();
  const fresh = keyable.findIndex((c) => !seen.has(c.index));
  const position = seen.size > 0 && fresh >= 0 ? fresh : Math.floor(random() * keyable.length);
  return position;
}

/**
 * Plays by keyboard until `done` holds, taking a screenshot and an axe run at the first node of
 * every phase, reloading twice during the meeting, and checking after each decision that the
 * session took exactly the chosen choice.
 */
async function playUntil(done: (phase: Phase) => boolean | Promise<boolean>): Promise<void> {
  const { page } = browser;
  while (path.length < MAX_STEPS) {
    const phase = await phaseOf(page);
    if (phase === 'error' || phase === 'title') {
      throw new Error(`the game left play: phase "${phase}" (${await page.locator('#app').innerText()})`);
    }
    if (!phasesSeen.includes(phase)) {
      phasesSeen.push(phase);
      await shoot(phase, true);
      await axe(`phase ${phase}`);
    }
    if (phase === 'meeting') {
      meetingNodes++;
      // During the meeting: once at its first node and once further in (when there is a second).
      if (meetingNodes === 1) await reloadAndResume('meeting-start', 'reload');
      if (meetingNodes === 2) await reloadAndResume('meeting-middle', 'new-visit');
      reached.meetingResumed = true;
    }
    if (await done(phase)) return;

    const session = await readSession(page);
    if (!session) throw new Error('the page shows a phase but the store has no session');
    await checkClock(session);
    const node = await nodeOf(page);
    expect(session.node, 'body[data-node] is the session node').toBe(node);
    const choices = await visibleChoices(page);
    if (choices.length === 0) throw new Error(`node "${node}" (${phase}) shows no choice and is not the debrief: a dead end`);
    const position = pick(node, choices);
    const choice = choices[position];
    if (!choice) throw new Error('policy picked a choice that is not shown');

    // Every fourth decision by Tab and Enter, the others by number key.
    const via = path.length % 4 === 3 ? 'tab-enter' : 'number';
    await pressChoice(page, position + 1, via);
    const next = await readSession(page);
    expect(next?.trail.length, 'one key press is one decision').toBe(session.trail.length + 1);
    expect(next?.trail.at(-1), `${via} ${position + 1} took the ${position + 1}th visible choice`).toMatchObject({ node, choice: choice.index });
    taken.set(node, (taken.get(node) ?? new Set()).add(choice.index));
    path.push({ phase, node, pressed: position + 1, via, choice: choice.index, label: choice.label });
    // dialogue.ts: "focus moves to the first choice so keyboard play flows on".
    const focusOk = await page.evaluate(() => {
      const el = document.activeElement;
      return el !== null && (el === document.querySelector('#choices button.choice') || el.id === 'debrief-title');
    });
    if (!focusOk) focusMisses.push(`after ${via} ${position + 1} at "${node}", focus is on ${await focusedDescription(page)} at "${next?.node ?? '?'}"`);
  }
  throw new Error(`no ending after ${MAX_STEPS} decisions; last nodes: ${path.slice(-10).map((p) => p.node).join(', ')}`);
}

describe('Mexico, played by keyboard alone in headless Chromium', () => {
  it('shows a usable first screen and starts a game by keyboard alone', async () => {
    const { page } = browser;
    await page.goto(seeded(site.url));
    await waitForTitle(page);
    await expect(page.locator('#resume').count(), 'a fresh browser has no saved game').resolves.toBe(0);
    // Phaser arrives behind the first screen; the stage message goes when the first room is drawn.
    await page.locator('.stage-status').waitFor({ state: 'hidden', timeout: 30_000 });
    await expect(page.locator('#save-status').innerText()).resolves.toMatch(/autosave is on/i);
    await shoot('title', true);
    await axe('title');

    await tabTo(page, '#student-name');
    await page.keyboard.type(STUDENT);
    await expect(page.locator('#cable-dialog').evaluate((d) => (d as HTMLDialogElement).open), 'typing C in the name field must not open the cable').resolves.toBe(false);
    await expect(page.locator('#glossary-dialog').evaluate((d) => (d as HTMLDialogElement).open), 'typing G must not open the glossary').resolves.toBe(false);
    await expect(page.locator('#mute').getAttribute('aria-pressed'), 'typing M must not toggle sound').resolves.toBe('false');
    await page.keyboard.press('Tab');
    await expect(page.locator('#class-code').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type(CLASS_CODE);
    await page.keyboard.press('Tab');
    await expect(page.locator('input[name="variant"]:checked').evaluate((el) => el === document.activeElement), 'Tab enters the variant group at the checked radio').resolves.toBe(true);
    for (let i = 0; i < 5 && !(await page.locator(`#variant-${VARIANT}`).isChecked()); i++) await page.keyboard.press('ArrowDown');
    await expect(page.locator(`#variant-${VARIANT}`).isChecked(), `arrow keys select the ${VARIANT} world`).resolves.toBe(true);
    await tabTo(page, '#begin', 5);
    await page.keyboard.press('Enter');

    await page.waitForSelector('body[data-phase="cable"]', { state: 'attached' });
    const session = await readSession(page);
    expect(session).toMatchObject({ phase: 'cable', variant: VARIANT, node: loaded.scenario.start, trail: [], seed: E2E_SEED });
    reached.started = true;
  });

  it('opens the cable with C (points (a)–(h), strike-throughs, FYI and USUN blocks) and the glossary with G; Escape closes them', async () => {
    expect(reached.started, 'the game did not start (see the first test)').toBe(true);
    const { page } = browser;
    phasesSeen.push('cable');
    await shoot('cable', true);
    await axe('phase cable');

    const cable = page.locator('#cable-dialog');
    await page.keyboard.press('c');
    await cable.waitFor({ state: 'visible' });
    for (const point of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      await expect(cable.locator(`[data-ref="${point}"]`).count(), `the cable shows point (${point})`).resolves.toBeGreaterThan(0);
    }
    await expect(cable.locator('s').count(), 'the cable shows the struck-through words').resolves.toBeGreaterThan(0);
    await expect(cable.locator('.cable-fyi').count(), 'the cable shows its FYI block').resolves.toBeGreaterThan(0);
    await expect(cable.locator('.cable-usun').count(), 'the cable shows its USUN block').resolves.toBeGreaterThan(0);
    await expect(cable.innerText()).resolves.toMatch(/FYI/);
    await expect(cable.innerText()).resolves.toMatch(/USUN/);
    await shoot('cable-dialog');
    await axe('cable dialog open');
    // The dialog's text scrolls by keyboard (its body has focus): PageDown until point (a) shows.
    const body = cable.locator('.dialog-body');
    const pointA = cable.locator('[data-ref="a"]').first();
    const inView = async (): Promise<boolean> => {
      const [outer, inner] = await Promise.all([body.boundingBox(), pointA.boundingBox()]);
      return outer !== null && inner !== null && inner.y >= outer.y && inner.y + Math.min(inner.height, outer.height) <= outer.y + outer.height;
    };
    for (let i = 0; i < 15 && !(await inView()); i++) await page.keyboard.press('PageDown');
    expect(await inView(), 'PageDown scrolls the cable to point (a)').toBe(true);
    await shoot('cable-dialog-points');
    await page.keyboard.press('Escape');
    await cable.waitFor({ state: 'hidden' });

    const glossary = page.locator('#glossary-dialog');
    await page.keyboard.press('g');
    await glossary.waitFor({ state: 'visible' });
    await expect(glossary.locator('dt').count(), 'the glossary lists terms').resolves.toBeGreaterThan(3);
    await expect(glossary.innerText()).resolves.toMatch(/NIACT/);
    await shoot('glossary-dialog');
    await axe('glossary dialog open');
    await page.keyboard.press('Escape');
    await glossary.waitFor({ state: 'hidden' });
    await expect(phaseOf(page)).resolves.toBe('cable');
  });

  it('plays by number keys into the meeting, where a reload resumes exactly', async () => {
    expect(reached.started, 'the game did not start (see the first test)').toBe(true);
    await playUntil((phase) => phase !== 'cable' && phase !== 'appointment' && phase !== 'meeting');
    expect(phasesSeen, 'the path went through the meeting').toContain('meeting');
    expect(reloads.length, 'the page was reloaded during the meeting').toBeGreaterThan(0);
    expect(reached.meetingResumed).toBe(true);
  });

  it('plays on to the debrief, through every phase in order', async () => {
    expect(reached.meetingResumed, 'the meeting was not reached and resumed (see the previous test)').toBe(true);
    const { page } = browser;
    await playUntil(async (phase) => phase === 'debrief' && (await page.locator('#download-log').count()) > 0);
    expect(phasesSeen, 'every phase, in the design order').toEqual([...PHASES]);

    finalSession = await readSession(page);
    expect(finalSession?.outcome, 'an ending was reached').not.toBeNull();
    await page.locator('.rubric').waitFor({ state: 'visible' });
    await expect(page.locator('pre.telegram-text').innerText()).resolves.not.toBe('');
    // The rubric on screen is the one the core computes for the live session.
    const rubric = scoreRubric(loaded.scenario, finalSession as SessionState);
    for (const c of rubric.criteria) {
      const row = page.locator(`.rubric tr[data-criterion="${c.id}"]`);
      const text = await row.innerText();
      expect(text).toContain(c.title);
      expect(text).toContain(c.id === 'outcome' ? (c.outcomeTitle ?? '') : c.sentence);
      if (c.maxPoints > 0) expect(text).toContain(`${c.points}/${c.maxPoints}`);
    }
    await expect(page.locator('.rubric tfoot').innerText()).resolves.toContain(`${rubric.total.points}/${rubric.total.max}`);
    await shoot('debrief-end', true);
    // The rubric, the telegram and the decisions are below the fold of the scrolling panel: one
    // more picture on a screen tall enough to show the whole debrief.
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 1280, height: 4000 });
    await shoot('debrief-full');
    if (viewport) await page.setViewportSize(viewport);
    await axe('debrief (ending)');
    reached.debrief = true;
  });

  it('downloads the log by keyboard; verified and replayed in Node it gives the same state and rubric', async () => {
    expect(reached.debrief, 'the debrief was not reached (see the previous test)').toBe(true);
    const { page } = browser;
    const live = finalSession as SessionState;
    // "Play again" before the log is downloaded warns instead of deleting the finished game.
    await tabTo(page, '#new-game');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.download-status').innerText()).toMatch(/not downloaded your decision log/);
    await expect(page.evaluate(() => document.body.dataset['phase'])).resolves.toBe('debrief');
    await tabTo(page, '#download-log');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename(), 'a file name a teacher can sort by').toMatch(/^circular938-mexico-[a-z0-9-]+\.json$/);
    const file = await download.path();
    const text = await readFile(file, 'utf8');
    await writeFile(join(ARTIFACTS, 'downloaded-log.json'), text);
    await expect.poll(() => page.locator('.download-status').innerText()).toMatch(/downloaded/i);

    const json: unknown = JSON.parse(text);
    expect(json).toMatchObject({
      format: 'circular938-log',
      formatVersion: 2,
      scenario: { id: loaded.scenario.id, version: loaded.scenario.version, hash: loaded.hash },
      variant: VARIANT,
      student: { label: STUDENT, classCode: CLASS_CODE },
    });
    const verified = await verifyLog(json, { scenario: loaded.scenario, hash: loaded.hash });
    if (!verified.ok) throw new Error(`the downloaded log does not verify:\n- ${verified.problems.join('\n- ')}`);
    expect(verified.log.attempts, 'reloading and resuming does not start a new attempt').toHaveLength(1);
    expect(verified.log.attempts[0]?.entries.map((e) => [e.node, e.choice])).toEqual(live.trail.map((t) => [t.node, t.choice]));
    expect(verified.replay.state, 'the replayed state is the live one').toEqual(live);
    expect(scoreRubric(loaded.scenario, verified.replay.state), 'the replayed rubric is the live one').toEqual(scoreRubric(loaded.scenario, live));
    // The file carries the verdict the debrief shows: the same title, the same claims, the same score.
    const verdict = verdictOf(loaded.scenario, live);
    expect(verified.log.verdict).toEqual(verdict);
    const shown = await page.locator('#debrief-verdict').innerText();
    expect(shown).toContain(verdict.title ?? '');
    for (const c of verdict.claims) expect(shown).toContain(c.text);
    expect(shown).toContain(`${verdict.score.points}/${verdict.score.max}`);
  });

  it('keeps keyboard focus on the first choice after every decision', () => {
    expect(reached.debrief, 'the debrief was not reached').toBe(true);
    expect(focusMisses).toEqual([]);
  });

  it('had no console error, page error or failed request at any point', () => {
    browser.assertNoProblems('during the playthrough');
  });

  it('has no serious or critical axe-core violation on any screen', () => {
    expect(screens.length, 'axe ran on the screens').toBeGreaterThanOrEqual(PHASES.length + 3);
    if (axeFindings.length > 0) {
      throw new Error(`axe-core found ${axeFindings.length} serious or critical violation(s):\n${formatAxe(axeFindings)}`);
    }
  });
});
