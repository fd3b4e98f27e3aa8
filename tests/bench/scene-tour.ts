/**
 * Frame times and heap in every scene: the game is played by keyboard (tests/e2e/game.ts, the first
 * choice each time) from the title through each phase to the debrief; in each, once the room is
 * there, the CPU is throttled and frames are collected for the window. The baseline's one scene is
 * measured the same way.
 */
import type { TestBrowser } from '../e2e/browser.ts';
import { phaseOf, pressChoice, seeded, startByKeyboard, waitForTitle, type Phase } from '../e2e/game.ts';
import { coldPage, frameTimes, heapMB, p95, type Cold } from './browser-figures.ts';

export const SCENES = ['title', 'cable', 'appointment', 'meeting', 'report', 'washington', 'debrief'] as const;
export type SceneName = (typeof SCENES)[number];

export interface SceneFigures {
  p95Ms: number;
  frames: number;
  heapMB: number;
}

/** Waits until Phaser has drawn its first room (its canvas is in the stage) and the fade-in is over. */
async function roomDrawn(cold: Cold): Promise<void> {
  await cold.page.locator('canvas').first().waitFor({ state: 'attached', timeout: 60_000 });
  await cold.page.waitForTimeout(800);
}

async function measure(cold: Cold, windowMs: number, rate: number): Promise<SceneFigures> {
  const frames = await frameTimes(cold, windowMs, rate);
  return { p95Ms: p95(frames), frames: frames.length, heapMB: await heapMB(cold) };
}

/** Plays through the game once, measuring each scene of SCENES for `windowMs` at throttling `rate`. */
export async function tourGame(browser: TestBrowser, url: string, windowMs: number, rate: number): Promise<Record<SceneName, SceneFigures>> {
  const cold = await coldPage(browser, url, 1);
  const { page } = cold;
  await page.goto(seeded(url));
  await waitForTitle(page);
  await roomDrawn(cold);
  const out: Partial<Record<SceneName, SceneFigures>> = { title: await measure(cold, windowMs, rate) };
  await startByKeyboard(page, 'Bench Student');
  let phase: Phase = await phaseOf(page);
  for (let i = 0; i < 300 && out.debrief === undefined; i++) {
    if ((SCENES as readonly string[]).includes(phase) && out[phase as SceneName] === undefined) {
      await page.waitForTimeout(600);
      out[phase as SceneName] = await measure(cold, windowMs, rate);
      if (phase === 'debrief') break;
    }
    await pressChoice(page, 1);
    phase = await phaseOf(page);
  }
  const missing = SCENES.filter((s) => out[s] === undefined);
  if (missing.length > 0) throw new Error(`the tour did not reach ${missing.join(', ')}`);
  await page.close();
  return out as Record<SceneName, SceneFigures>;
}

/** The baseline's scene, measured as the game's are. */
export async function tourBaseline(browser: TestBrowser, url: string, windowMs: number, rate: number): Promise<SceneFigures> {
  const cold = await coldPage(browser, url, 1);
  await cold.page.goto(url);
  await roomDrawn(cold);
  const figures = await measure(cold, windowMs, rate);
  await cold.page.close();
  return figures;
}
