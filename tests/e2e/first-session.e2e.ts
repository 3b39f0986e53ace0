import type { Page } from '@playwright/test';
import { expect, joinRoom, newRoom, openPerson, test } from './fixtures';

/** "My practice" in a new tab of the same browser, so it reads the same journal. */
async function openPractice(person: Page): Promise<Page> {
	const practice = await person.context().newPage();
	await practice.goto(new URL('/practice', person.url()).href);
	await expect(practice.getByRole('heading', { name: 'My practice' })).toBeVisible();
	return practice;
}

const firstSessionBadge = (page: Page) => page.locator('[data-badge="first-session"]');
const sessionsTotal = (page: Page) => page.locator('[data-total="sessions"]');

test.afterEach(async ({ browser }) => {
	for (const context of browser.contexts()) await context.close();
});

test('taking part without writing anything counts one session and earns the First session badge', async ({
	app,
	browser
}) => {
	const roomUrl = await newRoom(app.url, 'active-listening-sprint');
	const ana = await openPerson(browser);
	await ana.goto(roomUrl);
	// Joined, but the agreements not yet confirmed: that is not taking part.
	await joinRoom(ana, 'Ana', undefined, { agree: false });
	const practice = await openPractice(ana);
	await expect(sessionsTotal(practice)).toHaveText('0');
	await expect(firstSessionBadge(practice)).not.toContainText('Earned');

	await ana.getByRole('button', { name: 'I agree' }).click();
	await expect(ana.locator('[data-step]')).toBeVisible();
	// The open page follows the journal: the session lands without writing anything.
	await expect(firstSessionBadge(practice)).toContainText('Earned');
	await expect(sessionsTotal(practice)).toHaveText('1');

	// Ana leaves the room; the journal keeps it, counted once.
	await ana.close();
	await practice.reload();
	await expect(firstSessionBadge(practice)).toContainText('Earned');
	await expect(sessionsTotal(practice)).toHaveText('1');
	await expect(practice.getByRole('img', { name: /Sessions per week/ })).toHaveAccessibleName(
		/1 session in the last 12 weeks/
	);
});

test('erasing the room erases the record that this person took part in it', async ({
	app,
	browser
}) => {
	// Started through the API: no host, so the one person present erases it by agreeing.
	const roomUrl = await newRoom(app.url, 'active-listening-sprint');
	const ana = await openPerson(browser);
	await ana.goto(roomUrl);
	await joinRoom(ana, 'Ana');
	const practice = await openPractice(ana);
	await expect(sessionsTotal(practice)).toHaveText('1');

	await ana.getByRole('button', { name: 'Agree to erase the room', exact: true }).click();
	await expect(ana.getByRole('heading', { name: 'This room has been erased' })).toBeVisible();
	await expect(sessionsTotal(practice)).toHaveText('0');
	await expect(firstSessionBadge(practice)).not.toContainText('Earned');
});
