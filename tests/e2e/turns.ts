import type { Browser, Page } from '@playwright/test';
import { expect } from './fixtures';

/** A person in their own browser context, in `timezoneId`. */
export async function personIn(browser: Browser, timezoneId: string): Promise<Page> {
	const context = await browser.newContext({ timezoneId, viewport: { width: 1200, height: 900 } });
	const page = await context.newPage();
	page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
	return page;
}

/** The room's panel of turns across time zones. */
export const turnsOf = (page: Page) => page.getByRole('region', { name: 'Across time zones' });

/**
 * Starts `playbookId` across time zones from its page, with the windows `hours` names (by the
 * field's label) and the others as they come, and answers the room's address. A click before
 * the page hydrated does nothing, so it is tried again until the address shows.
 */
export async function startAcrossTimeZones(
	page: Page,
	appUrl: string,
	playbookId: string,
	hours: Record<string, string> = {}
): Promise<string> {
	await page.goto(`${appUrl}/p/${playbookId}`);
	await page.getByLabel('Run across time zones').check();
	for (const [label, value] of Object.entries(hours)) await page.getByLabel(label).fill(value);
	await expect(async () => {
		await page.getByRole('button', { name: 'Start a room' }).click();
		await page.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/, { timeout: 5_000 });
	}).toPass({ timeout: 60_000 });
	return page.url();
}
