/**
 * Text zoomed to 200 % (issue 10, point 5): a 1280x800 screen zoomed to 200 % lays out as 640x400
 * CSS pixels at 2 device pixels each. On every screen of a game, of the review page and while
 * watching a log, nothing scrolls sideways but the wide tables in their own boxes, no text is cut
 * off, every choice and every line of the story can be scrolled to and read uncovered, and axe-core
 * finds nothing serious in that layout either. Screenshots: artifacts/zoom-200-*.png.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { classLogs } from '../fixtures/class-logs.ts';
import { axeLog as makeAxeLog, WATCHED } from './a11y.ts';
import { openBrowser, type TestBrowser } from './browser.ts';
import { phaseOf, pressChoice, screenshot, seeded, startByKeyboard, waitForTitle, useSite } from './game.ts';

const site = useSite();
let browser: TestBrowser | null = null;
afterEach(async () => {
  await browser?.close();
  browser = null;
});

const axeLog = (): ReturnType<typeof makeAxeLog> => makeAxeLog('zoom');

/**
 * What is lost at this zoom: the page or a main region scrolling sideways, text cut off by a box
 * that hides its overflow, a choice that cannot be scrolled into view uncovered, or a line of the
 * story that cannot be read uncovered. Scrolls the page to look.
 */
async function lostAtZoom(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element): string => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) {
      // Name the innermost boxes that stick out (not those inside a box that scrolls or clips), so the message says where to look.
      const inBox = (el: Element): boolean => {
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
        return false;
      };
      const out = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 && !inBox(el));
      const innermost = out.filter((el) => !out.some((o) => o !== el && el.contains(o))).slice(0, 3);
      problems.push(`the page scrolls sideways (${root.scrollWidth}px in ${root.clientWidth}px; ${innermost.map((el) => `${name(el)} reaches ${Math.round(el.getBoundingClientRect().right)}px`).join(', ')})`);
    }
    for (const el of document.querySelectorAll('#panel, .topbar, .statusbar, #watch-bar, dialog[open], dialog[open] .dialog-body, #main, .layout')) {
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`${name(el)} scrolls sideways (${el.scrollWidth}px in ${el.clientWidth}px)`);
    }
    const hides = (v: string): boolean => v === 'hidden' || v === 'clip';
    for (const el of document.querySelectorAll('body *')) {
      const cs = getComputedStyle(el);
      if (!hides(cs.overflowX) && !hides(cs.overflowY)) continue;
      // Visually hidden text for screen readers is a 1px box on purpose.
      if (el.clientWidth <= 1 || el.clientHeight <= 1 || !(el as HTMLElement).innerText?.trim()) continue;
      const wide = hides(cs.overflowX) && el.scrollWidth > el.clientWidth + 1;
      const tall = hides(cs.overflowY) && el.scrollHeight > el.clientHeight + 1;
      if (wide || tall) problems.push(`text cut off in ${name(el)} (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`);
    }
    // Half a pixel either way is rounding, not loss.
    const vw = root.clientWidth + 1;
    const vh = root.clientHeight + 1;
    // With a window open (modal), what can be read is in it; the page behind it is inert.
    const scope: ParentNode = document.querySelector('dialog[open]') ?? document;
    const uncovered = (x: number, y: number, owner: Element): boolean => {
      const hit = document.elementFromPoint(x, y);
      return hit !== null && (hit === owner || owner.contains(hit));
    };
    for (const [i, b] of [...scope.querySelectorAll('#choices button.choice')].entries()) {
      b.scrollIntoView({ block: 'nearest' });
      const r = b.getBoundingClientRect();
      if (r.top < -1 || r.bottom > vh || r.left < -1 || r.right > vw) problems.push(`choice ${i + 1} does not fit in the window (${Math.round(r.width)}x${Math.round(r.height)})`);
      else if (!uncovered(r.left + r.width / 2, r.top + r.height / 2, b)) problems.push(`choice ${i + 1} is covered when scrolled to`);
      if (b.scrollWidth > b.clientWidth + 1) problems.push(`choice ${i + 1}'s words run out of it`);
    }
    const shown = (el: Element): boolean => el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true });
    for (const [i, p] of [...scope.querySelectorAll(scope === document ? '#dialogue p, .debrief p, .title-screen p' : 'p, dd, .cable-block')].filter(shown).entries()) {
      const range = document.createRange();
      range.selectNodeContents(p);
      const lines = [...range.getClientRects()].filter((l) => l.width > 0);
      for (const which of [0, lines.length - 1]) {
        p.scrollIntoView({ block: which === 0 ? 'start' : 'end' });
        const line = [...range.getClientRects()].filter((l) => l.width > 0)[which];
        if (!line) continue;
        if (line.top < -1 || line.bottom > vh || line.left < -1 || line.right > vw) problems.push(`paragraph ${i + 1}'s ${which === 0 ? 'first' : 'last'} line is outside the window when scrolled to`);
        else if (!uncovered(line.left + Math.min(6, line.width / 2), line.top + line.height / 2, p)) problems.push(`paragraph ${i + 1}'s ${which === 0 ? 'first' : 'last'} line is covered when scrolled to ("${(p.textContent ?? '').slice(0, 40)}…")`);
      }
    }
    root.scrollTop = 0;
    return problems;
  });
}

