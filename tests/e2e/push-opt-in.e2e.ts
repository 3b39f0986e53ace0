import type { Browser, Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, joinRoom, newRoom, peopleClosedAfterEach, test } from './fixtures';
import { pushEndpointKey } from '../../src/lib/client/push-device';

const PHONE = { width: 390, height: 844 };

/** The card is offered in rooms run across time zones, where turns come while people are away. */
const ACROSS_TIME_ZONES = { async: {} };

/** Every page a test opened, closed after it whatever happened. */
const person = peopleClosedAfterEach();

const card = (page: Page) => page.getByRole('region', { name: 'Notifications' });
const turnOn = (page: Page) =>
	card(page).getByRole('button', { name: 'Tell me when it’s my turn' });
const turnOff = (page: Page) =>
	card(page).getByRole('button', { name: 'Stop notifications on this device' });

/** The server's answer to the page's next subscription (POST) or unsubscription (DELETE). */
const pushAnswer = (page: Page, method: 'POST' | 'DELETE') =>
	page.waitForResponse(
		(response) => response.url().endsWith('/push') && response.request().method() === method
	);

/**
 * Headless Chromium has no push service to reach: this stands in for the browser's
 * `PushManager`, with a subscription at Google's push service (one the server accepts), kept in
 * local storage so that, as a real one, it outlives a reload and is one for all the browser's
 * tabs. Its unsubscribing is counted.
 */
function fakePushService(): void {
	const KEY = 'e2e-push-subscription';
	const unsubscribed = () => Number(localStorage.getItem('e2e-unsubscribed') ?? 0);
	const fake = (endpoint: string, serverKey: string) => ({
		endpoint,
		options: {
			applicationServerKey: Uint8Array.from(atob(serverKey), (c) => c.charCodeAt(0)).buffer
		},
		toJSON: () => ({
			endpoint,
			expirationTime: null,
			// The subscription's secret: a test may give another browser's endpoint its own.
			keys: {
				p256dh: `B${'A'.repeat(86)}`,
				auth: localStorage.getItem('e2e-push-auth') ?? 'A'.repeat(22)
			}
		}),
		unsubscribe: async () => {
			localStorage.removeItem(KEY);
			localStorage.setItem('e2e-unsubscribed', String(unsubscribed() + 1));
			return true;
		}
	});
	const stored = () => {
		const raw = localStorage.getItem(KEY);
		if (!raw) return null;
		const { endpoint, serverKey } = JSON.parse(raw) as { endpoint: string; serverKey: string };
		return fake(endpoint, serverKey);
	};
	PushManager.prototype.getSubscription = async () =>
		stored() as unknown as PushSubscription | null;
	PushManager.prototype.subscribe = async (options?: PushSubscriptionOptionsInit) => {
		const key = new Uint8Array(options?.applicationServerKey as ArrayBuffer);
		const serverKey = btoa(String.fromCharCode(...key));
		const endpoint = `https://fcm.googleapis.com/fcm/send/e2e-${crypto.randomUUID()}`;
		localStorage.setItem(KEY, JSON.stringify({ endpoint, serverKey }));
		return stored() as unknown as PushSubscription;
	};
}

/** Where a room's page keeps the endpoint it subscribed with (local storage). */
const keptEndpointKey = (roomUrl: string) =>
	pushEndpointKey(new URL(roomUrl).pathname.split('/')[2] ?? '');

/** Someone whose browser allows notifications, with the stand-in push service. */
async function personWithPush(browser: Browser): Promise<Page> {
	const page = await person(browser);
	await page.context().grantPermissions(['notifications']);
	await page.context().addInitScript(fakePushService);
	return page;
}

/** Joins the room at `url` as Ana and turns its notifications on. */
async function joinWithNotifications(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await joinRoom(page, 'Ana', 'Speaker');
	await turnOn(page).click();
	await expect(turnOff(page)).toBeVisible();
}

