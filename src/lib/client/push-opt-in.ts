import { m } from '../paraglide/messages';
import { assertNever } from '../assert-never';
import { apiProblemWords } from './api-problem-words';
import type { JsonAnswer } from './json-request';

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
	/** Turning notifications on failed in the browser (its push service, the worker). */
	| 'failed'
	| PushProblem;

/**
 * A problem worded for the person: the server's refusal, by its code (docs/protocol.md, HTTP:
 * `not_a_member`, `push_service_refused`, `push_not_yours`, `full`, …), or turning off failing.
 */
export interface PushProblem {
	problem: string;
}

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

/**
 * The state after the server answered the subscription (`asked` on, W1, W2) or its end (`off`,
 * W3): done, or the refusal worded by its code and params. An answer without a code this page
 * knows (a proxy's page, an older server) or no answer at all is worded by what was asked.
 */
export function afterAnswer(answer: JsonAnswer<unknown>, asked: 'on' | 'off'): PushState {
	if (answer.ok) return asked;
	const fallback = asked === 'on' ? m.async_push_failed() : m.async_push_off_failed();
	return { problem: apiProblemWords(answer.body, fallback) };
}

/**
 * Whether turning off may end this browser's subscription after `answer`: the room removed it
 * (W3), or no longer admits the person (`not_a_member`: removed, which deleted it, W7, or locked
 * out while away) and cannot be asked, while this device can stop.
 */
export const mayEndDevice = (answer: JsonAnswer<unknown>): boolean =>
	answer.ok || answer.problem?.code === 'not_a_member';

/**
 * The state after turning off (W3): the server's answer, and whether this browser's
 * subscription then ended. Locked out, a subscription that goes on serving another room here
 * goes on reaching this device for this one too: the person is told how to stop it. Ended, its
 * push service answers the room that the address is gone, and the room forgets it (W6).
 */
export function afterTurnOff(answer: JsonAnswer<unknown>, deviceEnded: boolean): PushState {
	if (answer.ok) return 'off';
	if (!mayEndDevice(answer)) return afterAnswer(answer, 'off');
	return deviceEnded ? 'off' : { problem: m.async_push_off_shared() };
}

/** Turning notifications off failed in the browser. */
export const offFailed = (): PushProblem => ({ problem: m.async_push_off_failed() });

/** What the opt-in says in `state`, in the person's language; undefined: nothing to say. */
export function pushStateWords(state: PushState): string | undefined {
	if (typeof state === 'object') return state.problem;
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
		case 'failed':
			return m.async_push_failed();
		default:
			return assertNever(state);
	}
}

/** Whether the state is a refusal the person should notice (an alert, not a status). */
export const isProblem = (state: PushState): boolean =>
	typeof state === 'object' || ['denied', 'not-joined', 'failed'].includes(state);

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
