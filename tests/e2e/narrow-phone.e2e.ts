// The smallest phones in use (320 px wide) in each language the app ships: long German and
// Spanish words in a room's title or a button must not push the page sideways.
import type { Page } from '@playwright/test';
import { expect, hydrated, newRoom, test } from './fixtures';
import { overflowOf } from './phone';

const NARROW_PHONE = { width: 320, height: 640 };
/** A small phone's screen (many Android phones). */
const SMALL_PHONE = { width: 360, height: 640 };
const LOCALES = ['en', 'de', 'es'] as const;

/** Joins the room open in `page` under the suggested role, whatever the page's language. */
async function joinAnyLanguage(page: Page, name: string): Promise<void> {
	await page.locator('#display-name').fill(name);
	await page.locator('form.join button[type="submit"]').click();
	await page.locator('section.gate button.primary').click();
	await expect(page.locator('[data-step]')).toBeVisible();
}

/** The words of the room's title that the page breaks across lines. */
const brokenTitleWords = (page: Page) =>
	page.locator('.room-title h1').evaluate((title) => {
		const text = title.firstChild;
		const words = (title.textContent ?? '').split(' ');
		const range = document.createRange();
		let at = 0;
		return words.filter((word) => {
			if (!text) return false;
			range.setStart(text, at);
			range.setEnd(text, at + word.length);
			at += word.length + 1;
			return range.getClientRects().length > 1;
		});
	});

test('at 320 px nothing scrolls sideways in any language, on the join form or in the room, and the header keeps one row; at 360 px the timer’s buttons share one row', async ({
	browser,
	app
}) => {
	// Titles with long words ("Rollenspiel", "Dankbarkeitsrunde", "agradecimiento"); the room
	// joined is the last.
	const rooms = [
		await newRoom(app.url, 'role-play-with-reality'),
		await newRoom(app.url, 'gratitude-circle')
	];
	for (const locale of LOCALES) {
		const context = await browser.newContext({
			viewport: NARROW_PHONE,
			locale,
			hasTouch: true,
			isMobile: true
		});
		const page = await context.newPage();
		for (const url of rooms) {
			await page.goto(url);
			await hydrated(page);
			await expect(page.locator('#display-name')).toBeVisible();
			// The mark, the links and the language on one row, as on larger phones.
			const header = await page.locator('header.site').boundingBox();
			expect.soft(header?.height, `${locale}: the header's height`).toBeLessThan(60);
			expect.soft(await overflowOf(page, 'body'), `${locale}: the join form`).toEqual({
				outside: [],
				pageScrolls: false
			});
		}
		await joinAnyLanguage(page, `Ana ${locale}`);
		// The buttons make way (under the title) rather than the title's words breaking.
		expect.soft(await brokenTitleWords(page), `${locale}: the title's broken words`).toEqual([]);
		expect.soft(await overflowOf(page, 'body'), `${locale}: the room`).toEqual({
			outside: [],
			pageScrolls: false
		});
		// A timer of ten minutes or more: the widest time beside the timer's state.
		const addMinute = page.locator('.timer-buttons button').nth(1);
		const remaining = page.locator('[data-remaining-ms]');
		while (Number(await remaining.getAttribute('data-remaining-ms')) < 600_000) {
			const before = await remaining.getAttribute('data-remaining-ms');
			await addMinute.click();
			await expect(remaining).not.toHaveAttribute('data-remaining-ms', before ?? '');
		}
		expect.soft(await overflowOf(page, 'body'), `${locale}: the room, 10:00 left`).toEqual({
			outside: [],
			pageScrolls: false
		});

		await page.setViewportSize(SMALL_PHONE);
		const rows = await page
			.locator('.timer-buttons button')
			.evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect().top));
		expect.soft(new Set(rows).size, `${locale}: rows of the timer's buttons`).toBe(1);
		await context.close();
	}
});
