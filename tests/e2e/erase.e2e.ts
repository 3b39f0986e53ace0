import type { Page } from '@playwright/test';
import { expect, joinRoom, newRoom, peopleClosedAfterEach, test } from './fixtures';

const notesOf = (page: Page) => page.locator('#notes');
const endTheRoom = (page: Page) => page.getByRole('region', { name: 'End the room' });
const agreeButton = (page: Page) =>
	page.getByRole('button', { name: 'Agree to erase the room', exact: true });

/** Every page a test opened, closed after it whatever happened. */
const person = peopleClosedAfterEach();

const roomIdOf = (url: string) => new URL(url).pathname.split('/')[2]!;

/** The page closed the room at once: the erased notice, and nothing of the session left on it. */
async function expectClosed(page: Page): Promise<void> {
	await expect(page.getByRole('heading', { name: 'This room has been erased' })).toBeVisible();
	await expect(notesOf(page)).toHaveCount(0);
	await expect(page.getByRole('region', { name: 'In the room' })).toHaveCount(0);
}

/**
 * The browser forgot the room (S18): its IndexedDB copy, who this person was, the host key, what
 * its tools kept: no name in storage holds the room's id.
 */
async function expectForgotten(page: Page, roomId: string): Promise<void> {
	await expect
		.poll(() =>
			page.evaluate(async (id) => {
				const databases = (await indexedDB.databases()).map((db) => db.name ?? '');
				const stored = Object.keys(localStorage);
				return [...databases, ...stored].filter((name) => name.includes(id));
			}, roomId)
		)
		.toEqual([]);
}

/**
 * Opened again, the link answers that the room has ended (404) and shows nothing of it: none of
 * the names, no summary sections.
 */
async function expectEnded(page: Page, url: string, names: readonly string[]): Promise<void> {
	const response = await page.goto(url);
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'We could not find that room' })).toBeVisible();
	await expect(page.getByText('This room does not exist or has ended.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Participants' })).toHaveCount(0);
	for (const name of names) await expect(page.getByText(name, { exact: true })).toHaveCount(0);
}

test('the host ends and erases the room: every screen closes it, and its links show that it ended', async ({
	app,
	browser
}) => {
	const host = await person(browser);
	const guest = await person(browser);
	await host.goto(app.url);
	const card = host.locator('[data-playbook="active-listening-sprint"]');
	await card.getByRole('button', { name: 'Start a room' }).click();
	await host.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/);
	const roomUrl = host.url();
	const summaryUrl = `${roomUrl}/summary`;
	await joinRoom(host, 'Ada', 'Speaker');
	await expect(host.getByRole('heading', { name: 'You are the host' })).toBeVisible();
	await guest.goto(roomUrl);
	await joinRoom(guest, 'Bo', 'Listener');
	await notesOf(guest).click();
	await notesOf(guest).pressSequentially('She felt overlooked.');
	await expect(notesOf(host)).toHaveValue('She felt overlooked.');

	// Two more screens on the room: the guest's summary tab and a projector.
	const summary = await guest.context().newPage();
	await summary.goto(summaryUrl);
	const participants = summary.getByRole('region', { name: 'Participants' });
	await expect(participants).toContainText('Ada');
	await expect(participants).toContainText('Bo');
	const projectorLink = await host
		.getByRole('link', { name: 'Open the projector view in a new tab' })
		.getAttribute('href');
	const projector = await person(browser);
	await projector.goto(new URL(projectorLink!, roomUrl).href);
	await expect(projector.locator('[data-remaining-ms]')).toBeVisible();

	// Only the host may erase, and is asked first.
	await expect(endTheRoom(guest)).toContainText('Only the host can end and erase this room.');
	await expect(agreeButton(guest)).toHaveCount(0);
	await host.getByRole('button', { name: 'End and erase the room', exact: true }).click();
	await expect(endTheRoom(host)).toContainText('This deletes everything said and written here');
	await host.getByRole('button', { name: 'Erase now', exact: true }).click();

	for (const page of [host, guest, summary]) await expectClosed(page);
	await expect(summary.getByRole('heading', { name: 'Participants' })).toHaveCount(0);
	await expect(
		projector.getByText('This room has been erased. Nothing of it is kept.')
	).toBeVisible();
	await expect(projector.locator('[data-remaining-ms]')).toHaveCount(0);
	const roomId = roomIdOf(roomUrl);
	await expectForgotten(host, roomId);
	await expectForgotten(guest, roomId);

	await expectEnded(guest, roomUrl, ['Ada', 'Bo']);
	await expectEnded(summary, summaryUrl, ['Ada', 'Bo']);
	await expectEnded(host, summaryUrl, ['Ada', 'Bo']);
});

test('in a room without a host, the room is erased once everyone present agrees', async ({
	app,
	browser
}) => {
	// Started through the API: no browser holds the host key, so the room has no host.
	const roomUrl = await newRoom(app.url, 'active-listening-sprint');
	const names = ['Ana', 'Ben', 'Cy'] as const;
	const pages: Page[] = [];
	for (const name of names) {
		const page = await person(browser);
		await page.goto(roomUrl);
		await joinRoom(page, name);
		pages.push(page);
	}
	const [ana, ben, cy] = pages as [Page, Page, Page];
	for (const page of pages) {
		await expect(page.getByRole('region', { name: 'In the room' })).toContainText('Cy');
		await expect(endTheRoom(page)).toContainText('Nobody has agreed to erase the room yet');
		await expect(page.getByRole('button', { name: 'End and erase the room' })).toHaveCount(0);
	}

	await agreeButton(ana).click();
	await expect(agreeButton(ana)).toHaveAttribute('aria-pressed', 'true');
	await agreeButton(ben).click();
	for (const page of pages) {
		await expect(endTheRoom(page)).toContainText('Agreed: Ana, Ben · waiting for Cy');
	}
	// Ben takes it back; the room waits for him again.
	await agreeButton(ben).click();
	await expect(agreeButton(ben)).toHaveAttribute('aria-pressed', 'false');
	await expect(endTheRoom(cy)).toContainText('Agreed: Ana · waiting for Ben, Cy');
	await agreeButton(ben).click();
	await expect(endTheRoom(cy)).toContainText('waiting for Cy');
	await expect(notesOf(cy)).toBeVisible();

	await agreeButton(cy).click();
	for (const page of pages) await expectClosed(page);
	for (const page of pages) await expectForgotten(page, roomIdOf(roomUrl));
	await expectEnded(ana, roomUrl, names);
	await expectEnded(ben, `${roomUrl}/summary`, names);
});
