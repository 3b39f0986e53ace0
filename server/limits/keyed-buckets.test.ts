import { describe, expect, test } from 'vitest';
import { KeyedBuckets } from './keyed-buckets';

const hourly = { capacity: 2, perSecond: 2 / 3600 };

describe('buckets per key', () => {
	test('each key has its own bucket', () => {
		const buckets = new KeyedBuckets(hourly, 10);
		expect([1, 2, 3].map(() => buckets.take('a', 0).ok)).toEqual([true, true, false]);
		expect(buckets.take('b', 0).ok).toBe(true);
	});

	test('a refused key is told when it may try again', () => {
		const buckets = new KeyedBuckets(hourly, 10);
		buckets.take('a', 0);
		buckets.take('a', 0);
		expect(buckets.take('a', 600_000)).toMatchObject({ ok: false, retryAfterMs: 1_200_000 });
		expect(buckets.take('a', 1_800_000).ok).toBe(true);
	});

	test('beyond its capacity of keys it forgets the least recently used one', () => {
		const buckets = new KeyedBuckets(hourly, 2);
		for (const key of ['a', 'a', 'b', 'b']) buckets.take(key, 0);
		// a is used again, so b is the least recent when c arrives.
		expect(buckets.take('a', 0).ok).toBe(false);
		buckets.take('c', 0);
		expect(buckets.take('a', 0).ok).toBe(false);
		expect(buckets.take('b', 0).ok).toBe(true);
	});
});
