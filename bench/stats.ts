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
