import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, newRoom, newTeam, peopleClosedAfterEach, test } from './fixtures';

// A 404 says what is missing: the room or team space a link names, or only a page under one that
// is there (which is then a click away), whatever route the address did or did not match.

const person = peopleClosedAfterEach();
const NO_ROOM = 'AAAAAAAAAAAAAAAAAAAAAA';

/** Opens `url` and expects a 404 whose only heading is `heading`. */
async function notFoundAt(page: Page, url: string, heading: string): Promise<void> {
	const response = await page.goto(url);
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
}

test('a room that does not exist: the room’s words, at its link and under it', async ({
	app,
	browser
}) => {
	const page = await person(browser);
	for (const path of [`/r/${NO_ROOM}`, `/r/${NO_ROOM}/anything`, `/r/${NO_ROOM}/projector/x`]) {
		await notFoundAt(page, `${app.url}${path}`, 'We could not find that room');
		await expect(page.getByText('This room does not exist or has ended.')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Back to the room' })).toHaveCount(0);
	}
});

test('an unknown address under a room that exists: page not found, and a way back to the room', async ({
	app,
	browser
}) => {
	const roomUrl = await newRoom(app.url, 'active-listening-sprint');
	const page = await person(browser);
	for (const path of ['/nonsense', '/projector/nonsense']) {
		await notFoundAt(page, `${roomUrl}${path}`, 'Page not found');
		await expect(page.getByText('There is nothing at this address.')).toBeVisible();
		await expect(page.getByText(/room does not exist/)).toHaveCount(0);
	}
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Back to the room' }).click();
	await expect(page).toHaveURL(roomUrl);
	await expect(page.getByRole('button', { name: 'Join', exact: true })).toBeVisible();
});

test('a team space that does not exist: the team’s words, under its link too', async ({
	app,
	browser
}) => {
	const page = await person(browser);
	await notFoundAt(page, `${app.url}/t/${'A'.repeat(22)}/nonsense`, 'Team link not found');
	await expect(page.getByText('This team link does not exist or has expired.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Back to the team page' })).toHaveCount(0);
});

test('an unknown address under a team space that exists: page not found, and a way back to it', async ({
	app,
	browser
}) => {
	const team = await newTeam(app.url, 'Our team');
	const page = await person(browser);
	await notFoundAt(page, `${team.url}/nonsense`, 'Page not found');
	await expect(page.getByText('There is nothing at this address.')).toBeVisible();
	await page.getByRole('link', { name: 'Back to the team page' }).click();
	await expect(page).toHaveURL(team.url);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Our team');
});

test('any other unknown address: page not found, the playbooks the way on', async ({
	app,
	browser
}) => {
	const page = await person(browser);
	await notFoundAt(page, `${app.url}/no/such/page`, 'Page not found');
	await expect(page.getByText('There is nothing at this address.')).toBeVisible();
	await expect(page.getByRole('link', { name: /^Back to/ })).toHaveCount(0);
	await page.getByRole('link', { name: 'Go to the playbooks' }).click();
	await expect(page).toHaveURL(`${app.url}/`);
});

test('a playbook that does not exist: the playbook’s words', async ({ app, browser }) => {
	const page = await person(browser);
	await notFoundAt(page, `${app.url}/p/no-such-playbook`, 'Page not found');
	await expect(page.getByText('There is no playbook at this address.')).toBeVisible();
	await notFoundAt(page, `${app.url}/practice/start/no-such-playbook`, 'Page not found');
	await expect(page.getByText('There is no playbook at this address.')).toBeVisible();
});
