import type { Browser, Page } from '@playwright/test';
import { expect, joinRoom, newRoom, openPerson } from './fixtures';

/**
 * What the specs of a live room's extras share (issue 19.8: tab title, shortcuts, where focus
 * goes after a pause, call link): people in a fresh room and where to look on their screens.
 */

export const stepOf = (page: Page) => page.locator('[data-step]');
export const timerOf = (page: Page) => page.locator('[data-remaining-ms]');
/** What a shortcut said when it did nothing. */
export const noteOf = (page: Page) => page.locator('.note[role="status"]');

/** Presses Next once it has settled after the last move. */
export async function moveOn(page: Page): Promise<void> {
	const next = page.getByRole('button', { name: /^(Next phase|Start round)/ });
	await expect(next).not.toHaveAttribute('aria-disabled', 'true');
	await next.click();
}

/** Puts keyboard focus where a person reading the room would have it: nowhere in particular. */
export async function focusPage(page: Page): Promise<void> {
	await page.locator('h1').focus();
}

/** Ana (the Speaker) and Ben join a fresh room, both agreeing to its agreements. */
export async function joinPair(appUrl: string, ana: Page, ben: Page): Promise<void> {
	const url = await newRoom(appUrl, 'active-listening-sprint');
	await ana.goto(url);
	await joinRoom(ana, 'Ana', 'Speaker');
	await ben.goto(url);
	await joinRoom(ben, 'Ben');
}

/** Opens `count` people, each in a browser context of their own. */
export async function people(browser: Browser, count: number): Promise<Page[]> {
	const pages: Page[] = [];
	for (let n = 0; n < count; n++) pages.push(await openPerson(browser));
	return pages;
}
