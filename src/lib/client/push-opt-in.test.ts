import { expect, test } from 'vitest';
import { inLocale } from '../i18n/in-locale';
import {
	afterPermission,
	afterSubscribe,
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

test('[W1] [W2] the server’s answer decides the state: on, not joined, push service refused, or failed', () => {
	expect(afterSubscribe(201)).toBe('on');
	expect(afterSubscribe(403)).toBe('not-joined');
	expect(afterSubscribe(422)).toBe('service-refused');
	expect(afterSubscribe(400)).toBe('failed');
	expect(afterSubscribe(503)).toBe('failed');
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
