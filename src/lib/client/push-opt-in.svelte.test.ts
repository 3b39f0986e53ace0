import { afterEach, expect, test, vi } from 'vitest';
import { storage } from './local-storage.fixture';
import {
	FIRST_ENDPOINT as E,
	neverAnswered,
	pushBrowser,
	pushServer,
	webLocks
} from './push-browser.fixture';
import { forgetPush, pushEndpointKey, pushLocaleKey } from './push-device';
import { PushOptIn } from './push-opt-in.svelte';

const A = 'room-a-id-of-22-charact';
const B = 'room-b-id-of-22-charact';

afterEach(() => vi.unstubAllGlobals());

const member = { participantId: 'p-of-22-characters-xxx', ticket: 't' };

/** The opt-in of `roomId` in a tab of this browser, for a member whose room goes on. */
const tabIn = (roomId: string) =>
	new PushOptIn(
		() => roomId,
		() => member,
		() => false
	);

const subscribed = async () => Response.json({ subscribed: true }, { status: 201 });
const removed = async () => Response.json({ removed: true });

test('[W3] locked out of a room whose notifications another room here shares: not called off, and the person is told', async () => {
	const stored = storage({ [pushEndpointKey(A)]: E, [pushEndpointKey(B)]: E });
	const device = pushBrowser();
	pushServer(async () => Response.json({ error: 'x', code: 'not_a_member' }, { status: 403 }));
	const optIn = tabIn(B);
	await optIn.turnOff();
	// Before, it said "off" while room B went on sending to this device through A's subscription.
	expect(optIn.state).toMatchObject({
		problem: expect.stringMatching(/another room on this device/)
	});
	expect(stored.get(pushEndpointKey(B))).toBe(E);
	expect(device.endpoint()).toBe(E);
});

for (const [told, answerOf] of [
	['stored', subscribed],
	// The server took it back (W7).
	['taken back', async () => Response.json({ error: 'x', code: 'room_not_found' }, { status: 404 })]
] as const) {
	test(`[S18] erased while the subscribe answer (${told}) was on its way: nothing of it is kept here`, async () => {
		const stored = storage({});
		const device = pushBrowser(webLocks());
		let answer: (r: Response) => void = () => {};
		const fetch = pushServer(() => new Promise<Response>((resolve) => (answer = resolve)));
		let erased = false;
		const optIn = new PushOptIn(
			() => A,
			() => member,
			() => erased
		);
		const on = optIn.turnOn();
		await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
		// room:erased arrives before the answer; this room had kept nothing yet to forget.
		erased = true;
		await forgetPush(A);
		answer(await answerOf());
		await on;
		expect(stored.has(pushEndpointKey(A))).toBe(false);
		expect(device.endpoint()).toBeUndefined();
		expect(optIn.state).toBe('off');
	});
}

test('[W3] one tab turning notifications on keeps the subscription another tab, erasing the one room that used it, would have ended', async () => {
	const locks = webLocks();
	const stored = storage({ [pushEndpointKey(A)]: E });
	const device = pushBrowser(locks);
	let answer: (r: Response) => void = () => {};
	const fetch = pushServer(() => new Promise<Response>((resolve) => (answer = resolve)));
	const tabB = tabIn(B);
	const on = tabB.turnOn();
	// Tab B has the subscription and is telling the server; it keeps the endpoint once answered.
	await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
	let forgotten = false;
	const erase = forgetPush(A).then(() => (forgotten = true));
	// Tab A goes as far as it may before the answer: to the end, or to waiting for tab B.
	await vi.waitFor(() => expect(forgotten || locks.waiting === 1).toBe(true));
	answer(await subscribed());
	await Promise.all([on, erase]);
	expect(tabB.state).toBe('on');
	// Before, tab A ended it, and room B kept an endpoint nothing is delivered to any more.
	expect(device.endpoint()).toBe(E);
	expect(stored).toEqual(
		new Map([
			[pushEndpointKey(B), E],
			[pushLocaleKey(B), 'en']
		])
	);
});

