/**
 * Every post plays (the posts issue, point 8): each scenario file in scenarios/ opens by the
 * teacher's link, plays through to its debrief by keyboard, with a screenshot of its meeting and of
 * its debrief; the title's chooser lists the other posts and opens one, a link can lock the post,
 * and a link naming no post says so.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, PROJECT_ROOT, type TestBrowser } from './browser.ts';
import { phaseOf, pressChoice, screenshot, seeded, startByKeyboard, waitForTitle, useSite } from './game.ts';

const site = useSite();
let browser: TestBrowser | null = null;
afterEach(async () => {
  await browser?.close();
  browser = null;
});

const DIR = join(PROJECT_ROOT, 'scenarios');
const POSTS = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => {
    const data = parse(readFileSync(join(DIR, f), 'utf8')) as {
      id: string;
      post: { city: string };
      mission?: { rubric: { title: string }[]; places?: { meeting?: string | { place: string }[] } };
    };
    // What the file's mission says the student must see: its own criteria before the game, its own meeting place (one
    // of its places, where the place depends on the state: Rio's meeting is at the Minister's home or at Itamaraty).
    const meeting = data.mission?.places?.meeting;
    const meetingPlaces = meeting === undefined ? null : typeof meeting === 'string' ? [meeting] : meeting.map((p) => p.place);
    return { id: data.id, city: data.post.city, criteria: (data.mission?.rubric ?? []).map((c) => c.title), meetingPlaces };
  });

describe.each(POSTS)('the post $id', ({ id, city, criteria, meetingPlaces }) => {
  it('opens by link and plays through to its debrief by keyboard', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    await page.goto(seeded(`${site().url}?post=${id}`));
    await waitForTitle(page);
    await expect(page.locator('.post-current').innerText()).resolves.toContain(city);
    // "How you will be judged" lists the post's own criteria, as its mission names them, and no other (an information
    // post has no "whole message" to deliver, so no such criterion).
    await expect(page.locator('#how-judged .judged-list li strong').allInnerTexts()).resolves.toEqual(criteria);
    await startByKeyboard(page, `Student at ${city}`);
    let metShot = false;
    for (let i = 0; i < 200 && (await page.locator('#download-log').count()) === 0; i++) {
      if (!metShot && (await phaseOf(page)) === 'meeting') {
        await page.waitForTimeout(600);
        await screenshot(page, `post-${id}-meeting`);
        if (meetingPlaces !== null) {
          const shown = (await page.locator('.phase-place').innerText()).replace(/^\s*·\s*/, '');
          expect(meetingPlaces, 'the meeting happens where the mission puts it').toContain(shown);
        }
        metShot = true;
      }
      await pressChoice(page, 1);
    }
    await expect(page.locator('#debrief-title').count()).resolves.toBe(1);
    await page.waitForTimeout(600);
    await screenshot(page, `post-${id}-debrief`);
    assertNoProblems(`playing ${id}`);
  });
});

describe('choosing a post', () => {
  it('lists the other posts on the title, opens one, locks by link, and says when a link names no post', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    const first = POSTS[0];
    if (!first) throw new Error('no post');
    await page.goto(`${site().url}?post=nowhere`);
    await waitForTitle(page);
    await expect(page.locator('#link-problems').innerText()).resolves.toMatch(/post "nowhere" is not one of this game's posts/);
    const others = POSTS.filter((p) => p.id !== first.id);
    await page.goto(`${site().url}?post=${first.id}&class=9B`);
    await waitForTitle(page);
    await expect(page.locator('.post-list a').count()).resolves.toBe(others.length);
    if (others[0]) {
      await page.locator(`.post-list a[data-post="${others[0].id}"]`).click();
      await page.waitForURL(new RegExp(`post=${others[0].id}`));
      await waitForTitle(page);
      await expect(page.locator('.post-current').innerText()).resolves.toContain(others[0].city);
      await expect(page.locator('#class-code').inputValue(), 'the rest of the link is kept').resolves.toBe('9B');
    }
    await page.goto(`${site().url}?post=${first.id}&lock=post`);
    await waitForTitle(page);
    await expect(page.locator('.post-list').count(), 'a locked post offers no other').resolves.toBe(0);
    assertNoProblems('choosing a post');
  });
});
