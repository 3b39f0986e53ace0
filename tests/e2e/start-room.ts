import { expect, type Page } from '@playwright/test';

/**
 * Starts a room of `playbookId` from the library, as its host. A click that lands before the
 * page has hydrated does nothing, so it is tried again until the room's address shows.
 */
export async function startRoomFromLibrary(
	page: Page,
	appUrl: string,
	playbookId: string
): Promise<string> {
	await page.goto(appUrl);
	const start = page
		.locator(`[data-playbook="${playbookId}"]`)
		.getByRole('button', { name: 'Start a room' });
	await expect(async () => {
		await start.click();
		await page.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/, { timeout: 5_000 });
	}).toPass({ timeout: 60_000 });
	return page.url();
}
