/** The value below which `p` percent of the sorted samples fall (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface Summary {
	count: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
}

export function summarize(samples: readonly number[]): Summary {
	const sorted = [...samples].sort((a, b) => a - b);
	return {
		count: sorted.length,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99: percentile(sorted, 99),
		max: sorted.at(-1) ?? Number.NaN
	};
}

/** The median of several runs' figures, as quoted in docs/performance.md. */
export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length / 2;
	return sorted.length % 2 === 1
		? sorted[Math.floor(middle)]!
		: (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Counts what each receiver saw of a sender's numbered updates: every number from 1 to `sent`
 * should arrive exactly once.
 */
export function deliveryFaults(
	sent: number,
	seen: readonly number[]
): { dropped: number; duplicated: number } {
	const counts = new Map<number, number>();
	for (const n of seen) counts.set(n, (counts.get(n) ?? 0) + 1);
	let dropped = 0;
	let duplicated = 0;
	for (let n = 1; n <= sent; n++) {
		const count = counts.get(n) ?? 0;
		if (count === 0) dropped++;
		else duplicated += count - 1;
	}
	return { dropped, duplicated };
}

/** A straight line `y = intercept + slope × x`. */
export interface LineFit {
	slope: number;
	intercept: number;
}

/** The least-squares line through the points; NaN for fewer than two distinct x values. */
export function linearFit(points: readonly { x: number; y: number }[]): LineFit {
	const n = points.length;
	const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
	const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
	let covariance = 0;
	let variance = 0;
	for (const { x, y } of points) {
		covariance += (x - meanX) * (y - meanY);
		variance += (x - meanX) ** 2;
	}
	if (!(variance > 0)) return { slope: Number.NaN, intercept: Number.NaN };
	const slope = covariance / variance;
	return { slope, intercept: meanY - slope * meanX };
}

/**
 * Growth below which memory counts as levelled off: 1 % of the mean per 10 minutes. A leak at
 * that rate would take about 17 hours of the same traffic to double the memory.
 */
export const LEVELLED_OFF_PERCENT_PER_10_MIN = 1;

export interface MemoryTrend {
	/** From when (ms into the run) the line was fitted: the second half of the run. */
	fromMs: number;
	samples: number;
	meanKiB: number;
	slopeKiBPerMin: number;
	/** The slope as a share of the mean over the fitted stretch, per 10 minutes. */
	percentPer10Min: number;
	levelledOff: boolean;
}

/**
 * How memory moved over the second half of a run of `durationMs`: the least-squares slope of
 * `bytes` against time over the samples taken from half-way on. The first half is left out: it
 * holds the ramp-up (rooms filling, JIT, heap sizing), which is growth by design.
 */
export function memoryTrend(
	samples: readonly { atMs: number; bytes: number }[],
	durationMs: number
): MemoryTrend {
	const fromMs = durationMs / 2;
	const points = samples
		.filter((s) => s.atMs >= fromMs)
		.map((s) => ({ x: s.atMs / 60_000, y: s.bytes / 1024 }));
	const meanKiB = points.reduce((sum, p) => sum + p.y, 0) / points.length;
	const slopeKiBPerMin = linearFit(points).slope;
	const percentPer10Min = ((slopeKiBPerMin * 10) / meanKiB) * 100;
	return {
		fromMs,
		samples: points.length,
		meanKiB,
		slopeKiBPerMin,
		percentPer10Min,
		levelledOff: percentPer10Min < LEVELLED_OFF_PERCENT_PER_10_MIN
	};
}
