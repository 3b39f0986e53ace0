import type { Page } from '@playwright/test';
import { test as base, expect, hostRoom, joinRoom, newRoom, openPerson } from './fixtures';

/**
 * What the specs of a live room's extras share (issue 19.8: tab title, shortcuts, where focus
 * goes after a pause, call link): two people in a fresh room and where to look on their screens.
 */

export { expect };

export const stepOf = (page: Page) => page.locator('[data-step]');
export const timerOf = (page: Page) => page.locator('[data-remaining-ms]');
/** Someone's call card (issue 19.8). */
export const callOf = (page: Page) => page.getByRole('region', { name: 'Video call' });
/**
 * One of a phone's section tabs, by how its name starts (People's carries a count), matched
 * literally. Escaped by hand: `RegExp.escape` is missing before Node 24, and we support 22.13.
 */
export const sectionTab = (page: Page, name: string) =>
	page.getByRole('tab', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });

/** Someone opens their call card's form, no link shared yet, and fills in `link` if given. */
export async function openCallForm(page: Page, link?: string): Promise<void> {
	await callOf(page).getByRole('button', { name: 'Add a call link' }).click();
	if (link !== undefined) await callOf(page).getByLabel('Meeting link').fill(link);
}

/** Someone shares `link` from their call card, its form not open yet. */
export async function shareCallLink(page: Page, link: string): Promise<void> {
	await openCallForm(page, link);
	await callOf(page).getByRole('button', { name: 'Share link' }).click();
}

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

/** How Ana and Ben come into the room (`pairInRoom`). */
export interface PairOptions {
	/** Ana starts the room from the library and holds its host key; else nobody hosts it. */
	hosted?: boolean;
	/** Ben confirms the room's agreements on joining (the default), or leaves them waiting. */
	benAgrees?: boolean;
	/** Ben's screen, when it is not a desktop's. */
	benViewport?: { width: number; height: number };
}

export const test = base.extend<{
	/** Opens someone in a browser context of their own, closed after the test. */
	person: (viewport?: { width: number; height: number }) => Promise<Page>;
	/**
	 * Ana (the Speaker) and Ben (a Listener) joined to a fresh Active Listening Sprint, each in a
	 * browser context of their own, closed after the test.
	 */
	pairInRoom: (options?: PairOptions) => Promise<[Page, Page]>;
}>({
	person: async ({ browser }, use) => {
		const opened: Page[] = [];
		await use(async (viewport) => {
			const page = await openPerson(browser, { viewport });
			opened.push(page);
			return page;
		});
		for (const page of opened) await page.context().close();
	},
	pairInRoom: async ({ app, person }, use) => {
		await use(async ({ hosted = false, benAgrees = true, benViewport } = {}) => {
			const ana = await person();
			const ben = await person(benViewport);
			let url: string;
			if (hosted) url = await hostRoom(ana, app.url, 'Ana');
			else {
				url = await newRoom(app.url, 'active-listening-sprint');
				await ana.goto(url);
				await joinRoom(ana, 'Ana', 'Speaker');
			}
			await ben.goto(url);
			await joinRoom(ben, 'Ben', 'Listener', { agree: benAgrees });
			return [ana, ben];
		});
	}
});
