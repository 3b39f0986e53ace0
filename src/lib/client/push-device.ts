import { readStored, removeStored, storedKeys } from './identity';

const STORED_PREFIX = 'practice-room:push:';

/** Where the endpoint this browser subscribed with in a room is kept, so the room can say "on". */
export const pushEndpointKey = (roomId: string) => `${STORED_PREFIX}${roomId}`;

/**
 * Where the language a room's notifications were last asked for in is kept: apart from the
 * endpoints (another prefix), which are compared across rooms.
 */
export const pushLocaleKey = (roomId: string) => `practice-room:push-locale:${roomId}`;

/** Forgets what this browser kept of a room's notifications: its endpoint and their language. */
export function forgetPushRecord(roomId: string): void {
	removeStored(pushEndpointKey(roomId));
	removeStored(pushLocaleKey(roomId));
}

/** Whether this browser can get notifications from a web page at all. */
export const pushSupported = (): boolean =>
	typeof window !== 'undefined' &&
	'serviceWorker' in navigator &&
	'PushManager' in window &&
	'Notification' in window;

/** This browser's push subscription on the app's service worker, if it has one. */
export async function deviceSubscription(): Promise<PushSubscription | undefined> {
	if (!pushSupported()) return undefined;
	const registration = await navigator.serviceWorker.getRegistration('/');
	return (await registration?.pushManager.getSubscription()) ?? undefined;
}

/** The Web Lock every tab of this site takes to change the browser's push subscription. */
const PUSH_LOCK = 'practice-room:push';

/**
 * Runs `work` while no other tab of this site changes the browser's push subscription or which
 * rooms keep its endpoint. One subscription serves every room, so getting or making it, telling
 * the server and keeping it for a room in one tab must not interleave with finding, in another,
 * that no room keeps it and ending it: the room turning on would keep a dead endpoint. Not
 * reentrant: `work` must not ask for it again. Without Web Locks (a browser older than 2022:
 * Safari before 15.4, Firefox before 96) `work` runs at once, unguarded. An insecure context
 * lacks them too, but it has no service worker either, so it never subscribes and never gets here.
 */
export function withPushLock<T>(work: () => Promise<T>): Promise<T> {
	if (!('locks' in navigator)) return work();
	return navigator.locks.request(PUSH_LOCK, work);
}

/** Whether a room other than `roomId` gets this browser's notifications with `endpoint`. */
function otherRoomsUsing(endpoint: string, roomId: string): boolean {
	return storedKeys(STORED_PREFIX).some(
		(key) => key !== pushEndpointKey(roomId) && readStored(key) === endpoint
	);
}

/**
 * Ends the browser's `subscription` now that `roomId` no longer uses it, unless another room on
 * this device still does: one subscription serves every room the person turned notifications on
 * in. Answers whether it ended. Only under `withPushLock`, with the subscription read under it.
 */
export async function releaseSubscription(
	subscription: PushSubscription,
	roomId: string
): Promise<boolean> {
	return !otherRoomsUsing(subscription.endpoint, roomId) && (await subscription.unsubscribe());
}

/**
 * Forgets an erased room's notifications on this device (protocol S18): the endpoint kept for
 * it, and the browser's subscription with it as turning them off would (W3). The server erased
 * its own copy with the room (W7), so nothing is asked of it.
 */
export async function forgetPush(roomId: string): Promise<void> {
	const endpoint = readStored(pushEndpointKey(roomId));
	// At once: a tab closed while it waits for the lock still leaves nothing of the room here.
	forgetPushRecord(roomId);
	if (endpoint === null) return;
	try {
		await withPushLock(async () => {
			const subscription = await deviceSubscription();
			// Only the one this room used: one made since (a rotated key ended this room's) is others'.
			if (subscription?.endpoint === endpoint) await releaseSubscription(subscription, roomId);
		});
	} catch {
		// The browser keeps its subscription, but nothing is sent to it for this room any more.
	}
}
