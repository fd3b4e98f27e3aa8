/**
 * Every screen fits a school laptop: at 1366x768, at a 1280x800 laptop zoomed to 150 % (853x533
 * CSS pixels at 1.5 device pixels each) and at 800x600, the story's first line and the last
 * choice are in the window, uncovered, without scrolling the page or the panel, at the first node
 * of every phase. A screenshot of each lands in tests/e2e/artifacts/layout-<size>-<phase>.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openBrowser } from './browser.ts';
import { nodeOf, phaseOf, pressChoice, screenshot, seeded, startByKeyboard, tabTo, waitForTitle, type Phase, useSite } from './game.ts';

const SIZES = [
  { name: '1366x768', viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 },
  { name: '853x533@1.5', viewport: { width: 853, height: 533 }, deviceScaleFactor: 1.5 },
  { name: '800x600', viewport: { width: 800, height: 600 }, deviceScaleFactor: 1 },
] as const;
const PHASES: Phase[] = ['cable', 'appointment', 'meeting', 'report', 'washington', 'debrief'];
const MAX_STEPS = 200;

const site = useSite();

interface Fit {
  node: string;
  problems: string[];
}

/** Where the story's first line and the last choice are, and whether anything had to scroll. */
async function measureFit(page: Page): Promise<Fit> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const vw = innerWidth;
    const vh = innerHeight;
    const inside = (r: DOMRect): boolean => r.top >= 0 && r.left >= 0 && r.bottom <= vh && r.right <= vw;
    const show = (r: DOMRect): string => `top ${Math.round(r.top)}, bottom ${Math.round(r.bottom)} in a ${vw}x${vh} window`;
    const uncovered = (r: DOMRect, owner: Element): boolean => {
      const hit = document.elementFromPoint(r.left + Math.min(8, r.width / 2), r.top + r.height / 2);
      return hit !== null && (owner === hit || owner.contains(hit));
    };
    if (scrollY !== 0 || document.scrollingElement!.scrollTop !== 0) problems.push(`the page is scrolled by ${scrollY}px`);
    if (document.documentElement.scrollHeight > vh) problems.push(`the page is ${document.documentElement.scrollHeight}px tall in a ${vh}px window`);
    const panel = document.querySelector('#panel');
    if (panel && panel.scrollTop !== 0) problems.push(`the panel is scrolled by ${panel.scrollTop}px`);

    const paragraph = document.querySelector('#dialogue p:not(.speaker)') ?? document.querySelector('#dialogue p, #debrief-title');
    if (!paragraph) problems.push('no story text');
    else {
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      const line = range.getClientRects()[0];
      if (!line) problems.push('the story text has no line box');
      else {
        if (!inside(line)) problems.push(`the story's first line is outside the window (${show(line)})`);
        else if (!uncovered(line, paragraph)) problems.push("the story's first line is covered");
      }
    }
    const choices = document.querySelectorAll('#choices button.choice');
    const last = choices[choices.length - 1];
    if (last) {
      const r = last.getBoundingClientRect();
      if (!inside(r)) problems.push(`the last choice is outside the window (${show(r)})`);
      else if (!uncovered(r, last)) problems.push('the last choice is covered');
    }
    return { node: document.body.dataset['node'] ?? '', problems };
  });
}

/** Terms followed by punctuation on the screen, and any whose punctuation starts a line of its own. */
function termStops(page: Page): Promise<{ seen: number; broken: string[] }> {
  return page.evaluate(() => {
    const broken: string[] = [];
    const stops = [...document.querySelectorAll('#panel .term-with-stop')];
    for (const t of stops) {
      const button = t.querySelector('button');
      const text = t.lastChild;
      if (!button || !text || text.nodeType !== Node.TEXT_NODE) continue;
      const range = document.createRange();
      range.selectNodeContents(text);
      const stop = range.getClientRects()[0];
      const lines = button.getClientRects();
      const last = lines[lines.length - 1];
      if (stop && last && Math.abs(stop.top - last.top) > 2) broken.push(`"${text.textContent ?? ''}" after "${button.textContent ?? ''}"`);
    }
    return { seen: stops.length, broken };
  });
}

