/**
 * Less motion (issue 10, point 5), in a real headless Chromium: with prefers-reduced-motion the
 * page has no CSS transition or animation and every room stands still, at its first node and after
 * a decision (the clocks jump, the light changes at once, nothing fades); without it the teletype
 * types the circular until the student stops it from the keyboard, which is announced. What the
 * rooms show is read from the stage canvas's own pixels, without the captions laid over it.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, type TestBrowser } from './browser.ts';
import { nodeOf, phaseOf, pressChoice, screenshot, seeded, startByKeyboard, waitForTitle, useSite, type Phase } from './game.ts';

const site = useSite();
let browser: TestBrowser | null = null;
afterEach(async () => {
  await browser?.close();
  browser = null;
});

/** The code room's teletype and its paper, in the 960x540 picture (cable-scene.ts); the duty officer breathes outside it. */
const TELETYPE_BOX = { x: 240, y: 50, w: 210, h: 270 } as const;

/**
 * A digest of the stage canvas's own pixels (the picture Phaser drew, without the captions laid
 * over it), in a box of the game's 960x540 picture or the whole of it.
 */
async function stageDigest(page: Page, box = { x: 0, y: 0, w: 960, h: 540 }): Promise<string> {
  return page.evaluate((b) => {
    const canvas = document.querySelector<HTMLCanvasElement>('#stage canvas');
    const context = canvas?.getContext('2d');
    if (!canvas || !context) throw new Error('no 2D stage canvas');
    if (canvas.width !== 960 || canvas.height !== 540) throw new Error(`the stage canvas is ${canvas.width}x${canvas.height}, not the game's 960x540`);
    const data = context.getImageData(b.x, b.y, b.w, b.h).data;
    let hash = 2166136261;
    for (let i = 0; i < data.length; i++) hash = Math.imul(hash ^ (data[i] ?? 0), 16777619);
    return (hash >>> 0).toString(16);
  }, box);
}

/**
 * Time for the frames that draw a new state (a few at 30 fps); anything that animates runs longer
 * (the shortest, a clock's sweep, takes 500 ms; the room's fade 420 ms), so it is still moving after.
 */
const SETTLE_MS = 300;

/** Whether the stage (or a box of it), once settled, shows the same pixels over 1.2 s. */
async function stageStill(page: Page, box?: { x: number; y: number; w: number; h: number }): Promise<boolean> {
  await page.waitForTimeout(SETTLE_MS);
  const before = await stageDigest(page, box);
  await page.waitForTimeout(1_200);
  return (await stageDigest(page, box)) === before;
}

/** Every element of the page with a CSS transition or animation that takes time, described. */
async function movingInTheDom(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seconds = (list: string): number[] => list.split(',').map((t) => (t.trim().endsWith('ms') ? parseFloat(t) / 1000 : parseFloat(t)));
    const out: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const cs = getComputedStyle(el, pseudo);
        const transition = seconds(cs.transitionDuration).some((d, i) => d + (seconds(cs.transitionDelay)[i] ?? 0) > 0);
        const animation = cs.animationName !== 'none' && seconds(cs.animationDuration).some((d) => d > 0);
        if (transition || animation) out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${pseudo ?? ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}: ${transition ? `transition ${cs.transitionDuration}` : `animation ${cs.animationName}`}`);
      }
    }
    return out;
  });
}

/** Presses Shift+Tab until `selector` has focus. */
async function shiftTabTo(page: Page, selector: string, max = 15): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.locator(selector).evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Shift+Tab');
  }
  throw new Error(`Shift+Tab did not reach ${selector} in ${max} presses`);
}

describe('less motion', () => {
  it('with prefers-reduced-motion nothing in the page moves, the teletype prints at once and every room stands still, after each decision too', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    await page.locator('.stage-status').waitFor({ state: 'hidden', timeout: 30_000 });
    expect(await movingInTheDom(page), 'no CSS transition or animation').toEqual([]);
    expect(await stageStill(page), 'the title scene stands still (no traffic, no flickering lights)').toBe(true);

    await startByKeyboard(page, 'Quieta');
    await expect(page.locator('#stop-teletype').count(), 'nothing to stop: the teletype does not type').resolves.toBe(0);
    const still: string[] = [];
    const moving: string[] = [];
    const seen = new Set<Phase>();
    let decisionsInPhase = 0;
    for (let i = 0; i < 200 && (await page.locator('#download-log').count()) === 0; i++) {
      const phase = await phaseOf(page);
      const first = !seen.has(phase);
      if (first) {
        seen.add(phase);
        decisionsInPhase = 0;
        await screenshot(page, `motion-reduced-${phase}`);
      }
      // At the first node of each phase (a new room) and after its first decision (the clock moves on).
      if (first || decisionsInPhase === 1) {
        const where = `${phase} at ${await nodeOf(page)}`;
        (await stageStill(page) ? still : moving).push(where);
        const dom = await movingInTheDom(page);
        if (dom.length > 0) moving.push(`${where}: ${dom.join(', ')}`);
      }
      await pressChoice(page, 1);
      decisionsInPhase++;
    }
    expect([...seen]).toEqual(['cable', 'appointment', 'meeting', 'report', 'washington', 'debrief']);
    expect(moving, 'something moved with reduced motion').toEqual([]);
    expect(still.length).toBeGreaterThanOrEqual(10);
    assertNoProblems('with reduced motion');
  });

  it('without it, the teletype types until the student stops it by keyboard; the stop is announced and the machine then stands still', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    await page.locator('.stage-status').waitFor({ state: 'hidden', timeout: 30_000 });
    await startByKeyboard(page, 'Ruidosa');
    await page.waitForTimeout(600);
    expect(await movingInTheDom(page), 'the captions fade (the check sees CSS motion when it is allowed)').toContainEqual(expect.stringMatching(/#captions.*transition/));
    expect(await stageStill(page, TELETYPE_BOX), 'the teletype is typing').toBe(false);

    // From the first choice (where focus is), back to the button under the story.
    await expect(page.locator('#choices button.choice').first().evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await shiftTabTo(page, '#stop-teletype');
    await expect(page.locator('#teletype-control').getAttribute('role'), 'the control is a live region').resolves.toBe('status');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#teletype-control').innerText()).toMatch(/teletype is stopped/);
    await expect(page.locator('#choices button.choice').first().evaluate((el) => el === document.activeElement), 'focus goes on to the first choice').resolves.toBe(true);
    expect(await stageStill(page, TELETYPE_BOX), 'the teletype has stopped').toBe(true);
    await screenshot(page, 'motion-teletype-stopped');
    await pressChoice(page, 1);
    await expect(page.locator('#stop-teletype').count(), 'stopped once, it stays stopped').resolves.toBe(0);
    expect(await stageStill(page, TELETYPE_BOX)).toBe(true);
    assertNoProblems('stopping the teletype');
  });
});
