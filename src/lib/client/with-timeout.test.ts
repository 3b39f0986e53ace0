import { expect, test } from 'vitest';
import { withTimeout } from './with-timeout';

/** The reason `signal` aborts with, once it does. */
const aborted = (signal: AbortSignal) =>
	new Promise<unknown>((resolve) =>
		signal.addEventListener('abort', () => resolve(signal.reason), { once: true })
	);

test('without a signal of its own it gives up when the time runs out', async () => {
	const signal = withTimeout(undefined, 10);
	expect(signal.aborted).toBe(false);
	await expect(aborted(signal)).resolves.toMatchObject({ name: 'TimeoutError' });
});

test('it gives up when the time runs out, though the caller has not', async () => {
	const caller = new AbortController();
	await expect(aborted(withTimeout(caller.signal, 10))).resolves.toMatchObject({
		name: 'TimeoutError'
	});
	expect(caller.signal.aborted).toBe(false);
});

test('the caller calling it off ends it at once, with the caller’s reason', () => {
	const caller = new AbortController();
	const signal = withTimeout(caller.signal, 60_000);
	caller.abort('a later choice');
	expect(signal).toMatchObject({ aborted: true, reason: 'a later choice' });
});

test('a caller’s signal that has aborted already ends it from the start', () => {
	expect(withTimeout(AbortSignal.abort('gone'), 60_000)).toMatchObject({
		aborted: true,
		reason: 'gone'
	});
});