test('[W3] one tab turning notifications on while another turns them off and ends the subscription gets a new one, not the ending one', async () => {
	const locks = webLocks();
	const stored = storage({ [pushEndpointKey(A)]: E });
	const device = pushBrowser(locks);
	pushServer((method) => (method === 'POST' ? subscribed() : removed()));
	const endNow = device.holdUnsubscribe();
	const tabA = tabIn(A);
	const tabB = tabIn(B);
	const off = tabA.turnOff();
	await vi.waitFor(() => expect(device.unsubscribing()).toBe(true));
	let turnedOn = false;
	const on = tabB.turnOn().then(() => (turnedOn = true));
	// Tab B goes as far as it may while tab A ends the subscription: to the end, or to waiting.
	await vi.waitFor(() => expect(turnedOn || locks.waiting === 1).toBe(true));
	// The prompt comes first, on the person's click, whoever holds the lock.
	expect(Notification.requestPermission).toHaveBeenCalledOnce();
	endNow();
	await Promise.all([off, on]);
	expect([tabA.state, tabB.state]).toEqual(['off', 'on']);
	// Before, tab B kept (and the server stored) the endpoint tab A was ending.
	expect(device.endpoint()).toBe(`${E}-2`);
	expect(stored).toEqual(
		new Map([
			[pushEndpointKey(B), `${E}-2`],
			[pushLocaleKey(B), 'en']
		])
	);
});

for (const [what, method, turn] of [
	['turning on', 'POST', (tab: PushOptIn) => tab.turnOn()],
	['turning off', 'DELETE', (tab: PushOptIn) => tab.turnOff()]
] as const) {
	test(`[W3] ${what}, a request the server never answers is given up after 15 s and the push lock goes to the next tab`, async () => {
		const locks = webLocks();
		storage({ [pushEndpointKey(B)]: E });
		pushBrowser(locks);
		const fetch = pushServer((_method, signal) => neverAnswered(signal));
		// The clock of the request's timeout is the test's: it runs out when told to.
		const timeouts: { ms: number; runOut: () => void }[] = [];
		const tab = new PushOptIn(
			() => A,
			() => member,
			() => false,
			(ms) => {
				const timeout = new AbortController();
				const runOut = () => timeout.abort(new DOMException('timed out', 'TimeoutError'));
				timeouts.push({ ms, runOut });
				return timeout.signal;
			}
		);
		const turning = turn(tab);
		await vi.waitFor(() =>
			expect(fetch).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ method }))
		);
		// Another tab, erasing room B, waits for the lock meanwhile.
		const erasing = forgetPush(B);
		await vi.waitFor(() => expect(locks.waiting).toBe(1));
		expect(timeouts.map(({ ms }) => ms)).toEqual([15_000]);
		timeouts[0]?.runOut();
		await Promise.all([turning, erasing]);
		expect(locks.waiting).toBe(0);
		// Said as no answer at all: the person may try again.
		expect(tab.state).toMatchObject({ problem: expect.any(String) });
	});
}

test('[W4] notifications follow a change of language: the next arrival subscribes again in the new one, once', async () => {
	const stored = storage({ [pushEndpointKey(A)]: E, [pushLocaleKey(A)]: 'de' });
	pushBrowser();
	const fetch = pushServer(subscribed);
	const tab = tabIn(A);
	await tab.check();
	await tab.keepLanguage();
	const subscribes = () =>
		fetch.mock.calls.filter(([, init]) => init?.method === 'POST').map(([, init]) => init?.body);
	expect(subscribes()).toEqual([expect.stringContaining('"locale":"en"')]);
	expect(stored.get(pushLocaleKey(A))).toBe('en');
	expect(tab.state).toBe('on');
	await tab.keepLanguage();
	expect(subscribes()).toHaveLength(1);
});

test('[W4] turned off while the change of language waited for the lock: it does not subscribe again', async () => {
	const stored = storage({ [pushEndpointKey(A)]: E, [pushLocaleKey(A)]: 'de' });
	pushBrowser(webLocks());
	const fetch = pushServer(subscribed);
	const tab = tabIn(A);
	await tab.check();
	await Promise.all([tab.keepLanguage(), tab.turnOff()]);
	// Asking for the server's key is a GET without a method: only the turning off is a change.
	const changes = fetch.mock.calls.map(([, init]) => init?.method).filter(Boolean);
	expect(changes).toEqual(['DELETE']);
	expect(tab.state).toBe('off');
	expect(stored.has(pushEndpointKey(A))).toBe(false);
});

test('[W4] a failed subscribe in the new language leaves the state as it was: the person asked for nothing', async () => {
	const stored = storage({ [pushEndpointKey(A)]: E, [pushLocaleKey(A)]: 'de' });
	pushBrowser();
	pushServer(async () => Response.json({ error: 'x', code: 'internal' }, { status: 500 }));
	const tab = tabIn(A);
	await tab.check();
	await tab.keepLanguage();
	expect(tab.state).toBe('on');
	expect(tab.subscribed).toBe(true);
	expect(stored.get(pushLocaleKey(A))).toBe('de');
});
