import { vi } from 'vitest';

/** The server's VAPID public key, as `GET /api/push/key` answers it. */
export const SERVER_KEY =
	'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM';

/** The endpoint of the subscription the browser has at first; later ones end in `-2`, `-3`, … */
export const FIRST_ENDPOINT = 'https://fcm.googleapis.com/fcm/send/this-browser';

const keyBytes = Uint8Array.from(atob(SERVER_KEY.replace(/-/g, '+').replace(/_/g, '/')), (c) =>
	c.charCodeAt(0)
);

/**
 * One site's Web Locks as its tabs share them (the spec's exclusive mode): a lock per name,
 * granted in the order asked, held until the callback's promise settles. `waiting` counts the
 * requests not granted yet.
 */
export function webLocks() {
	const released = new Map<string, Promise<unknown>>();
	let waiting = 0;
	return {
		get waiting() {
			return waiting;
		},
		request<T>(name: string, callback: (lock: Lock) => Promise<T>): Promise<T> {
			const before = released.get(name) ?? Promise.resolve();
			waiting += 1;
			const held = (async () => {
				await before;
				waiting -= 1;
				return await callback({ name, mode: 'exclusive' });
			})();
			released.set(
				name,
				held.catch(() => undefined)
			);
			return held;
		}
	};
}

/**
 * A browser whose every tab may show notifications, with a stand-in push service: one
 * subscription for the whole site (`FIRST_ENDPOINT` at first, none once ended), a new endpoint
 * for each `subscribe`, and an `unsubscribe` that ends it once `holdUnsubscribe`'s release lets
 * it (at once otherwise). Tabs are `PushOptIn`s and `forgetPush` calls in one test sharing these
 * globals, local storage included; `locks` are the site's Web Locks, absent as without them.
 */
export function pushBrowser(locks?: ReturnType<typeof webLocks>) {
	let current: { endpoint: string } | null = null;
	let made = 0;
	let hold: Promise<void> | undefined;
	let unsubscribing = 0;
	const subscription = (endpoint: string) => {
		const created = {
			endpoint,
			options: { applicationServerKey: keyBytes.buffer },
			toJSON: () => ({ endpoint, keys: { p256dh: 'x', auth: 'y' } }),
			unsubscribe: vi.fn(async () => {
				unsubscribing += 1;
				await hold;
				unsubscribing -= 1;
				if (current === created) current = null;
				return true;
			})
		};
		return created;
	};
	const subscribe = () => {
		made += 1;
		current = subscription(made === 1 ? FIRST_ENDPOINT : `${FIRST_ENDPOINT}-${made}`);
		return current;
	};
	subscribe();
	const pushManager = {
		getSubscription: async () => current,
		subscribe: async () => subscribe()
	};
	vi.stubGlobal('window', { PushManager: class {}, Notification: class {} });
	vi.stubGlobal('Notification', {
		permission: 'granted',
		requestPermission: vi.fn(async () => 'granted')
	});
	vi.stubGlobal('navigator', {
		serviceWorker: {
			register: async () => ({}),
			ready: Promise.resolve({ pushManager }),
			getRegistration: async () => ({ pushManager })
		},
		...(locks && { locks })
	});
	return {
		/** The endpoint of the subscription the browser has now; undefined: none. */
		endpoint: () => current?.endpoint,
		/** Whether an `unsubscribe` has begun and not ended yet. */
		unsubscribing: () => unsubscribing > 0,
		/** Holds every `unsubscribe` until the function answered is called. */
		holdUnsubscribe(): () => void {
			let release = () => {};
			hold = new Promise((resolve) => (release = resolve));
			return release;
		}
	};
}

/**
 * The server's push routes in place of `fetch`: its key (W1), and each subscribe (POST) or
 * unsubscribe (DELETE) of a room answered by `answer`, when it likes (the request's signal in
 * hand, to give up as `fetch` does). Answers the stub.
 */
export function pushServer(
	answer: (method: string | undefined, signal: AbortSignal | undefined) => Promise<Response>
) {
	const fetch = vi.fn(async (url: string, init?: RequestInit) =>
		url.endsWith('/api/push/key')
			? Response.json({ publicKey: SERVER_KEY })
			: answer(init?.method, init?.signal ?? undefined)
	);
	vi.stubGlobal('fetch', fetch);
	return fetch;
}

/** An answer that never comes: the request fails as `fetch` fails once `signal` aborts. */
export const neverAnswered = (signal: AbortSignal | undefined) =>
	new Promise<Response>((_, reject) =>
		signal?.addEventListener('abort', () => reject(signal.reason), { once: true })
	);
