import AxeBuilder from '@axe-core/playwright';
import type { Page, WebSocketRoute } from '@playwright/test';
import { MAX_PARTICIPANTS } from '../../src/lib/protocol/control';
import { joinAs, participantId, participantKeyOf } from '../support/clients';
import {
	expect,
	hostRoom,
	joinRoom,
	newRoom,
	openPerson,
	peopleClosedAfterEach,
	test
} from './fixtures';

const rosterOf = (page: Page) => page.locator('section[aria-labelledby="roster-title"]');
const LOCKED = /This room is locked/;
const FULL = /This room is full/;

/** Fails on serious or critical accessibility problems, naming each. */
async function expectAccessible(page: Page): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(grave.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** Every page a test opened, closed after it whatever happened. */
const person = peopleClosedAfterEach();

/** Presses Join and waits for the answer. */
async function pressJoin(page: Page, name: string): Promise<void> {
	await page.getByLabel('Your name').fill(name);
	await page.getByRole('button', { name: 'Join', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Join', exact: true })).toBeEnabled();
}

test('[S15, Y11] a newcomer to a locked room is told once, before joining, and the page opens by itself when the host unlocks (issue 19.5)', async ({
	app,
	browser
}) => {
	const host = await person(browser);
	const roomUrl = await hostRoom(host, app.url, 'Ada');
	await host.getByLabel('Lock the room to new people').check();

	const newcomer = await person(browser);
	await newcomer.goto(roomUrl);
	await expect(newcomer.getByText(LOCKED)).toHaveCount(1);
	// Told, not kept waiting: no "Connecting…" under the notice.
	await expect(newcomer.locator('[data-connection]')).toHaveCount(0);
	await expectAccessible(newcomer);
	await pressJoin(newcomer, 'Lu');
	await expect(newcomer.getByText(LOCKED)).toHaveCount(1);
	await expect(newcomer.getByRole('alert')).toHaveCount(0);

	await host.getByLabel('Lock the room to new people').uncheck();
	await expect(newcomer.getByText(LOCKED)).toHaveCount(0, { timeout: 15_000 });
	await joinRoom(newcomer, 'Lu', undefined, { agree: false });
	await expect(rosterOf(newcomer)).toContainText('Lu');
	await expect(rosterOf(host)).toContainText('Lu');
});

test('[S22] someone this browser knows from earlier, refused at a locked door on return, sees the page open by itself when the host unlocks', async ({
	app,
	browser
}) => {
	const host = await person(browser);
	const roomUrl = await hostRoom(host, app.url, 'Ada');
	await host.getByLabel('Lock the room to new people').check();

	// This browser was in the room before the lock, and gone past the grace when it came.
	const back = await person(browser);
	const roomId = new URL(roomUrl).pathname.split('/').at(-1)!;
	const id = participantId();
	const identity = {
		participantId: id,
		participantKey: participantKeyOf(id),
		name: 'Lu',
		roleId: 'listener'
	};
	await back
		.context()
		.addInitScript(
			([key, value]) => localStorage.setItem(key!, value!),
			[`practice-room:room:${roomId}`, JSON.stringify(identity)]
		);
	await back.goto(roomUrl);
	await expect(back.getByText(LOCKED)).toHaveCount(1);
	await expect(back.getByRole('alert')).toHaveCount(0);

	await host.getByLabel('Lock the room to new people').uncheck();
	await expect(back.getByText(LOCKED)).toHaveCount(0, { timeout: 15_000 });
	await joinRoom(back, 'Lu', undefined, { agree: false });
	await expect(rosterOf(host)).toContainText('Lu');
});

test('[S15] the thirteenth person is told once that the room is full', async ({ app, browser }) => {
	const url = await newRoom(app.url, 'listening-circle');
	const roomId = new URL(url).pathname.split('/').at(-1)!;
	const here = await Promise.all(
		Array.from({ length: MAX_PARTICIPANTS }, (_, n) => joinAs(app.url, roomId, `P${n + 1}`))
	);
	try {
		const late = await person(browser);
		await late.goto(url);
		await expect(late.getByText(FULL)).toHaveCount(1);
		await pressJoin(late, 'Thirteen');
		await expect(late.getByText(FULL)).toHaveCount(1);
		await expect(late.getByRole('alert')).toHaveCount(0);
		await expectAccessible(late);
	} finally {
		for (const { socket } of here) socket.disconnect();
	}
});

test('[S2, S15] a removed person leaves every list at once, and sees only the removal', async ({
	app,
	browser
}) => {
	const host = await person(browser);
	const roomUrl = await hostRoom(host, app.url, 'Ada');
	const guest = await person(browser);
	await guest.goto(roomUrl);
	await joinRoom(guest, 'Bo', 'Listener');
	const removed = await person(browser);
	await removed.goto(roomUrl);
	await joinRoom(removed, 'Cy');
	for (const page of [host, guest]) await expect(rosterOf(page)).toContainText('Cy');

	await host.getByRole('button', { name: 'Remove Cy' }).click();
	await host.getByRole('button', { name: 'Confirm' }).click();
	// At once: well inside the 15 s leave grace.
	for (const page of [host, guest]) {
		await expect(page.locator('.room').getByText(/\bCy\b/)).toHaveCount(0, { timeout: 5_000 });
	}
	await expect(
		removed.getByRole('heading', { name: 'You are no longer in this room' })
	).toBeVisible();
	await expect(removed.locator('[data-connection]')).toHaveCount(0);
	await expect(removed.getByText(/Reconnecting/)).toHaveCount(0);
	await expect(removed.getByRole('alert')).toHaveCount(0);
	await expectAccessible(removed);
});

test('[S2] someone who closes their tab shows as reconnecting for the grace, then gone', async ({
	app,
	browser
}) => {
	const url = await newRoom(app.url, 'active-listening-sprint');
	const ana = await person(browser);
	await ana.goto(url);
	await joinRoom(ana, 'Ana', 'Speaker');
	const ben = await openPerson(browser);
	await ben.goto(url);
	await joinRoom(ben, 'Ben');
	const benOnAna = rosterOf(ana).locator('li', { hasText: 'Ben' });
	await expect(benOnAna).toHaveAttribute('data-status', 'connected');

	await ben.context().close();
	await expect(benOnAna).toHaveAttribute('data-status', 'dropped');
	await expect(benOnAna).toContainText('reconnecting…');
	await expectAccessible(ana);
	await expect(benOnAna).toHaveAttribute('data-status', 'gone', { timeout: 30_000 });
});

test('the join form suggests no role until it knows who is here, then the one not taken', async ({
	app,
	browser
}) => {
	const url = await newRoom(app.url, 'active-listening-sprint');
	const ana = await person(browser);
	await ana.goto(url);
	await joinRoom(ana, 'Ana', 'Speaker');

	// The newcomer's control connection is slow: nothing from the server reaches the page yet.
	const late = await person(browser);
	const held: { route: WebSocketRoute; message: string | Buffer }[] = [];
	let holding = true;
	await late.context().routeWebSocket(/\/socket\.io\//, (route) => {
		const server = route.connectToServer();
		server.onMessage((message) => {
			if (holding) held.push({ route, message });
			else route.send(message);
		});
	});
	await late.goto(url);
	await expect(late.getByRole('radio', { name: /Speaker/ })).toBeVisible();
	await expect(late.getByRole('radio', { checked: true })).toHaveCount(0);
	await expect(late.getByRole('button', { name: 'Join', exact: true })).toBeDisabled();
	await expectAccessible(late);

	holding = false;
	for (const { route, message } of held.splice(0)) route.send(message);
	await expect(late.getByRole('radio', { name: /Listener/ })).toBeChecked();
	await expect(late.getByRole('radio', { checked: true })).toHaveCount(1);
});