test('[W1] notifications blocked: the room says how to allow them, by keyboard and on a phone', async ({
	app,
	browser
}) => {
	const page = await person(browser);
	await page.goto(await newRoom(app.url, 'active-listening-sprint', ACROSS_TIME_ZONES));
	await joinRoom(page, 'Ana', 'Speaker');
	await page.setViewportSize(PHONE);
	await page.getByRole('tab', { name: 'More' }).click();
	await turnOn(page).focus();
	await page.keyboard.press('Enter');
	// Headless Chromium answers the prompt with "denied", as a browser set to block does.
	await expect(card(page).getByRole('alert')).toHaveText(
		/Notifications are blocked for this site\. To get them, allow notifications/
	);
	await expect(turnOn(page)).toBeEnabled();
	await expectAccessible(page);
});

test('[W1] [W3] allowed: a member turns notifications on, finds them on after a reload, and turns them off', async ({
	app,
	browser
}) => {
	const page = await personWithPush(browser);
	const url = await newRoom(app.url, 'active-listening-sprint', ACROSS_TIME_ZONES);
	await page.goto(url);
	await joinRoom(page, 'Ana', 'Speaker');
	await page.setViewportSize(PHONE);
	await page.getByRole('tab', { name: 'More' }).click();

	const subscribed = pushAnswer(page, 'POST');
	await turnOn(page).click();
	expect((await subscribed).status()).toBe(201);
	await expect(card(page).getByRole('status')).toHaveText(
		'This device will be notified when it is your turn.'
	);
	// The worker that shows them is registered now, and only now.
	expect(
		await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL)
	).toMatch(/\/service-worker\.js$/);

	await page.reload();
	await page.getByRole('tab', { name: 'More' }).click();
	await expect(turnOff(page)).toBeVisible();

	// A server that cannot answer now: the device is still subscribed, and the card says so and
	// keeps offering to stop, rather than offering to turn on what is on.
	await page.route('**/push', (route) =>
		route.request().method() === 'DELETE'
			? route.fulfill({
					status: 503,
					contentType: 'application/json',
					body: JSON.stringify({ error: 'Storage is unavailable.', code: 'unavailable' })
				})
			: route.fallback()
	);
	await turnOff(page).click();
	await expect(card(page).getByRole('alert')).toHaveText(
		'The server cannot reach its storage just now. Try again in a moment.'
	);
	await expect(turnOff(page)).toBeEnabled();
	await expect(turnOn(page)).toHaveCount(0);
	await page.unroute('**/push');

	const unsubscribed = pushAnswer(page, 'DELETE');
	await turnOff(page).click();
	// Its status only: with a service worker registered, Chromium does not hand the body over.
	const answer = await unsubscribed;
	expect(answer.status()).toBe(200);
	expect(answer.request().postDataJSON()).toMatchObject({
		endpoint: expect.stringMatching(/^https:\/\/fcm\.googleapis\.com\/fcm\/send\/e2e-/)
	});
	await expect(turnOn(page)).toBeVisible();
	expect(await page.evaluate(() => localStorage.getItem('e2e-unsubscribed'))).toBe('1');
	await expectAccessible(page);
});

test('[S18] erasing the room forgets its notifications here: the endpoint kept for it, and the subscription no other room uses', async ({
	app,
	browser
}) => {
	const page = await personWithPush(browser);
	// Started through the API: without a host, the one person in it erases it by agreeing.
	const url = await newRoom(app.url, 'active-listening-sprint', ACROSS_TIME_ZONES);
	const kept = keptEndpointKey(url);
	await joinWithNotifications(page, url);
	expect(await page.evaluate((key) => localStorage.getItem(key), kept)).toMatch(
		/^https:\/\/fcm\.googleapis\.com\//
	);

	await page.getByRole('button', { name: 'Agree to erase the room', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'This room has been erased' })).toBeVisible();
	await expect
		.poll(() =>
			page.evaluate(
				(key) => [localStorage.getItem(key), localStorage.getItem('e2e-unsubscribed')],
				kept
			)
		)
		.toEqual([null, '1']);
});

