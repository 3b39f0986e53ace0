/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import * as z from 'zod/mini';
import { pushPayloadSchema, type PushPayload } from '$lib/protocol/push-payload';

// Web Push only (protocol W5): no fetch handler, so no page is ever served from a cache. Registered
// when someone turns notifications on (src/lib/client/push-opt-in.svelte.ts), not on every visit.

// reason: in a service worker `self` is its global scope; TypeScript's lib types it as Window & …
const worker = self as unknown as ServiceWorkerGlobalScope;

/** The message's payload, or undefined when it is not one of this server's. */
function payloadOf(event: PushEvent): PushPayload | undefined {
	try {
		const parsed = pushPayloadSchema.safeParse(event.data?.json());
		return parsed.success ? parsed.data : undefined;
	} catch {
		return undefined;
	}
}

worker.addEventListener('push', (event) => {
	const payload = payloadOf(event);
	// A message the worker cannot read shows nothing of its own; the browser says a site pushed.
	if (!payload) return;
	event.waitUntil(
		worker.registration.showNotification(payload.title, {
			body: payload.body,
			tag: payload.tag,
			icon: '/favicon.svg',
			data: { path: payload.path }
		})
	);
});

/** What `push` above keeps on a notification: the room's path, as the payload's schema checks it. */
const notificationDataSchema = z.object({ path: pushPayloadSchema.shape.path });

/** The room the notification is about, checked again: data can only come from `push` above. */
const pathOf = (notification: Notification): string | undefined => {
	const data = notificationDataSchema.safeParse(notification.data);
	return data.success ? data.data.path : undefined;
};

worker.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const path = pathOf(event.notification);
	if (!path) return;
	event.waitUntil(
		(async () => {
			const url = new URL(path, worker.location.origin).href;
			const tabs = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
			const open = tabs.find((tab) => tab.url === url);
			if (open) await open.focus();
			else await worker.clients.openWindow(url);
		})()
	);
});
