import { expect, test } from 'vitest';
import { inLocale } from '../i18n/in-locale';
import type { ApiProblemCode } from '../protocol/api-problem';
import {
	afterAnswer,
	afterTurnOff,
	mayEndDevice,
	afterPermission,
	applicationServerKey,
	isProblem,
	madeWithKey,
	pushStateWords
} from './push-opt-in';

test('[W1] a refused permission says how to allow it; a closed prompt only that it was not allowed', () => {
	expect(afterPermission('granted')).toBeUndefined();
	expect(afterPermission('denied')).toBe('denied');
	expect(afterPermission('default')).toBe('dismissed');
	expect(pushStateWords('denied')).toMatch(/site settings/);
	expect(isProblem('denied')).toBe(true);
	expect(isProblem('dismissed')).toBe(false);
});

/** The server's refusal with `status`, as `requestJson` hands it on (docs/protocol.md, HTTP). */
const refused = (status: number, code: ApiProblemCode, params = {}) => {
	const body = { error: 'English for API users', code, params };
	return { ok: false as const, status, problem: body, body };
};
/** An answer with no refusal in it: a proxy's page, or no answer at all (status 0). */
const noCode = (status: number) => ({
	ok: false as const,
	status,
	problem: undefined,
	body: '<html>'
});

test('[W1] [W3] a subscription the server stored turns notifications on; a removed one, off', () => {
	const done = { ok: true as const, status: 201, data: { subscribed: true } };
	expect(afterAnswer(done, 'on')).toBe('on');
	expect(afterAnswer({ ...done, status: 200 }, 'off')).toBe('off');
});

test('[W1] [W2] each refusal is worded by its code, not by its status', () => {
	const words = (answer: ReturnType<typeof refused>) => pushStateWords(afterAnswer(answer, 'on'));
	expect(words(refused(403, 'not_a_member'))).toBe(
		'Join the room first, then turn on notifications.'
	);
	// Both 403: only the code tells them apart.
	expect(words(refused(403, 'push_not_yours'))).toMatch(/set up for someone else in this room/);
	expect(words(refused(403, 'cross_site'))).toMatch(/only from its own pages/);
	expect(words(refused(422, 'push_service_refused'))).toMatch(/push service/);
	expect(words(refused(409, 'full', { max: 5 }))).toBe(
		'There is no space for more here: the limit is 5.'
	);
	expect(words(refused(404, 'room_not_found'))).toBe('This room does not exist or has ended.');
	expect(isProblem(afterAnswer(refused(403, 'push_not_yours'), 'on'))).toBe(true);
	expect(
		inLocale('de', () => pushStateWords(afterAnswer(refused(403, 'push_not_yours'), 'on')))
	).toMatch(/^Diese Benachrichtigungen sind für jemand anderen/);
});

test('an answer without a known code says what could not be done: turning on, or off', () => {
	expect(pushStateWords(afterAnswer(noCode(502), 'on'))).toBe(
		'Notifications could not be turned on just now. Try again in a moment.'
	);
	expect(pushStateWords(afterAnswer(noCode(0), 'off'))).toBe(
		'Notifications could not be turned off just now. Try again in a moment.'
	);
});

test('[W3] turning off: the device stops when the room took it back, or cannot be asked any more', () => {
	const done = { ok: true as const, status: 200, data: { removed: true } };
	expect(mayEndDevice(done)).toBe(true);
	expect(afterTurnOff(done, true)).toBe('off');
	// Another room here keeps the browser's subscription; this room no longer uses it.
	expect(afterTurnOff(done, false)).toBe('off');
	// Removed, or locked out while away: the room cannot be asked, the device stops anyway.
	const shutOut = refused(403, 'not_a_member');
	expect(mayEndDevice(shutOut)).toBe(true);
	expect(afterTurnOff(shutOut, true)).toBe('off');
	// ... unless another room here gets its notifications the same way: the person is told.
	expect(pushStateWords(afterTurnOff(shutOut, false))).toMatch(
		/^The room no longer lets you in, so it cannot stop its notifications, and another room/
	);
	expect(inLocale('de', () => pushStateWords(afterTurnOff(shutOut, false)))).toMatch(
		/^Der Raum lässt dich nicht mehr herein/
	);
	expect(inLocale('es', () => pushStateWords(afterTurnOff(shutOut, false)))).toMatch(
		/^La sala ya no te deja entrar/
	);
	// Other refusals keep the device as it is, worded by their code, as turning on words them.
	const gone = refused(404, 'room_not_found');
	expect(mayEndDevice(gone)).toBe(false);
	expect(pushStateWords(afterTurnOff(gone, false))).toBe('This room does not exist or has ended.');
});

test('every state but off is worded in the person’s language', () => {
	expect(pushStateWords('off')).toBeUndefined();
	expect(inLocale('de', () => pushStateWords('on'))).toBe(
		'Dieses Gerät wird benachrichtigt, wenn du dran bist.'
	);
	expect(inLocale('es', () => pushStateWords('unsupported'))).toMatch(/^Este navegador/);
});

test('a VAPID key in base64url becomes its bytes, and a subscription is matched to the key it was made with', () => {
	const key = applicationServerKey('BAEC_-8');
	expect([...key]).toEqual([4, 1, 2, 255, 239]);
	expect(madeWithKey(new Uint8Array([4, 1, 2, 255, 239]).buffer, key)).toBe(true);
	expect(madeWithKey(new Uint8Array([4, 1, 2, 255, 0]).buffer, key)).toBe(false);
	expect(madeWithKey(null, key)).toBe(false);
});