describe('text zoomed to 200 %', () => {
  // 640x400 CSS pixels at 2 device pixels each: a 1280x800 screen zoomed to 200 %.
  const ZOOMED = { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 };

  it('loses nothing on any screen of a game: nothing scrolls sideways, every choice and every line of the story can be scrolled to and read', async () => {
    browser = await openBrowser(ZOOMED);
    const { page, assertNoProblems } = browser;
    const lost: string[] = [];
    const axe = axeLog();
    // What is lost at 200 %, and what axe finds there (the layout is another one).
    const look = async (screen: string): Promise<void> => {
      await screenshot(page, `zoom-200-${screen}`);
      lost.push(...(await lostAtZoom(page)).map((p) => `${screen}: ${p}`));
      await axe.check(page, `at 200 %: ${screen}`);
    };
    await page.goto(seeded(`${site().url}?variant=counterfactual`));
    await waitForTitle(page);
    await page.locator('#post-map svg').waitFor({ state: 'attached' });
    await look('title');
    await startByKeyboard(page, 'Zoom Doscientos');
    const seen = new Set<string>();
    for (let i = 0; i < 200 && (await page.locator('#download-log').count()) === 0; i++) {
      const phase = await phaseOf(page);
      if (!seen.has(phase)) {
        seen.add(phase);
        await look(phase);
      }
      for (const [what, selector] of [['reason', '#reason'], ['count', '.count-table'], ['vote', '.vote-table']] as const) {
        if (!seen.has(what) && (await page.locator(selector).count()) > 0) {
          seen.add(what);
          await look(what);
        }
      }
      if (phase === 'meeting' && !seen.has('windows')) {
        seen.add('windows');
        for (const [key, selector, screen] of [['c', '#cable-dialog', 'cable'], ['g', '#glossary-dialog', 'glossary'], ['d', '#decisions', 'decisions'], ['b', '#branch-map', 'branch-map']] as const) {
          await page.keyboard.press(key);
          await page.waitForSelector(`${selector}[open]`);
          await page.waitForTimeout(300);
          await look(`${screen}-window`);
          await page.keyboard.press('Escape');
          await page.waitForFunction((s) => !document.querySelector(`${s}[open]`), selector);
        }
      }
      await pressChoice(page, 1);
    }
    await page.locator('.rubric').waitFor();
    await look('debrief');
    expect([...seen].sort()).toEqual(['appointment', 'cable', 'count', 'debrief', 'meeting', 'reason', 'report', 'vote', 'washington', 'windows']);
    expect(lost).toEqual([]);
    axe.assertClean();
    assertNoProblems('at 200 %');
  });

  it('loses nothing on the review page, a student, or while watching a log', async () => {
    browser = await openBrowser(ZOOMED);
    const { page, assertNoProblems } = browser;
    const lost: string[] = [];
    const axe = axeLog();
    // What is lost at 200 %, and what axe finds there (the layout is another one).
    const look = async (screen: string): Promise<void> => {
      await screenshot(page, `zoom-200-${screen}`);
      lost.push(...(await lostAtZoom(page)).map((p) => `${screen}: ${p}`));
      await axe.check(page, `at 200 %: ${screen}`);
    };
    await page.goto(new URL('review.html', site().url).href);
    await page.waitForSelector('body[data-ready="true"]');
    await look('review-empty');
    const logs = await classLogs(4);
    await page.setInputFiles('#import-files', [
      ...logs.map((l) => ({ name: l.name, mimeType: 'application/json', buffer: Buffer.from(l.text) })),
      { name: 'cut-short.json', mimeType: 'application/json', buffer: Buffer.from((logs[1]?.text ?? '').slice(0, 400)) },
    ]);
    await page.waitForSelector('body[data-imported="5"]');
    await look('review-class');
    await page.locator('#class-table .open-student').first().click();
    await page.locator('#student-title').waitFor();
    await look('review-student');

    await page.goto(seeded(site().url));
    await waitForTitle(page);
    await page.locator('#watch-file').setInputFiles(WATCHED);
    await page.waitForSelector('#watch-bar');
    await page.keyboard.press('ArrowRight');
    await look('watching');
    expect(lost).toEqual([]);
    axe.assertClean();
    assertNoProblems('the review page at 200 %');
  });
});