describe('every screen fits a school laptop', () => {
  for (const size of SIZES) {
    it(`shows the story's first line and the last choice without scrolling at ${size.name}`, async () => {
      const browser = await openBrowser({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });
      try {
        const { page } = browser;
        await page.goto(seeded(site().url));
        await waitForTitle(page);
        await screenshot(page, `layout-${size.name}-title`);
        await tabTo(page, '#student-name');
        await page.keyboard.type('Layout Test');
        await page.keyboard.press('Enter');
        await page.waitForSelector('body[data-phase="cable"]', { state: 'attached' });

        const fits = new Map<Phase, Fit>();
        const taken = new Map<string, Set<number>>();
        let stopsSeen = 0;
        const stopsBroken: string[] = [];
        for (let step = 0; step < MAX_STEPS; step++) {
          const stops = await termStops(page);
          stopsSeen += stops.seen;
          const at = await nodeOf(page);
          stopsBroken.push(...stops.broken.map((b) => `${at}: ${b}`));
          const phase = await phaseOf(page);
          if (PHASES.includes(phase) && !fits.has(phase)) {
            fits.set(phase, await measureFit(page));
            await screenshot(page, `layout-${size.name}-${phase}`);
          }
          if (phase === 'debrief') break;
          // The first choice not yet taken at this node, so that loops are left.
          const node = await nodeOf(page);
          const count = await page.locator('#choices button.choice').count();
          const seen = taken.get(node) ?? new Set<number>();
          let pick = 0;
          while (pick < count - 1 && seen.has(pick)) pick++;
          taken.set(node, seen.add(pick));
          await pressChoice(page, Math.min(pick, 8) + 1);
        }
        expect([...fits.keys()], 'the path went through every phase').toEqual(PHASES);
        const bad = [...fits].filter(([, f]) => f.problems.length > 0).map(([phase, f]) => `${phase} (${f.node}): ${f.problems.join('; ')}`);
        expect(bad, `at ${size.name}`).toEqual([]);
        // A glossary term's comma or full stop stays on the term's line (dom.ts, richText).
        expect(stopsSeen, 'terms followed by punctuation on the way').toBeGreaterThan(0);
        expect(stopsBroken, `punctuation on a line of its own at ${size.name}`).toEqual([]);
        browser.assertNoProblems(`at ${size.name}`);
      } finally {
        await browser.close();
      }
    });
  }
});

describe('the reason asked for beside the choices', () => {
  it('is scrolled clear of the choices, which stay at the panel\'s bottom, when it takes the focus', async () => {
    const browser = await openBrowser({ viewport: { width: 1280, height: 800 } });
    try {
      const { page } = browser;
      await page.goto(seeded(site().url));
      await waitForTitle(page);
      await startByKeyboard(page, 'Reason Test');
      // The first decision that asks why (Mexico City: whom the circular lets us see).
      for (let step = 0; step < 20 && (await page.locator('#reason').count()) === 0; step++) await pressChoice(page, 1);
      await expect(page.locator('#reason').count()).resolves.toBe(1);
      await page.locator('#choices button.choice').first().focus();
      await page.keyboard.press('Shift+Tab');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('reason');
      await page.keyboard.type('Because either of them can answer for Mexico.');
      const gap = await page.evaluate(() => {
        const box = document.querySelector('#reason')!.getBoundingClientRect();
        const choices = document.querySelector('#choices')!.getBoundingClientRect();
        const panel = document.querySelector('#panel')!.getBoundingClientRect();
        return { belowChoices: choices.top - box.bottom, belowPanelTop: box.top - panel.top };
      });
      await screenshot(page, 'layout-reason-focused');
      expect(gap.belowChoices, 'the field ends above the choices').toBeGreaterThanOrEqual(0);
      expect(gap.belowPanelTop, 'the field starts inside the panel').toBeGreaterThanOrEqual(0);
      browser.assertNoProblems('writing a reason');
    } finally {
      await browser.close();
    }
  });
});

describe('the 12-hour clock', () => {
  it('switches every time in the clock bar by keyboard, and is remembered across a reload', async () => {
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await page.goto(seeded(site().url));
      await waitForTitle(page);
      const bar = page.locator('.clock-bar');
      const toggle = page.locator('#clock-format');
      await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
      await expect(bar.innerText()).resolves.toContain('Tue 17:00 local · 18:00 Washington');
      await tabTo(page, '#clock-format');
      await page.keyboard.press('Enter');
      await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
      const twelve = await bar.innerText();
      expect(twelve).toContain('Tue 5:00 p.m. local · 6:00 p.m. Washington');
      expect(twelve).toMatch(/Mon 19 Nov \d{1,2}:\d{2} [ap]\.m\./);
      expect(twelve, 'no 24-hour time is left').not.toMatch(/\b([01]\d|2[0-3]):\d{2}\b(?! [ap]\.m\.)/);

      await page.reload();
      await waitForTitle(page);
      await expect(toggle.getAttribute('aria-pressed'), 'remembered after a reload').resolves.toBe('true');
      await expect(bar.innerText()).resolves.toContain('5:00 p.m. local');
      await page.keyboard.press('Tab');
      await tabTo(page, '#clock-format');
      await page.keyboard.press('Space');
      await expect(bar.innerText()).resolves.toContain('Tue 17:00 local');
      browser.assertNoProblems('switching the clock');
    } finally {
      await browser.close();
    }
  });
});
