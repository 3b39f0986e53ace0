/**
 * The geometry of the practice charts: plain numbers for SVG attributes (the pages'
 * Content-Security-Policy allows no inline styles, so charts are drawn with attributes alone).
 * Pure, so the drawing can be tested without a browser.
 */

export interface Box {
	width: number;
	height: number;
	/** Room kept free around the plot: for value labels above, axis labels below and left. */
	padding: { top: number; right: number; bottom: number; left: number };
}

/** Maps `domain` onto `range` linearly; a domain of one value maps to the range's middle. */
export function scale(
	[d0, d1]: readonly [number, number],
	[r0, r1]: readonly [number, number]
): (value: number) => number {
	if (d1 === d0) return () => (r0 + r1) / 2;
	return (value) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** A round top for a count axis: 1, 2, 5 or 10 times a power of ten, at least `max`, at least 1. */
export function niceCeiling(max: number): number {
	if (max <= 1) return 1;
	const power = 10 ** Math.floor(Math.log10(max));
	const step = [1, 2, 5, 10].find((m) => m * power >= max) ?? 10;
	return step * power;
}

export interface Bar {
	x: number;
	y: number;
	width: number;
	height: number;
	/** The middle of the bar, for its labels. */
	centre: number;
	value: number;
	label: string;
}

/** One bar per value, side by side from the left, heights against a shared round top. */
export function barsOf(
	values: readonly { label: string; value: number }[],
	box: Box,
	top = niceCeiling(Math.max(0, ...values.map((v) => v.value)))
): { bars: Bar[]; top: number; baseline: number } {
	const { padding } = box;
	const baseline = box.height - padding.bottom;
	const slot = (box.width - padding.left - padding.right) / Math.max(1, values.length);
	const y = scale([0, top], [baseline, padding.top]);
	const width = slot * 0.7;
	return {
		top,
		baseline,
		bars: values.map(({ label, value }, index) => {
			const x = padding.left + index * slot + (slot - width) / 2;
			return {
				x,
				y: y(value),
				width,
				height: baseline - y(value),
				centre: x + width / 2,
				value,
				label
			};
		})
	};
}

export interface PlotPoint {
	x: number;
	y: number;
}

/** Points of a trend line in the box, time along x over `[from, to]`, values over `[min, max]`. */
export function plotPoints(
	points: readonly { at: number; value: number }[],
	box: Box,
	[from, to]: readonly [number, number],
	[min, max]: readonly [number, number]
): PlotPoint[] {
	const x = scale([from, to], [box.padding.left, box.width - box.padding.right]);
	const y = scale([min, max], [box.height - box.padding.bottom, box.padding.top]);
	return points.map((point) => ({ x: x(point.at), y: y(point.value) }));
}

/** The `d` of an SVG path through the points, in order. */
export function pathThrough(points: readonly PlotPoint[]): string {
	return points
		.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`)
		.join(' ');
}

/** The marker shapes that tell series apart without colour. */
export const MARKERS = ['circle', 'square', 'triangle', 'diamond'] as const;
export type Marker = (typeof MARKERS)[number];

/** The `d` of a marker of `size` centred on a point (a circle is drawn as two arcs). */
export function markerPath(marker: Marker, { x, y }: PlotPoint, size = 4): string {
	const s = size;
	switch (marker) {
		case 'circle':
			return `M${x - s} ${y} a${s} ${s} 0 1 0 ${2 * s} 0 a${s} ${s} 0 1 0 ${-2 * s} 0`;
		case 'square':
			return `M${x - s} ${y - s} h${2 * s} v${2 * s} h${-2 * s} Z`;
		case 'triangle':
			return `M${x} ${y - s * 1.2} L${x + s * 1.2} ${y + s} L${x - s * 1.2} ${y + s} Z`;
		case 'diamond':
			return `M${x} ${y - s * 1.3} L${x + s * 1.3} ${y} L${x} ${y + s * 1.3} L${x - s * 1.3} ${y} Z`;
	}
}
