import type { Page } from '@playwright/test';
import { CLOSE_WORDS } from '../../src/lib/client/doc-close';
import { expect, joinRoom, peopleClosedAfterEach, test } from './fixtures';

const notesOf = (page: Page) => page.locator('#notes');
const projectorLinkOf = (page: Page) =>
	page.getByRole('link', { name: 'Open the projector view in a new tab' });

/** Every page a test opened, closed after it whatever happened. */
const person = peopleClosedAfterEach();

test('[S20, Y11] a removal stops the removed person’s projector and the host gets a new link; a lock keeps the others writing and tells a newcomer', async ({
	app,
	browser
}) => {
	const host = await person(browser);
	await host.goto(app.url);
	const card = host.locator('[data-playbook="active-listening-sprint"]');
	await card.getByRole('button', { name: 'Start a room' }).click();
	await host.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/);
	const roomUrl = host.url();
	await joinRoom(host, 'Ada', 'Speaker');
	const guest = await person(browser);
	await guest.goto(roomUrl);
	await joinRoom(guest, 'Bo', 'Listener');
	const removed = await person(browser);
	await removed.goto(roomUrl);
	await joinRoom(removed, 'Cy');

	// Cy puts the room on a screen of his own with the projector link every join hands out.
	const oldLink = await projectorLinkOf(removed).getAttribute('href');
	const screen = await person(browser);
	await screen.goto(new URL(oldLink!, roomUrl).href);
	await expect(screen.locator('[data-remaining-ms]')).toBeVisible();

	await host.getByRole('button', { name: 'Remove Cy' }).click();
	await host.getByRole('button', { name: 'Confirm' }).click();
	await expect(
		removed.getByRole('heading', { name: 'You are no longer in this room' })
	).toBeVisible();
	await expect(screen.getByText(CLOSE_WORDS.projectorReplaced())).toBeVisible();
	await expect(screen.locator('[data-remaining-ms]')).toHaveCount(0);
	// A mistyped key of the right shape is not blamed on the removal: it was never the room's (Y8).
	const mistyped = await person(browser);
	await mistyped.goto(`${roomUrl}/projector#${'A'.repeat(43)}`);
	await expect(mistyped.getByRole('alert')).toHaveText(CLOSE_WORDS.projectorNotValid());

	// The host's card shows the new link, and it works.
	await expect(projectorLinkOf(host)).not.toHaveAttribute('href', oldLink!);
	await expect(projectorLinkOf(guest)).toHaveAttribute(
		'href',
		(await projectorLinkOf(host).getAttribute('href'))!
	);
	const newScreen = await person(browser);
	await newScreen.goto(new URL((await projectorLinkOf(host).getAttribute('href'))!, roomUrl).href);
	await expect(newScreen.locator('[data-remaining-ms]')).toBeVisible();

	// Locking closes every connection without a ticket: Bo's page reconnects with his and writes on.
	await host.getByLabel('Lock the room to new people').check();
	await expect(guest.getByText('The room is locked to new people.')).toBeVisible();
	await notesOf(guest).click();
	await notesOf(guest).pressSequentially('Written after the lock.');
	await expect(notesOf(host)).toHaveValue('Written after the lock.');
	const newcomer = await person(browser);
	await newcomer.goto(roomUrl);
	// Told once, by the join form, before pressing Join (protocol S22).
	await expect(newcomer.getByText(/This room is locked/)).toHaveCount(1);
});
