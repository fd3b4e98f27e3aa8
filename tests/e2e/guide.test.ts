/**
 * The teacher guide (issue 10, point 7) in a real Chromium: every section is there, the posts and
 * the vocabulary are the game's own (read here from the scenario files), the questions cover every
 * phase and the plan fills 45 minutes, the link builder works by keyboard and its link opens the
 * game as set, the title and the review page link to the guide and back, axe-core finds nothing
 * serious, the page reflows at 200 % zoom, and it prints without the page furniture and the form.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { PHASES } from '../../src/core/scenario/schema.ts';
import { ARTIFACTS, openBrowser, PROJECT_ROOT, type TestBrowser } from './browser.ts';
import { formatAxe, readSession, runAxe, screenshot, startByKeyboard, tabTo, useSite, waitForTitle } from './game.ts';

const site = useSite();
let browser: TestBrowser | null = null;
afterEach(async () => {
  await browser?.close();
  browser = null;
});

const SECTIONS = ['objectives', 'background', 'vocabulary', 'assign', 'logs', 'lms', 'questions', 'plan'];

interface PostFile {
  id: string;
  city: string;
  country: string;
  lon: number;
  worlds: string[];
}

/** Every post as the registry (src/content.ts) lists it: each scenarios/*.yaml, west to east. */
const POSTS: PostFile[] = readdirSync(join(PROJECT_ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const data = parse(readFileSync(join(PROJECT_ROOT, 'scenarios', f), 'utf8')) as {
      id: string;
      post: { city: string; country: string; lon?: number };
      variants: Record<string, unknown>;
    };
    return { id: data.id, city: data.post.city, country: data.post.country, lon: data.post.lon ?? 0, worlds: Object.keys(data.variants) };
  })
  .sort((a, b) => a.lon - b.lon || a.country.localeCompare(b.country));

const TERMS = (parse(readFileSync(join(PROJECT_ROOT, 'scenarios', 'shared', 'glossary.yaml'), 'utf8')) as { terms: { term: string }[] }).terms.map((t) => t.term);

async function openGuide(page: Page): Promise<void> {
  await page.goto(`${site().url}guide.html`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
}

/** Presses `key` on the focused control until `done` holds; fails after `max` presses. */
async function pressUntil(page: Page, key: string, done: () => Promise<boolean>, what: string, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await done()) return;
    await page.keyboard.press(key);
  }
  if (!(await done())) throw new Error(`${key} pressed ${max} times did not reach ${what}`);
}

