import { describe, expect, test } from 'vitest';
import { deliveryFaults, median, percentile, summarize } from './stats';

describe('bench statistics', () => {
	test('percentiles use the nearest rank', () => {
		const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
		expect(percentile(sorted, 50)).toBe(50);
		expect(percentile(sorted, 99)).toBe(99);
		expect(percentile(sorted, 100)).toBe(100);
		expect(percentile([7], 99)).toBe(7);
		expect(percentile([], 50)).toBeNaN();
	});

	test('a summary sorts its samples first', () => {
		expect(summarize([5, 1, 3, 2, 4])).toEqual({ count: 5, p50: 3, p95: 5, p99: 5, max: 5 });
		expect(median([30, 10, 20])).toBe(20);
		expect(median([40, 10, 20, 30])).toBe(25);
	});

	test('dropped and duplicated updates are counted against what was sent', () => {
		expect(deliveryFaults(5, [1, 2, 3, 4, 5])).toEqual({ dropped: 0, duplicated: 0 });
		expect(deliveryFaults(5, [1, 2, 2, 4, 5, 5, 5])).toEqual({ dropped: 1, duplicated: 3 });
	});
});
