import { afterEach, expect, test, vi } from 'vitest';
import { checkReadiness } from './readiness';

afterEach(() => vi.useRealTimers());

test('ready when every backend answers', async () => {
	expect(await checkReadiness({ sqlite: async () => 1 })).toEqual({
		ready: true,
		checks: { sqlite: 'ok' }
	});
});

test('not ready, naming the backend, when one fails', async () => {
	const readiness = await checkReadiness({
		redis: () => Promise.reject(new Error('ECONNREFUSED')),
		other: async () => 'PONG'
	});
	expect(readiness).toEqual({ ready: false, checks: { redis: 'unreachable', other: 'ok' } });
});

test('a backend that does not answer in time is unreachable', async () => {
	vi.useFakeTimers();
	const checking = checkReadiness({ redis: () => new Promise(() => {}) }, 1_000);
	await vi.advanceTimersByTimeAsync(1_000);
	expect(await checking).toEqual({ ready: false, checks: { redis: 'unreachable' } });
});
