/**
 * A teacher's link is data: a world the scenario does not have (`?variant=constructor`, a name every
 * object inherits) or a name longer than the form allows is left out, the title says why in one
 * sentence each, and Begin still starts a game with the default world.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, type TestBrowser } from './browser.ts';
import { phaseOf, readSession, seeded, tabTo, waitForTitle, useSite } from './game.ts';

const site = useSite();
let browser: TestBrowser | null = null;

afterEach(async () => {
  await browser?.close();
  browser = null;
});

async function linkProblems(page: Page): Promise<string[]> {
  return page.locator('#link-problems p').allInnerTexts();
}

describe("a teacher's link the game cannot follow", () => {
  it('says what was left out of ?variant=constructor&name=<300 characters>, and Begin starts a game', async () => {
    browser = await openBrowser();
    const { page, assertNoProblems } = browser;
    const url = new URL(site().url);
    url.searchParams.set('variant', 'constructor');
    url.searchParams.set('name', 'N'.repeat(300));
    await page.goto(seeded(url.href));
    await waitForTitle(page);

    await expect(linkProblems(page)).resolves.toEqual([
      `The link's variant "constructor" is not one of this game's worlds, so the first world, "History as it happened", is selected.`,
      "The link's name is 300 characters long, more than the 80 the form allows, so it was left out.",
    ]);
    await expect(page.locator('#student-name').inputValue()).resolves.toBe('');
    await expect(page.locator('#variant-historical').isChecked()).resolves.toBe(true);

    await tabTo(page, '#student-name');
    await page.keyboard.type('Lucía Test');
    await tabTo(page, '#begin');
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-phase="cable"]', { state: 'attached' });
    expect(await phaseOf(page)).toBe('cable');
    await expect(readSession(page)).resolves.toMatchObject({ variant: 'historical' });
    assertNoProblems('with a link naming no world and an over-long name');
  });
});
