import { describe, expect, test } from 'vitest';
import { fullBucket, take, type Bucket } from './token-bucket';

const rate = { capacity: 3, perSecond: 2 };

/** Takes one message at each time; answers which were allowed. */
function takeAt(times: number[], start: Bucket = fullBucket(rate, 0)): boolean[] {
	let bucket = start;
	return times.map((now) => {
		const taken = take(bucket, now);
		bucket = taken.bucket;
		return taken.ok;
	});
}

describe('token bucket', () => {
	test('allows a burst of its capacity at once, and refuses the next message', () => {
		expect(takeAt([0, 0, 0, 0])).toEqual([true, true, true, false]);
	});

	test('refills at its rate: one message every half second at 2 a second', () => {
		expect(takeAt([0, 0, 0, 0, 499, 500, 500, 1000])).toEqual([
			true,
			true,
			true,
			false,
			false,
			true,
			false,
			true
		]);
	});

	test('never holds more than its capacity, however long it rested', () => {
		expect(takeAt([0, 60_000, 60_000, 60_000, 60_000])).toEqual([true, true, true, true, false]);
	});

	test('a refused message takes nothing and says how long until it would pass', () => {
		let bucket = fullBucket(rate, 0);
		for (let i = 0; i < 3; i++) bucket = take(bucket, 0).bucket;
		const refused = take(bucket, 100);
		expect(refused).toMatchObject({ ok: false, retryAfterMs: 400 });
		expect(take(refused.bucket, 500).ok).toBe(true);
	});

	test('a message may cost more than one token', () => {
		const first = take(fullBucket(rate, 0), 0, 2);
		expect(first.ok).toBe(true);
		expect(take(first.bucket, 0, 2)).toMatchObject({ ok: false, retryAfterMs: 500 });
	});

	test('a clock that goes back refills nothing', () => {
		let bucket = fullBucket(rate, 10_000);
		for (let i = 0; i < 3; i++) bucket = take(bucket, 10_000).bucket;
		expect(take(bucket, 0).ok).toBe(false);
		expect(take(take(bucket, 0).bucket, 10_499).ok).toBe(false);
		expect(take(bucket, 10_500).ok).toBe(true);
	});
});
