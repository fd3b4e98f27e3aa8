/**
 * The keyboard focus ring (WCAG 1.4.11, issue 10 point 5): on every control that Tab reaches on
 * the title, in a phase, in a window, at the debrief, on the review page and in the guide, the ring
 * is drawn, at least 2px wide, and stands out 3:1 or more from the surface around the control.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { classLogs } from '../fixtures/class-logs.ts';
import { openBrowser, type TestBrowser } from './browser.ts';
import { pressChoice, seeded, startByKeyboard, waitForTitle, useSite } from './game.ts';

const site = useSite();
let browser: TestBrowser | null = null;
afterEach(async () => {
  await browser?.close();
  browser = null;
});

/**
 * Presses Tab up to `max` times from where focus is; for each control reached, says what is wrong
 * with its focus ring: none, thinner than 2px, or less than 3:1 against the surface around it
 * (WCAG 1.4.11; the surface is the first opaque background behind the control).
 */
async function weakFocusRings(page: Page, screen: string, max: number): Promise<{ reached: number; weak: string[] }> {
  const weak: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const rgba = (c: string): [number, number, number, number] => {
        const m = /rgba?\(([^)]+)\)/.exec(c);
        const [r = 0, g = 0, b = 0, a = 1] = (m?.[1] ?? '0,0,0,0').split(/[ ,/]+/).filter(Boolean).map(Number);
        return [r, g, b, a];
      };
      const luminance = ([r, g, b]: number[]): number => {
        const [R = 0, G = 0, B = 0] = [r, g, b].map((v) => ((v ?? 0) / 255 <= 0.03928 ? (v ?? 0) / 255 / 12.92 : (((v ?? 0) / 255 + 0.055) / 1.055) ** 2.4));
        return 0.2126 * R + 0.7152 * G + 0.0722 * B;
      };
      let surface = rgba(getComputedStyle(document.body).backgroundColor);
      for (let a = el.parentElement; a; a = a.parentElement) {
        const bg = rgba(getComputedStyle(a).backgroundColor);
        if (bg[3] > 0.5) {
          surface = bg;
          break;
        }
      }
      const cs = getComputedStyle(el);
      const [l1, l2] = [luminance(rgba(cs.outlineColor)), luminance(surface)];
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
      return {
        name: `${name} "${(el.textContent ?? '').trim().slice(0, 30)}"`,
        style: cs.outlineStyle,
        width: parseFloat(cs.outlineWidth),
        contrast: (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05),
      };
    });
    if (!ring || seen.has(ring.name)) continue;
    seen.add(ring.name);
    if (ring.style === 'none' || ring.width < 2) weak.push(`${screen}: ${ring.name} shows no focus ring (${ring.style} ${ring.width}px)`);
    else if (ring.contrast < 3) weak.push(`${screen}: ${ring.name}'s focus ring is ${ring.contrast.toFixed(2)}:1 against the surface around it`);
  }
  return { reached: seen.size, weak };
}

describe('the keyboard focus ring', () => {
  it('stands out 3:1 or more from the surface around every control Tab reaches: title, a phase, a window, the debrief, the review page, the guide', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    const weak: string[] = [];
    const reached: Record<string, number> = {};
    const walk = async (screen: string, max: number): Promise<void> => {
      const r = await weakFocusRings(page, screen, max);
      weak.push(...r.weak);
      reached[screen] = r.reached;
    };
    await page.goto(seeded(site().url));
    await waitForTitle(page);
    await page.locator('#post-map svg').waitFor({ state: 'attached' });
    await walk('title', 40);
    await startByKeyboard(page, 'Foco');
    await page.locator('.stage-status').waitFor({ state: 'hidden', timeout: 30_000 });
    await walk('cable', 20);
    await page.keyboard.press('Escape');
    await page.keyboard.press('c');
    await page.locator('#cable-dialog').waitFor({ state: 'visible' });
    await walk('the cable window', 12);
    await page.keyboard.press('Escape');
    for (let i = 0; i < 200 && (await page.locator('#download-log').count()) === 0; i++) await pressChoice(page, 1);
    await walk('debrief', 40);
    await page.goto(new URL('review.html', site().url).href);
    await page.waitForSelector('body[data-ready="true"]');
    const logs = await classLogs(2);
    await page.setInputFiles('#import-files', logs.map((l) => ({ name: l.name, mimeType: 'application/json', buffer: Buffer.from(l.text) })));
    await page.waitForSelector('body[data-imported="2"]');
    await walk('review', 40);
    await page.goto(`${site().url}guide.html`);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    await walk('guide', 40);
    for (const [screen, n] of Object.entries(reached)) expect(n, `Tab reached controls on ${screen}`).toBeGreaterThan(3);
    expect(weak).toEqual([]);
    assertNoProblems('walking the focus');
  });
});
