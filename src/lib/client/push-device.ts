import { readStored, removeStored, storedKeys } from './identity';

const STORED_PREFIX = 'practice-room:push:';

/** Where the endpoint this browser subscribed with in a room is kept, so the room can say "on". */
export const pushEndpointKey = (roomId: string) => `${STORED_PREFIX}${roomId}`;

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

/** Whether a room other than `roomId` gets this browser's notifications with `endpoint`. */
function otherRoomsUsing(endpoint: string, roomId: string): boolean {
	return storedKeys(STORED_PREFIX).some(
		(key) => key !== pushEndpointKey(roomId) && readStored(key) === endpoint
	);
}

/**
 * Ends the browser's `subscription` now that `roomId` no longer uses it, unless another room on
 * this device still does: one subscription serves every room the person turned notifications on
 * in. Answers whether it ended.
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
	removeStored(pushEndpointKey(roomId));
	try {
		const subscription = await deviceSubscription();
		// Only the one this room used: one made since (a rotated key ended this room's) is others'.
		if (subscription?.endpoint === endpoint) await releaseSubscription(subscription, roomId);
	} catch {
		// The browser keeps its subscription, but nothing is sent to it for this room any more.
	}
}
