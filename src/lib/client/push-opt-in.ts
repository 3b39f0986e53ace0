import { m } from '../paraglide/messages';
import { assertNever } from '../assert-never';

/**
 * Where this browser stands with the room's turn notifications (protocol W1–W3): the opt-in's
 * state, decided from what the browser and the server answered. Pure: the I/O is in
 * ./push-opt-in.svelte.ts.
 */
export type PushState =
	/** No service worker, Push API or notifications here (an old browser, a private window). */
	| 'unsupported'
	/** The server sends no notifications (`PUSH_SERVICES=off`): nothing to offer. */
	| 'unavailable'
	| 'off'
	| 'working'
	| 'on'
	/** The person, or the browser's settings, blocked notifications for this site. */
	| 'denied'
	/** The permission prompt was closed without an answer. */
	| 'dismissed'
	/** The server needs the ticket of a join: the person has not joined (yet). */
	| 'not-joined'
	/** The browser's push service is not one the server sends to (PUSH_SERVICES). */
	| 'service-refused'
	| 'failed';

/** The state after the permission prompt, or undefined when notifications were allowed. */
export function afterPermission(permission: NotificationPermission): PushState | undefined {
	switch (permission) {
		case 'granted':
			return undefined;
		case 'denied':
			return 'denied';
		case 'default':
			return 'dismissed';
		default:
			return assertNever(permission);
	}
}

/** The state after the server answered a subscription with `status`. */
export function afterSubscribe(status: number): PushState {
	if (status === 201) return 'on';
	if (status === 403) return 'not-joined';
	// 422: the endpoint's push service is not one this server sends to.
	if (status === 422) return 'service-refused';
	return 'failed';
}

/** What the opt-in says in `state`, in the person's language; undefined: nothing to say. */
export function pushStateWords(state: PushState): string | undefined {
	switch (state) {
		case 'off':
		case 'unavailable':
			return undefined;
		case 'working':
			return m.async_push_working();
		case 'on':
			return m.async_push_on();
		case 'unsupported':
			return m.async_push_unsupported();
		case 'denied':
			return m.async_push_denied();
		case 'dismissed':
			return m.async_push_dismissed();
		case 'not-joined':
			return m.async_push_not_joined();
		case 'service-refused':
			return m.async_push_service_refused();
		case 'failed':
			return m.async_push_failed();
		default:
			return assertNever(state);
	}
}

/** Whether the state is a refusal the person should notice (an alert, not a status). */
export const isProblem = (state: PushState): boolean =>
	['denied', 'not-joined', 'service-refused', 'failed'].includes(state);

/** A VAPID public key (base64url) as the bytes `pushManager.subscribe` takes. */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
	const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
	const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
	return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

/** Whether a subscription was made with `key` (after a key rotation, an old one is not). */
export function madeWithKey(subscriptionKey: ArrayBuffer | null, key: Uint8Array): boolean {
	if (subscriptionKey === null) return false;
	const bytes = new Uint8Array(subscriptionKey);
	return bytes.length === key.length && bytes.every((byte, index) => byte === key[index]);
}
