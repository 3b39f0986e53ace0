import { describe, expect, test } from 'vitest';
import {
	barsOf,
	markerPath,
	niceCeiling,
	pathThrough,
	plotPoints,
	scale,
	type Box
} from './metrics-chart';

const BOX: Box = { width: 110, height: 60, padding: { top: 10, right: 0, bottom: 10, left: 10 } };

describe('chart geometry', () => {
	test('scales a domain onto a range, also upside down as SVG needs', () => {
		expect(scale([0, 10], [0, 100])(2.5)).toBe(25);
		expect(scale([1, 5], [50, 10])(5)).toBe(10);
		expect(scale([3, 3], [0, 100])(3)).toBe(50);
	});

	test('count axes end on a round number', () => {
		expect([0, 1, 3, 7, 12, 45, 180].map(niceCeiling)).toEqual([1, 1, 5, 10, 20, 50, 200]);
	});

	test('bars stand on the baseline, zero weeks as flat bars, the tallest reaching the round top', () => {
		const { bars, top, baseline } = barsOf(
			[
				{ label: 'a', value: 0 },
				{ label: 'b', value: 5 },
				{ label: 'c', value: 10 },
				{ label: 'd', value: 2 }
			],
			BOX
		);
		expect(top).toBe(10);
		expect(baseline).toBe(50);
		expect(bars.map((b) => b.height)).toEqual([0, 20, 40, 8]);
		expect(bars.every((b) => b.y + b.height === 50)).toBe(true);
		expect(bars.map((b) => b.x)).toEqual([13.75, 38.75, 63.75, 88.75]);
	});

	test('trend points run along time and value; a path joins them in order', () => {
		const points = plotPoints(
			[
				{ at: 0, value: 1 },
				{ at: 50, value: 5 }
			],
			BOX,
			[0, 100],
			[1, 5]
		);
		expect(points).toEqual([
			{ x: 10, y: 50 },
			{ x: 60, y: 10 }
		]);
		expect(pathThrough(points)).toBe('M10.0 50.0 L60.0 10.0');
	});

	test('each marker is a closed shape of its own', () => {
		const shapes = (['circle', 'square', 'triangle', 'diamond'] as const).map((m) =>
			markerPath(m, { x: 10, y: 10 })
		);
		expect(new Set(shapes).size).toBe(4);
		expect(shapes[1]).toBe('M6 6 h8 v8 h-8 Z');
	});
});
