import { afterEach, expect, test, vi } from 'vitest';
import { storage } from './local-storage.fixture';
import { forgetPush, pushEndpointKey } from './push-device';
import { PushOptIn } from './push-opt-in.svelte';

const A = 'room-a-id-of-22-charact';
const B = 'room-b-id-of-22-charact';
const E = 'https://fcm.googleapis.com/fcm/send/this-browser';
const KEY =
	'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM';

/** A browser that may show notifications, subscribed with E; says whether it still is. */
function browser() {
	let alive = true;
	const keyBytes = Uint8Array.from(atob(KEY.replace(/-/g, '+').replace(/_/g, '/')), (c) =>
		c.charCodeAt(0)
	);
	const subscription = {
		endpoint: E,
		options: { applicationServerKey: keyBytes.buffer },
		toJSON: () => ({ endpoint: E, keys: { p256dh: 'x', auth: 'y' } }),
		unsubscribe: vi.fn(async () => {
			alive = false;
			return true;
		})
	};
	const pushManager = {
		getSubscription: async () => (alive ? subscription : null),
		subscribe: async () => {
			alive = true;
			return subscription;
		}
	};
	vi.stubGlobal('window', { PushManager: class {}, Notification: class {} });
	vi.stubGlobal('Notification', {
		permission: 'granted',
		requestPermission: async () => 'granted'
	});
	vi.stubGlobal('navigator', {
		serviceWorker: {
			register: async () => ({}),
			ready: Promise.resolve({ pushManager }),
			getRegistration: async () => ({ pushManager })
		}
	});
	return { subscription, alive: () => alive };
}

afterEach(() => vi.unstubAllGlobals());

const member = { participantId: 'p-of-22-characters-xxx', ticket: 't' };

test('[W3] locked out of a room whose notifications another room here shares: not called off, and the person is told', async () => {
	const stored = storage({ [pushEndpointKey(A)]: E, [pushEndpointKey(B)]: E });
	const device = browser();
	vi.stubGlobal(
		'fetch',
		vi.fn(
			async () =>
				new Response(JSON.stringify({ error: 'x', code: 'not_a_member' }), {
					status: 403,
					headers: { 'content-type': 'application/json' }
				})
		)
	);
	const optIn = new PushOptIn(
		() => B,
		() => member,
		() => false
	);
	await optIn.turnOff();
	// Before, it said "off" while room B went on sending to this device through A's subscription.
	expect(optIn.state).toMatchObject({
		problem: expect.stringMatching(/another room on this device/)
	});
	expect(stored.get(pushEndpointKey(B))).toBe(E);
	expect(device.alive()).toBe(true);
});

test('[S18] erased while the subscribe answer was on its way: nothing of it is kept here', async () => {
	const stored = storage({});
	const device = browser();
	let answer: (r: Response) => void = () => {};
	vi.stubGlobal(
		'fetch',
		vi.fn(async (url: string) =>
			url.endsWith('/api/push/key')
				? new Response(JSON.stringify({ publicKey: KEY }), { status: 200 })
				: new Promise<Response>((resolve) => (answer = resolve))
		)
	);
	let erased = false;
	const optIn = new PushOptIn(
		() => A,
		() => member,
		() => erased
	);
	const on = optIn.turnOn();
	await vi.waitFor(() => expect(vi.mocked(fetch)).toHaveBeenCalledTimes(2));
	// room:erased arrives before the answer.
	erased = true;
	await forgetPush(A);
	answer(new Response(JSON.stringify({ subscribed: true }), { status: 201 }));
	await on;
	expect(stored.has(pushEndpointKey(A))).toBe(false);
	expect(device.alive()).toBe(false);
	expect(optIn.state).toBe('off');
});
