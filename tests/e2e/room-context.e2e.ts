import type { Page } from '@playwright/test';
import { expect, hostRoom, joinRoom, openPerson, test } from './fixtures';

/** Every error thrown on `page` from now on: a room component read before sync throws one. */
function pageErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	return errors;
}

test('the room context: screens follow each other live, and no part of the room is read before it synced', async ({
	app,
	browser
}) => {
	const ana = await openPerson(browser);
	const ben = await openPerson(browser);
	const errors = [ana, ben].map(pageErrors);
	try {
		const url = await hostRoom(ana, app.url, 'Ana');
		await ben.goto(url);
		await joinRoom(ben, 'Ben');

		// What one screen does, the other's components show, read from the context.
		await ben.getByRole('button', { name: 'Raise hand' }).click();
		await expect(ana.getByRole('button', { name: 'Lower Ben’s hand' })).toBeVisible();
		await ana.getByRole('button', { name: 'Next phase' }).click();
		await expect(ben.locator('[data-step]')).toHaveAttribute('data-step', '1');

		// A reload draws the page before the room syncs; leaving and coming back draws it again.
		await ben.reload();
		await expect(ben.locator('[data-step]')).toHaveAttribute('data-step', '1');
		await ana.getByRole('link', { name: 'Session summary' }).click();
		await ana.waitForURL(/\/summary$/);
		await ana.goBack();
		await expect(ana.locator('[data-step]')).toHaveAttribute('data-step', '1');
		await expect(ana.getByRole('button', { name: 'Lower Ben’s hand' })).toBeVisible();

		expect(errors.flat()).toEqual([]);
	} finally {
		await ana.context().close();
		await ben.context().close();
	}
});