describe('the teacher guide', () => {
  it('has every section, one h1, headings in order, landmarks and a skip link, and no serious axe-core violation', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    await openGuide(page);

    for (const id of SECTIONS) {
      const section = page.locator(`main section#${id}`);
      await expect(section.count(), `section #${id}`).resolves.toBe(1);
      await expect(section.locator('h2').first().isVisible(), `#${id} has a visible h2`).resolves.toBe(true);
      await expect(section.locator('.needs-script').count(), `#${id} was filled`).resolves.toBe(0);
    }
    const objectives = await page.locator('#objectives ol.objectives > li').count();
    expect(objectives).toBeGreaterThanOrEqual(4);
    expect(objectives).toBeLessThanOrEqual(6);
    for (const words of ['the crisis and the vote in the OAS', 'The IL-28 bombers', 'Circular 938, Monday 19 November', 'Khrushchev', 'The press conference at 6 p.m.', 'The quarantine lifted']) {
      await expect(page.locator('#background h3', { hasText: words }).count(), `background: ${words}`).resolves.toBe(1);
    }
    await expect(page.locator('#background .src').count(), 'the background cites its sources').resolves.toBeGreaterThan(10);
    for (const words of ['circular938-scorm.zip', 'circular938-offline.html', 'npm run logs -- verify', 'npm run logs -- csv', 'npm run logs -- xapi', 'SCORM package', 'Package file']) {
      await expect(page.locator('#logs, #lms').filter({ hasText: words }).count(), `logs and LMS mention ${words}`).resolves.toBeGreaterThan(0);
    }
    // Moodle grades out of 100 unless told: the raw score (0 to 15) is the grade.
    await expect(page.locator('#lms ol.steps li', { hasText: 'Maximum grade' }).innerText()).resolves.toMatch(/Maximum grade to 15/);
    // The package and the one-file game are linked where the guide speaks of them, and are there beside it.
    for (const file of ['circular938-scorm.zip', 'circular938-offline.html']) {
      const hrefs = await page.locator(`#lms a[href="./${file}"]`).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.length, `#lms links ${file}`).toBeGreaterThan(0);
      const response = await page.request.get(hrefs[0] ?? '');
      expect(response.status(), `${file} is served beside the guide`).toBe(200);
    }
    // The guide promises the browsers the README does, no more.
    await expect(page.locator('#lms').innerText()).resolves.not.toMatch(/Firefox|Safari/);
    await expect(page.locator('table.params th', { hasText: 'mode=class' }).count(), 'the link table has mode=class').resolves.toBe(1);

    const headings = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((els) => els.map((e) => Number(e.tagName.slice(1))));
    expect(headings.filter((l) => l === 1)).toHaveLength(1);
    expect(headings[0]).toBe(1);
    headings.forEach((level, i) => {
      if (i > 0) expect(level, `heading ${i + 1} does not skip a level`).toBeLessThanOrEqual((headings[i - 1] ?? 1) + 1);
    });
    await expect(page.locator('header.topbar').count()).resolves.toBe(1);
    await expect(page.locator('main#main').count()).resolves.toBe(1);
    await expect(page.locator('nav[aria-label="Pages"]').count()).resolves.toBe(1);
    await expect(page.locator('body > footer').count()).resolves.toBe(1);

    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('skip-link');
    await expect(page.locator('.skip-link').isVisible(), 'the skip link shows when focused').resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');

    const axe = await runAxe(page, 'guide');
    expect(axe, formatAxe(axe)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'guide', true);
    assertNoProblems('the guide');
  });

  it("lists the registry's posts with their worlds and local deadlines, and the glossary's terms", async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    await openGuide(page);

    const rows = await page.locator('#posts tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-post'),
        place: tr.querySelector('th')?.textContent,
        worlds: Array.from(tr.querySelectorAll('.worlds code'), (c) => c.textContent),
        deadline: tr.querySelectorAll('td')[2]?.textContent,
      })),
    );
    expect(rows.map((r) => r.id)).toEqual(POSTS.map((p) => p.id));
    expect(rows.map((r) => r.place)).toEqual(POSTS.map((p) => `${p.city}, ${p.country}`));
    expect(rows.map((r) => r.worlds)).toEqual(POSTS.map((p) => p.worlds));
    for (const r of rows) expect(r.deadline).toMatch(/^Tue \d\d:\d\d$/);
    const mexico = rows.find((r) => r.id === 'mexico');
    if (mexico) expect(mexico.deadline, 'Mexico City is an hour behind Washington').toBe('Tue 17:00');
    const options = await page.locator('#lb-post option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options, 'the link builder offers the same posts').toEqual(['', ...POSTS.map((p) => p.id)]);
    const shared = POSTS[0]?.worlds.filter((w) => POSTS.every((p) => p.worlds.includes(w))) ?? [];
    await expect(page.locator('#variant-ids code').allInnerTexts(), 'the variant parameter names the worlds every post has').resolves.toEqual(shared);

    await expect(page.locator('#vocabulary .term dt strong').allInnerTexts()).resolves.toEqual(TERMS);
    await expect(page.locator('#vocabulary .term dd.src').count(), 'every term has its source').resolves.toBe(TERMS.length);
    assertNoProblems('the lists');
  });

  it('asks two or three questions for every phase, and plans a period of 45 minutes', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    await openGuide(page);
    const phases = await page.locator('#questions .phase-questions').evaluateAll((els) =>
      els.map((e) => ({ phase: e.getAttribute('data-phase'), heading: e.querySelector('h3')?.tagName, questions: e.querySelectorAll('li').length })),
    );
    expect(phases.map((p) => p.phase)).toEqual([...PHASES]);
    for (const p of phases) {
      expect(p.heading).toBe('H3');
      expect(p.questions, `${p.phase ?? ''} questions`).toBeGreaterThanOrEqual(2);
      expect(p.questions, `${p.phase ?? ''} questions`).toBeLessThanOrEqual(3);
    }
    const minutes = await page.locator('#plan-blocks tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-minutes'))));
    expect(minutes.reduce((a, b) => a + b, 0)).toBe(45);
    const ranges = await page.locator('#plan-blocks tbody tr td:first-child').evaluateAll((tds) => tds.map((td) => td.firstChild?.textContent));
    expect(ranges[0]).toMatch(/^0–/);
    expect(ranges.at(-1)).toMatch(/–45$/);
    await expect(page.locator('#plan-blocks tfoot').innerText()).resolves.toContain('45 min');
    assertNoProblems('the questions and the plan');
  });

  it('builds a link by keyboard, copies it, and the link opens the game at that post, world, class, seed and modes', async () => {
    browser = await openBrowser();
    const { page, context, assertNoProblems } = browser;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site().url).origin });
    await openGuide(page);
    const target = POSTS.at(-1);
    if (!target) throw new Error('no post');
    const world = target.worlds.at(-1) ?? '';

    // Every control of the form is labelled (radios by their own labels inside the fieldset).
    const unlabelled = await page.locator('#link-form input, #link-form select').evaluateAll((els) =>
      els.filter((e) => ((e as HTMLInputElement).labels?.length ?? 0) === 0).map((e) => e.id),
    );
    expect(unlabelled).toEqual([]);

    await tabTo(page, '#lb-post', 80);
    await pressUntil(page, 'ArrowDown', async () => (await page.locator('#lb-post').inputValue()) === target.id, `the post ${target.id}`);
    await tabTo(page, '#lb-lock');
    await page.keyboard.press('Space');
    await tabTo(page, '#lb-world-0');
    await pressUntil(page, 'ArrowDown', async () => (await page.locator(`#link-form input[name="world"][value="${world}"]`).isChecked()), `the world ${world}`);
    await tabTo(page, '#lb-class');
    await page.keyboard.type('9B');
    await tabTo(page, '#lb-seed');
    await page.keyboard.type('x938');
    await expect(page.locator('#lb-seed').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#lb-seed-error').innerText()).resolves.toBe('A seed is a whole number from 0 to 4294967295, digits only.');
    await expect(page.locator('#lb-copy').isDisabled(), 'no link to copy while a field is wrong').resolves.toBe(true);
    await expect(page.locator('#lb-link').inputValue()).resolves.toBe('');
    await page.keyboard.press('Home');
    await page.keyboard.press('Delete');
    await expect(page.locator('#lb-seed').getAttribute('aria-invalid')).resolves.toBeNull();
    await tabTo(page, '#lb-rewind');
    await pressUntil(page, 'ArrowDown', async () => (await page.locator('#lb-rewind').inputValue()) === 'look', 'rewind look');
    await tabTo(page, '#lb-reasons');
    await page.keyboard.press('Space');

    const expected = `${site().url}index.html?post=${target.id}&lock=post&variant=${world}&class=9B&seed=938&rewind=look&reasons=required`;
    await expect(page.locator('#lb-link').inputValue()).resolves.toBe(expected);
    await screenshot(page, 'guide-link-builder');
    await tabTo(page, '#lb-copy');
    await page.keyboard.press('Enter');
    await expect(page.locator('#lb-status').innerText()).resolves.toMatch(/^Copied\./);
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(expected);

    await tabTo(page, '#lb-open');
    const opened = context.waitForEvent('page');
    await page.keyboard.press('Enter');
    const game = await opened;
    await game.waitForLoadState();
    expect(game.url()).toBe(expected);
    await waitForTitle(game);
    await expect(game.locator('.post-current').innerText()).resolves.toContain(target.city);
    await expect(game.locator('.post-list').count(), 'the post is locked').resolves.toBe(0);
    await expect(game.locator('#class-code').inputValue()).resolves.toBe('9B');
    await expect(game.locator(`#variant-${world}`).isChecked()).resolves.toBe(true);
    await expect(game.locator('#link-problems').count(), 'the game took every value').resolves.toBe(0);
    const modes = await game.evaluate(() => (globalThis as unknown as { circular938: { store: { getState(): { modes: unknown } } } }).circular938.store.getState().modes);
    expect(modes).toEqual({ rewind: 'look', reasons: 'required' });
    await startByKeyboard(game, 'Guide Test');
    await expect(readSession(game)).resolves.toMatchObject({ scenarioId: target.id, seed: 938, variant: world });
    assertNoProblems('the link builder and its link');
  });

  it('is linked from the title and from the review page, and links back to both', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    await page.goto(site().url);
    await waitForTitle(page);
    await expect(page.locator('#guide-link').innerText()).resolves.toBe('Teacher guide');
    await tabTo(page, '#guide-link', 80);
    await page.keyboard.press('Enter');
    await page.waitForURL(/guide\.html$/);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    await expect(page.locator('h1').innerText()).resolves.toMatch(/guide for the teacher/);

    await page.locator('#to-review').click();
    await page.waitForURL(/review\.html$/);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    await page.locator('#to-guide').click();
    await page.waitForURL(/guide\.html$/);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    await page.locator('#back-to-game').click();
    await page.waitForURL(/index\.html$/);
    await waitForTitle(page);
    assertNoProblems('the links between the pages');
  });

  it('reflows at 200 % zoom: nothing scrolls sideways but the wide tables in their own boxes', async () => {
    // 640x400 CSS pixels at 2 device pixels each: a 1280x800 screen zoomed to 200 %.
    browser = await openBrowser({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    const { page, assertNoProblems } = browser;
    await openGuide(page);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll, 'the page is no wider than the window').toBeLessThanOrEqual(widths.client);
    const overflowing = await page.locator('main *').evaluateAll((els) =>
      els
        .filter((e) => !e.closest('.table-scroll, pre'))
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${String(e.className)}`),
    );
    expect(overflowing).toEqual([]);
    await page.locator('#assign').scrollIntoViewIfNeeded();
    await screenshot(page, 'guide-200');
    await page.locator('#link-builder').scrollIntoViewIfNeeded();
    await screenshot(page, 'guide-200-builder');
    assertNoProblems('the guide at 200 %');
  });

  it('prints the guide alone: no navigation, no form, the questions and the plan each from a new page', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    await openGuide(page);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['header.topbar', 'nav.toc', '#link-builder', '#builder-title', '#print-guide', 'body > footer']) {
      await expect(page.locator(hidden).isVisible(), `${hidden} is not printed`).resolves.toBe(false);
    }
    for (const id of SECTIONS) await expect(page.locator(`#${id}`).isVisible(), `#${id} is printed`).resolves.toBe(true);
    await expect(page.locator('#questions').evaluate((e) => getComputedStyle(e).breakBefore)).resolves.toBe('page');
    await expect(page.locator('#plan').evaluate((e) => getComputedStyle(e).breakBefore)).resolves.toBe('page');
    // On an A4 page's width (180 mm of text, about 680 px) no command is cut off at the right.
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 680, height: viewport?.height ?? 800 });
    const cut = await page.locator('pre').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent?.slice(0, 40)));
    expect(cut, 'every pre wraps in print').toEqual([]);
    if (viewport) await page.setViewportSize(viewport);
    await screenshot(page, 'guide-print', true);
    const pages: Record<string, number> = {};
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      writeFileSync(join(ARTIFACTS, `guide-${format.toLowerCase()}.pdf`), pdf);
      pages[format] = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    }
    process.stdout.write(`[guide] printed pages: ${JSON.stringify(pages)}\n`);
    for (const n of Object.values(pages)) expect(n).toBeGreaterThan(3);
    await page.emulateMedia({ media: 'screen' });
    assertNoProblems('printing the guide');
  });
});
