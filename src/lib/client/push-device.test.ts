import { afterEach, describe, expect, test, vi } from 'vitest';
import { storage } from './local-storage.fixture';
import { forgetPush, pushEndpointKey } from './push-device';

const ERASED = 'erased-room-id-of-22-ch';
const OTHER = 'other-room-id-of-22-cha';
const ENDPOINT = 'https://fcm.googleapis.com/fcm/send/this-browser';

/** A browser that can get notifications, subscribed with `endpoint`; counts its unsubscribing. */
function browserSubscribed(endpoint: string, unsubscribe = async () => true) {
	const subscription = { endpoint, unsubscribe: vi.fn(unsubscribe) };
	vi.stubGlobal('window', { PushManager: class {}, Notification: class {} });
	vi.stubGlobal('navigator', {
		serviceWorker: {
			getRegistration: async () => ({
				pushManager: { getSubscription: async () => subscription }
			})
		}
	});
	return subscription;
}

afterEach(() => vi.unstubAllGlobals());

describe('[S18] erasing a room forgets its notifications on this device', () => {
	test('the endpoint kept for it goes, and the subscription no other room uses ends', async () => {
		const stored = storage({ [pushEndpointKey(ERASED)]: ENDPOINT, 'practice-room:name': 'Ana' });
		const subscription = browserSubscribed(ENDPOINT);
		await forgetPush(ERASED);
		expect([...stored.keys()]).toEqual(['practice-room:name']);
		expect(subscription.unsubscribe).toHaveBeenCalledOnce();
	});

	test('[W3] a subscription another room still uses is kept, as turning off keeps it', async () => {
		const stored = storage({
			[pushEndpointKey(ERASED)]: ENDPOINT,
			[pushEndpointKey(OTHER)]: ENDPOINT
		});
		const subscription = browserSubscribed(ENDPOINT);
		await forgetPush(ERASED);
		expect([...stored.keys()]).toEqual([pushEndpointKey(OTHER)]);
		expect(subscription.unsubscribe).not.toHaveBeenCalled();
	});

	test('a room that never turned them on, or a subscription made since, leaves the browser’s alone', async () => {
		storage({ [pushEndpointKey(OTHER)]: ENDPOINT });
		const subscription = browserSubscribed(ENDPOINT);
		await forgetPush(ERASED);
		const stored = storage({ [pushEndpointKey(ERASED)]: 'https://fcm.googleapis.com/old' });
		await forgetPush(ERASED);
		expect(stored.size).toBe(0);
		expect(subscription.unsubscribe).not.toHaveBeenCalled();
	});

	test('the entry goes even where the subscription cannot be reached or ended', async () => {
		const unsupported = storage({ [pushEndpointKey(ERASED)]: ENDPOINT });
		await forgetPush(ERASED);
		expect(unsupported.size).toBe(0);
		const failing = storage({ [pushEndpointKey(ERASED)]: ENDPOINT });
		browserSubscribed(ENDPOINT, () => Promise.reject(new Error('push service away')));
		await expect(forgetPush(ERASED)).resolves.toBeUndefined();
		expect(failing.size).toBe(0);
	});
});
