/**
 * The picture fills its column whatever the page's columns do: the debrief gives the words more room
 * and the stage less, and choosing again from the debrief gives the stage its room back; the
 * picture follows both ways, by keyboard, without a reload.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, type TestBrowser } from './browser.ts';
import { pressChoice, screenshot, seeded, startByKeyboard, tabTo, useSite, waitForTitle } from './game.ts';

const site = useSite();
let browser: TestBrowser | null = null;
afterEach(async () => {
  await browser?.close();
  browser = null;
});

/** The stage canvas's size and the room its parent gives it, in CSS pixels. */
function fit(page: Page): Promise<{ canvas: number; canvasHeight: number; room: number; roomHeight: number }> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('#stage canvas')?.getBoundingClientRect();
    const room = document.querySelector<HTMLElement>('#stage')?.getBoundingClientRect();
    return { canvas: Math.round(canvas?.width ?? 0), canvasHeight: Math.round(canvas?.height ?? 0), room: Math.round(room?.width ?? 0), roomHeight: Math.round(room?.height ?? 0) };
  });
}

/**
 * Whether the canvas is as wide as its room: at 1280×800 the room (16:9, its column's width) is bound
 * by its width, and FIT keeps the picture's shape, so a canvas that fits it is as wide.
 */
const fills = async (page: Page): Promise<boolean> => {
  const f = await fit(page);
  return f.canvas > 0 && Math.abs(f.canvas - f.room) <= 2 && Math.abs(f.canvasHeight - f.roomHeight) <= 2;
};

describe('the stage', () => {
  it('fills its column at the debrief and again after choosing again from it', async () => {
    browser = await openBrowser({ viewport: { width: 1280, height: 800 } });
    const { page } = browser;
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    await startByKeyboard(page, 'Stage Fit');
    await page.waitForSelector('#stage canvas', { state: 'attached', timeout: 30_000 });
    await expect.poll(() => fills(page), { timeout: 10_000 }).toBe(true);
    for (let i = 0; i < 200 && (await page.locator('#download-log').count()) === 0; i++) await pressChoice(page, 1);
    await expect(page.locator('#download-log').count()).resolves.toBe(1);
    await expect.poll(() => fills(page), { timeout: 10_000, message: 'at the debrief' }).toBe(true);
    const atDebrief = await fit(page);

    await page.keyboard.press('d');
    await page.waitForSelector('#decisions[open]');
    await tabTo(page, '#decisions [data-rewind="3"]', 80);
    await page.keyboard.press('Enter');
    await page.waitForSelector('body:not([data-phase="debrief"])', { state: 'attached' });
    await expect.poll(() => fills(page), { timeout: 10_000, message: `after choosing again (${JSON.stringify(await fit(page))})` }).toBe(true);
    const after = await fit(page);
    expect(after.room, 'the room is wider again').toBeGreaterThan(atDebrief.room);
    await screenshot(page, 'stage-fit-after-choosing-again');
    browser.assertNoProblems('the stage after choosing again');
  });
});
