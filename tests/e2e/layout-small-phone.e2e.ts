import type { Page } from '@playwright/test';
import { expect, joinRoom, newRoom, test } from './fixtures';
import { personAt, SMALL_PHONE } from './layout';
import { cutWords, focusOutline, overflowOf, wholeInRow } from './phone';

/** What is tightest on a small phone: the header's language, a take's tab, the pause's card. */

test('on a small phone the header shows the chosen language uncut, in each language, and still names it in full', async ({
	browser,
	app
}) => {
	const url = await newRoom(app.url, 'role-play-with-reality');
	for (const [locale, name, label] of [
		['en', 'English', 'Language'],
		['de', 'Deutsch', 'Sprache'],
		['es', 'Español', 'Idioma']
	] as const) {
		const context = await browser.newContext({ viewport: SMALL_PHONE, locale });
		const page = await context.newPage();
		await page.goto(url);
		const switcher = page.getByRole('banner').getByRole('combobox', { name: label });
		await expect(switcher).toHaveValue(locale);
		await expect(switcher.getByRole('option', { name, exact: true })).toBeAttached();
		expect(await cutWords(page, 'header.site')).toEqual([]);
		expect(await overflowOf(page, 'header.site')).toEqual({ outside: [], pageScrolls: false });
		await context.close();
	}
});

test('on a small phone the tab of the take a rewind starts is in full view, not cut off at the card’s edge', async ({
	browser,
	app
}) => {
	const page = await personAt(browser, SMALL_PHONE);
	await page.goto(await newRoom(app.url, 'role-play-with-reality'));
	await joinRoom(page, 'Ada', 'Practitioner');
	await page.getByRole('button', { name: 'Next phase' }).click();
	const script = page.getByRole('region', { name: 'Script' });
	await script.getByLabel('Line text').fill('Thanks for making time.');
	await script.getByRole('button', { name: 'Add line' }).click();

	// Each rewind starts a take whose tab ("Take 2 · from line 1 of take 1") comes last.
	for (const take of ['Take 2', 'Take 3']) {
		await script.getByRole('button', { name: 'Rewind to line 1' }).click();
		const tab = script.getByRole('tab', { name: new RegExp(`^${take} `) });
		await expect(tab).toHaveAttribute('aria-selected', 'true');
		expect(await wholeInRow(tab), `${take}'s tab`).toBe(true);
	}
	expect((await overflowOf(page, 'body')).pageScrolls).toBe(false);
	await page.context().close();
});

test('on a phone the pause for everyone opens with focus on its heading and no frame around the screen, also after a reload', async ({
	browser,
	app
}) => {
	const url = await newRoom(app.url, 'role-play-with-reality');
	const people: Page[] = [];
	for (const name of ['Ada', 'Bo']) {
		const page = await personAt(browser, SMALL_PHONE);
		await page.goto(url);
		await joinRoom(page, name);
		people.push(page);
	}
	const [ada, bo] = people as [Page, Page];
	const card = (page: Page) => page.getByRole('dialog', { name: 'Paused for everyone' });
	// A screen reader starts on the pause; the heading is no control, so no ring is drawn.
	const opensOnItsHeading = async (page: Page) => {
		await expect(card(page).getByRole('heading', { name: 'Paused for everyone' })).toBeFocused();
		expect(await focusOutline(page)).toBe('none');
	};

	await ada.getByRole('button', { name: 'Pause for everyone' }).click();
	for (const page of people) await opensOnItsHeading(page);
	// Reloaded, the card opens while Resume still waits for the connection.
	await bo.reload();
	await opensOnItsHeading(bo);
	const resume = card(bo).getByRole('button', { name: 'Resume' });
	await expect(resume).toBeEnabled();
	await bo.keyboard.press('Tab');
	await expect(resume).toBeFocused();
	for (const page of people) await page.context().close();
});
