import { countOf, type Noun } from '$lib/plural';
import { formatDay } from './metrics-dates';
import type { TrendPoint } from './metrics';

const counted = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * A chart of weeks in one sentence, the text alternative next to its table: the total, how
 * many weeks had some, and the busiest week.
 */
export function weeksSentence(
	weeks: readonly { week: string; value: number }[],
	unit: Noun
): string {
	const total = weeks.reduce((sum, w) => sum + w.value, 0);
	const span = counted(weeks.length, 'week');
	if (total === 0) return `None in the last ${span} yet.`;
	const active = weeks.filter((w) => w.value > 0).length;
	const busiest = weeks.reduce((best, w) => (w.value > best.value ? w : best));
	return `${countOf(total, unit)} in the last ${span}, in ${counted(active, 'week')}; the most, ${busiest.value}, in the week of ${formatDay(busiest.week)}.`;
}

/** A trend line in one sentence: how many points, over which days, first and latest value. */
export function trendSentence(points: readonly TrendPoint[], what: string): string {
	const first = points[0];
	const last = points.at(-1);
	if (!first || !last) return `No ${what} yet.`;
	if (points.length === 1)
		return `One ${what.replace(/s$/, '')}: ${first.value} on ${formatDay(first.date)}.`;
	return `${points.length} ${what} from ${formatDay(first.date)} to ${formatDay(last.date)}: first ${first.value}, latest ${last.value}.`;
}
