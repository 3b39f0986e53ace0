// The language switcher offline (docs/languages.md): its note goes when the server is back, as
// real signals say (the room's own connection, else the browser's `online` and one check), never
// found by checking /healthz on a timer; the choice it dropped waits for the person to make it again.
import type { Page } from '@playwright/test';
import { expect, hydrated, joinRoom, newRoom, peopleClosedAfterEach, test } from './fixtures';

const person = peopleClosedAfterEach();

const NOTE =
	'Changing the language needs the connection, so your choice was not applied. Choose it again once you are back online.';

/** Every request the page makes to /healthz, from now on, as the test goes. */
function healthChecks(page: Page): string[] {
	const checks: string[] = [];
	page.on('request', (request) => {
		if (new URL(request.url()).pathname === '/healthz') checks.push(request.url());
	});
	return checks;
}

const switcherOf = (page: Page) =>
	page.getByRole('banner').getByRole('combobox', { name: 'Language' });
const noteOf = (page: Page) => page.getByRole('banner').getByRole('status');

test('in a room the note goes when the room’s connection is back, with no check of /healthz meanwhile; choosing again then applies the language', async ({
	app,
	browser
}) => {
	const page = await person(browser);
	await page.goto(await newRoom(app.url, 'active-listening-sprint'));
	await joinRoom(page, 'Ana');
	const checks = healthChecks(page);
	// What the room's banner says at the moment the note goes: it goes because the room is back.
	await page.evaluate(() => {
		const note = document.getElementById('language-note');
		if (!note) throw new Error('no language note');
		new MutationObserver(() => {
			if (note.textContent !== '') return;
			const banner = document.querySelector('[data-connection]');
			document.body.dataset.connectionWhenNoteWent = banner?.getAttribute('data-connection') ?? '';
		}).observe(note, { childList: true, characterData: true, subtree: true });
	});

	await page.context().setOffline(true);
	await expect(page.locator('[data-connection="reconnecting"]')).toBeVisible();
	await switcherOf(page).selectOption('de');
	await expect(noteOf(page)).toHaveText(NOTE);
	await expect(switcherOf(page)).toHaveValue('en');

	await page.context().setOffline(false);
	await expect(noteOf(page)).toBeEmpty();
	await expect(page.locator('body')).toHaveAttribute('data-connection-when-note-went', 'live');
	expect(checks).toEqual([]);
	// Dropped, not applied unasked now that the room is back.
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');

	await switcherOf(page).selectOption('de');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
});

test('without a room the note goes once the browser is online again and one check reaches the server: no timer checks meanwhile', async ({
	app,
	browser
}) => {
	const page = await person(browser);
	// The page's timers run only when the test says: a timer checking /healthz would show here.
	await page.clock.install();
	const checks = healthChecks(page);
	await page.goto(app.url);
	// Until hydrated, the select is plain HTML, and choosing in it would reload the page.
	await hydrated(page);

	// The browser online, the server out of reach: only a timer could find it back.
	await page.route('**/healthz', (route) => route.abort('connectionrefused'));
	await switcherOf(page).selectOption('de');
	await expect(noteOf(page)).toHaveText(NOTE);
	await page.clock.runFor(60_000);
	await expect(noteOf(page)).toHaveText(NOTE);

	await page.unroute('**/healthz');
	await page.context().setOffline(true);
	await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);
	await page.context().setOffline(false);
	await expect(noteOf(page)).toBeEmpty();
	// The choice's check and the one after `online`: none in the minute between.
	expect(checks).toHaveLength(2);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(switcherOf(page)).toHaveValue('en');
});

test('leaving a room that has not reconnected yet, the note goes as soon as a check reaches the server: the browser’s `online` came while the room listened', async ({
	app,
	browser
}) => {
	const page = await person(browser);
	// The room's sockets pass through while `held` is false; then a new one is refused, so the
	// room cannot reconnect however long the test takes.
	let held = false;
	await page.routeWebSocket(/\/(socket\.io|yjs)\//, (socket) => {
		if (held) socket.close();
		else socket.connectToServer();
	});
	await page.goto(await newRoom(app.url, 'active-listening-sprint'));
	await joinRoom(page, 'Ana');
	const checks = healthChecks(page);

	held = true;
	await page.context().setOffline(true);
	await expect(page.locator('[data-connection="reconnecting"]')).toBeVisible();
	await switcherOf(page).selectOption('de');
	await expect(noteOf(page)).toHaveText(NOTE);
	await page.context().setOffline(false);
	await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(true);
	await expect(page.locator('[data-connection="reconnecting"]')).toBeVisible();

	await page.getByRole('link', { name: 'Practice Room' }).first().click();
	await expect(page).toHaveURL(`${app.url}/`);
	await expect(noteOf(page)).toBeEmpty();
	expect(checks).toHaveLength(1);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