test('[W3] two tabs: one turns notifications off while the other is turning them on in another room, and the subscription both share goes on', async ({
	app,
	browser
}) => {
	const first = await newRoom(app.url, 'active-listening-sprint', ACROSS_TIME_ZONES);
	const second = await newRoom(app.url, 'active-listening-sprint', ACROSS_TIME_ZONES);
	const offTab = await personWithPush(browser);
	await joinWithNotifications(offTab, first);

	const onTab = await offTab.context().newPage();
	await onTab.goto(second);
	await joinRoom(onTab, 'Ana', 'Speaker');
	// The server answers the second room's subscribe only when the test lets it.
	let asked = () => {};
	const subscribeAsked = new Promise<void>((resolve) => (asked = resolve));
	let answer = () => {};
	const answerNow = new Promise<void>((resolve) => (answer = resolve));
	await onTab.route('**/push', async (route) => {
		if (route.request().method() === 'POST') {
			asked();
			await answerNow;
		}
		await route.fallback();
	});
	await turnOn(onTab).click();
	await subscribeAsked;

	await turnOff(offTab).click();
	// The first tab goes as far as it may before the answer: to the end, or to waiting for the
	// second tab's turn.
	await expect
		.poll(
			async () =>
				(await turnOn(offTab).isVisible()) ||
				(await offTab.evaluate(async () =>
					((await navigator.locks.query()).pending ?? []).some(
						(lock) => lock.name === 'practice-room:push'
					)
				))
		)
		.toBe(true);
	answer();
	await expect(card(onTab).getByRole('status')).toHaveText(
		'This device will be notified when it is your turn.'
	);
	await expect(turnOn(offTab)).toBeVisible();
	// Before, the first tab ended the subscription the second room had just been given.
	const kept = keptEndpointKey(second);
	const device = await onTab.evaluate(
		(key) => ({
			unsubscribed: localStorage.getItem('e2e-unsubscribed'),
			subscription: localStorage.getItem('e2e-push-subscription'),
			kept: localStorage.getItem(key)
		}),
		kept
	);
	expect(device.unsubscribed).toBeNull();
	expect(device.kept).toMatch(/^https:\/\/fcm\.googleapis\.com\//);
	expect(JSON.parse(device.subscription ?? '{}')).toMatchObject({ endpoint: device.kept });
});

test('[W2] a refusal is worded by its code: an endpoint another member subscribed, sent with other keys, is not yours', async ({
	app,
	browser
}) => {
	const url = await newRoom(app.url, 'active-listening-sprint', ACROSS_TIME_ZONES);
	const ana = await personWithPush(browser);
	await joinWithNotifications(ana, url);
	const anas = await ana.evaluate(() => localStorage.getItem('e2e-push-subscription'));

	// Ben's browser holds Ana's endpoint (as if a push service handed it out again) with keys of
	// its own: the server answers 403 `push_not_yours`, not `not_a_member`, and Ben is told so.
	const ben = await personWithPush(browser);
	await ben.context().addInitScript((subscription) => {
		localStorage.setItem('e2e-push-subscription', subscription);
		localStorage.setItem('e2e-push-auth', 'B'.repeat(22));
	}, anas ?? '');
	await ben.goto(url);
	await joinRoom(ben, 'Ben', 'Listener');
	const refused = pushAnswer(ben, 'POST');
	await turnOn(ben).click();
	expect((await refused).status()).toBe(403);
	await expect(card(ben).getByRole('alert')).toHaveText(
		'These notifications are set up for someone else in this room, so they cannot be moved to you.'
	);
	await expect(turnOn(ben)).toBeEnabled();
});

test('[W1] a live room offers no notifications: its turns come while everyone is there', async ({
	app,
	browser
}) => {
	const live = await person(browser);
	await live.goto(await newRoom(app.url, 'active-listening-sprint'));
	await joinRoom(live, 'Ana', 'Speaker');
	await expect(live.getByRole('region', { name: 'Projector view' })).toBeVisible();
	await expect(card(live)).toHaveCount(0);
	const async = await person(browser);
	await async.goto(await newRoom(app.url, 'active-listening-sprint', ACROSS_TIME_ZONES));
	await joinRoom(async, 'Ana', 'Speaker');
	await expect(turnOn(async)).toBeVisible();
});
