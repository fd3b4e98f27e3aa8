/**
 * The stage draws only what changed (src/game/objects/changed-regions.ts), in a real headless
 * Chromium: a room where nothing moves draws nothing at all; what a room shows after drawing only
 * the changed parts is what drawing it whole shows; and where things move, the stage is redrawn
 * in parts, never whole. What is drawn is read from the stage canvas's own calls and pixels.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, type TestBrowser } from './browser.ts';
import { nodeOf, phaseOf, pressChoice, seeded, startByKeyboard, useSite, waitForTitle, type Phase } from './game.ts';

const site = useSite();
let browser: TestBrowser | null = null;
afterEach(async () => {
  await browser?.close();
  browser = null;
});

/**
 * Installed before the page's scripts: counts the drawing calls that reach the stage canvas, and
 * its clears, whole (the canvas's size) or in part. A string: tsx would wrap a function's inner names.
 */
const DRAW_COUNTER = `(() => {
  const stage = { draws: 0, whole: 0, partial: 0 };
  globalThis.stageDraws = stage;
  const proto = CanvasRenderingContext2D.prototype;
  for (const name of ['clearRect', 'fillRect', 'drawImage', 'fill', 'stroke', 'fillText', 'strokeText', 'putImageData']) {
    const original = proto[name];
    proto[name] = function (...args) {
      if (this.canvas.isConnected && this.canvas.closest('#stage') !== null) {
        stage.draws++;
        if (name === 'clearRect') {
          if (args[2] >= this.canvas.width && args[3] >= this.canvas.height) stage.whole++;
          else stage.partial++;
        }
      }
      return original.apply(this, args);
    };
  }
})()`;

interface Draws {
  draws: number;
  whole: number;
  partial: number;
}

async function draws(page: Page): Promise<Draws> {
  return page.evaluate(() => ({ ...(globalThis as unknown as { stageDraws: Draws }).stageDraws }));
}

/** How far the stage's pixels now are from `before` (RGBA bytes of the 960x540 picture). */
interface PixelDiff {
  /** Pixels with any channel apart. */
  pixels: number;
  /** The largest difference of one channel, 0 to 255. */
  most: number;
}

/** Keeps a copy of the stage's pixels in the page, to compare with later. */
async function keepPixels(page: Page): Promise<void> {
  await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('#stage canvas');
    const context = canvas?.getContext('2d');
    if (!canvas || !context) throw new Error('no 2D stage canvas');
    (globalThis as unknown as { keptPixels: Uint8ClampedArray }).keptPixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  });
}

async function pixelsSinceKept(page: Page): Promise<PixelDiff> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('#stage canvas');
    const context = canvas?.getContext('2d');
    const before = (globalThis as unknown as { keptPixels?: Uint8ClampedArray }).keptPixels;
    if (!canvas || !context || !before) throw new Error('no stage pixels to compare');
    const now = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let pixels = 0;
    let most = 0;
    for (let i = 0; i < now.length; i += 4) {
      let apart = 0;
      for (let c = 0; c < 4; c++) apart = Math.max(apart, Math.abs((now[i + c] ?? 0) - (before[i + c] ?? 0)));
      if (apart > 0) pixels++;
      most = Math.max(most, apart);
    }
    return { pixels, most };
  });
}

/**
 * Has the stage drawn whole: a canvas whose pixels the browser lost and gave back blank
 * (`contextrestored`) is drawn whole on the next frame. Waits until it has been.
 */
async function drawWhole(page: Page): Promise<void> {
  const before = (await draws(page)).whole;
  await page.evaluate(() => document.querySelector('#stage canvas')?.dispatchEvent(new Event('contextrestored')));
  await expect.poll(async () => (await draws(page)).whole, { timeout: 5_000 }).toBeGreaterThan(before);
}

/**
 * Where a changed rectangle's edge crosses a scaled or shifted image, the browser smooths it a few
 * units otherwise than in a whole frame (changed-regions.ts: up to 13 of 255 seen, on a few dozen
 * pixels); anything left over from an earlier frame, a clock's hand in its old place even under the
 * code room's night shade, is further apart than this.
 */
const SMOOTHING = { most: 24, pixels: 600 } as const;

describe('the stage draws what changed', () => {
  it('with reduced motion a room draws nothing while it stands still, and after each decision shows what a whole redraw shows', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.addInitScript(DRAW_COUNTER);
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    await page.locator('.stage-status').waitFor({ state: 'hidden', timeout: 30_000 });
    await startByKeyboard(page, 'Quieta');

    const drewWhileStill: string[] = [];
    const apart: string[] = [];
    const seen = new Set<Phase>();
    let compared = 0;
    let drawnInPart = 0;
    for (let i = 0; i < 200; i++) {
      const phase = await phaseOf(page);
      seen.add(phase);
      const where = `${phase} at ${await nodeOf(page)}`;
      // the frames that draw the decision's change (a clock's hands jump, a speaker lights up)
      await page.waitForTimeout(400);
      const settled = await draws(page);
      await page.waitForTimeout(700);
      const after = await draws(page);
      if (after.draws !== settled.draws) drewWhileStill.push(`${where}: ${after.draws - settled.draws} drawing calls`);
      if (after.partial > 0) drawnInPart = after.partial;
      await keepPixels(page);
      await drawWhole(page);
      const diff = await pixelsSinceKept(page);
      if (diff.most > SMOOTHING.most || diff.pixels > SMOOTHING.pixels) apart.push(`${where}: ${diff.pixels} pixels apart, by up to ${diff.most}`);
      compared++;
      if ((await page.locator('#download-log').count()) > 0) break;
      await pressChoice(page, 1);
    }
    expect([...seen]).toEqual(['cable', 'appointment', 'meeting', 'report', 'washington', 'debrief']);
    expect(drewWhileStill, 'a still room drew').toEqual([]);
    expect(apart, 'drawn in parts, the stage differs from the same stage drawn whole').toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(10);
    expect(drawnInPart, 'decisions were drawn in part (a clock, a speaker), not only whole').toBeGreaterThan(0);
    assertNoProblems('drawing the stage in parts, with reduced motion');
  });

  it('where things move, every room is redrawn in parts, never whole, once its fade is over', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.addInitScript(DRAW_COUNTER);
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    await page.locator('.stage-status').waitFor({ state: 'hidden', timeout: 30_000 });

    const rooms: string[] = [];
    const wholeAfterFade: string[] = [];
    const watch = async (): Promise<void> => {
      const where = `${await phaseOf(page)} at ${await nodeOf(page)}`;
      // the room's fade (420 ms), and the light easing to the new hour (1.6 s), redraw it whole
      await page.waitForTimeout(2_000);
      const before = await draws(page);
      await page.waitForTimeout(1_500);
      const after = await draws(page);
      if (after.whole !== before.whole) wholeAfterFade.push(`${where}: ${after.whole - before.whole} whole frames`);
      if (after.partial > before.partial) rooms.push(where);
    };
    await watch();
    await startByKeyboard(page, 'Movida');
    let last: Phase | null = null;
    for (let i = 0; i < 200; i++) {
      const phase = await phaseOf(page);
      if (phase !== last) await watch();
      last = phase;
      if ((await page.locator('#download-log').count()) > 0) break;
      await pressChoice(page, 1);
    }
    expect(wholeAfterFade, 'a room was redrawn whole while things moved in it').toEqual([]);
    expect(rooms.map((r) => r.split(' at ')[0]), 'rooms where something moved, redrawn in parts').toEqual(['title', 'cable', 'appointment', 'meeting', 'report', 'washington', 'debrief']);
    assertNoProblems('drawing the stage in parts, with motion');
  });
});
