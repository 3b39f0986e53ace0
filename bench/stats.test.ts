import { describe, expect, test } from 'vitest';
import { deliveryFaults, linearFit, median, memoryTrend, percentile, summarize } from './stats';

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

	test('a least-squares line recovers the slope and intercept of exact points', () => {
		const points = [0, 1, 2, 3].map((x) => ({ x, y: 5 + 2 * x }));
		expect(linearFit(points)).toEqual({ slope: 2, intercept: 5 });
		// With noise it is the least-squares line (1.6), not the line through the end points (4/3).
		const noisy = points.map((p, i) => ({ x: p.x, y: p.y + (i % 2 === 0 ? 1 : -1) }));
		expect(linearFit(noisy).slope).toBeCloseTo(1.6);
		expect(linearFit([{ x: 1, y: 2 }]).slope).toBeNaN();
		expect(linearFit([]).slope).toBeNaN();
	});

	const MiB = 2 ** 20;
	const minute = 60_000;
	/** One sample a minute for 30 minutes, from `bytesAt(minutes)`. */
	const run = (bytesAt: (minutes: number) => number) =>
		Array.from({ length: 31 }, (_, m) => ({ atMs: m * minute, bytes: bytesAt(m) }));

	test('memory that ramps up and then holds is levelled off; only the second half is fitted', () => {
		const trend = memoryTrend(
			run((m) => (m < 10 ? 100 * MiB + m * 10 * MiB : 200 * MiB)),
			30 * minute
		);
		expect(trend.fromMs).toBe(15 * minute);
		expect(trend.samples).toBe(16);
		expect(trend.slopeKiBPerMin).toBeCloseTo(0);
		expect(trend.meanKiB).toBeCloseTo(200 * 1024);
		expect(trend.levelledOff).toBe(true);
	});

	test('memory that keeps growing reports its slope in KiB a minute and % of the mean per 10 min', () => {
		// 1 MiB a minute around a mean of 200 MiB: 5 % per 10 minutes.
		const trend = memoryTrend(
			run((m) => 200 * MiB + (m - 22.5) * MiB),
			30 * minute
		);
		expect(trend.slopeKiBPerMin).toBeCloseTo(1024);
		expect(trend.meanKiB).toBeCloseTo(200 * 1024);
		expect(trend.percentPer10Min).toBeCloseTo(5);
		expect(trend.levelledOff).toBe(false);
	});

	test('a trend without samples in the second half is not levelled off', () => {
		const trend = memoryTrend([{ atMs: 0, bytes: MiB }], 30 * minute);
		expect(trend.samples).toBe(0);
		expect(trend.levelledOff).toBe(false);
	});
});
