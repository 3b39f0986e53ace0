import { describe, expect, test } from 'vitest';
import { isRetryable, retryDelayMs } from './join-retry';

describe('joining again after storage was unavailable (protocol S24)', () => {
	test('[S24] [S25] unavailable and busy are retryable; a refusal that means no is not', () => {
		expect(isRetryable({ code: 'unavailable', message: 'later' })).toBe(true);
		expect(isRetryable({ code: 'busy', message: 'later' })).toBe(true);
		for (const code of [
			'internal',
			'room_full',
			'room_locked',
			'removed',
			'not_allowed'
		] as const) {
			expect(isRetryable({ code, message: 'no' })).toBe(false);
		}
	});

	test('[S24] the wait doubles from one second and stops growing at fifteen', () => {
		expect([0, 1, 2, 3, 4, 5, 20].map(retryDelayMs)).toEqual([
			1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000
		]);
	});
});
