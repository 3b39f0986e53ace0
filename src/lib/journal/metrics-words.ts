import { assertNever } from '$lib/assert-never';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { formatDay } from './metrics-dates';
import type { TrendPoint } from './metrics';

/** A counted thing in the person's language: 3 → "3 sessions" (a plural message). */
export type Counted = (count: number, locale: Locale) => string;

/**
 * A chart of weeks in one sentence, the text alternative next to its table: the total, how
 * many weeks had some, and the busiest week.
 */
export function weeksSentence(
	weeks: readonly { week: string; value: number }[],
	unit: Counted,
	locale: Locale = getLocale()
): string {
	const total = weeks.reduce((sum, w) => sum + w.value, 0);
	const span = m.practice_in_last_weeks({ count: weeks.length }, { locale });
	if (total === 0) return m.practice_weeks_none({ span }, { locale });
	const active = weeks.filter((w) => w.value > 0).length;
	const busiest = weeks.reduce((best, w) => (w.value > best.value ? w : best));
	return m.practice_weeks_sentence(
		{
			total: unit(total, locale),
			span,
			active: m.practice_in_weeks({ count: active }, { locale }),
			most: busiest.value,
			week: formatDay(busiest.week, locale)
		},
		{ locale }
	);
}

/** What the points of a trend line are. */
export type TrendKind = 'ratings' | 'confidence' | 'pulse';

function trendWords(kind: TrendKind): {
	none: typeof m.practice_trend_none_ratings;
	counted: Counted;
} {
	switch (kind) {
		case 'ratings':
			return {
				none: m.practice_trend_none_ratings,
				counted: (count, locale) => m.practice_count_ratings({ count }, { locale })
			};
		case 'confidence':
			return {
				none: m.practice_trend_none_confidence,
				counted: (count, locale) => m.practice_count_confidence({ count }, { locale })
			};
		case 'pulse':
			return {
				none: m.practice_trend_none_pulse,
				counted: (count, locale) => m.practice_count_pulse({ count }, { locale })
			};
		default:
			return assertNever(kind);
	}
}

/** A trend line in one sentence: how many points, over which days, first and latest value. */
export function trendSentence(
	points: readonly TrendPoint[],
	kind: TrendKind,
	locale: Locale = getLocale()
): string {
	const { none, counted } = trendWords(kind);
	const first = points[0];
	const last = points.at(-1);
	if (!first || !last) return none({}, { locale });
	const count = counted(points.length, locale);
	if (points.length === 1)
		return m.practice_trend_one(
			{ count, value: first.value, date: formatDay(first.date, locale) },
			{ locale }
		);
	return m.practice_trend_many(
		{
			count,
			first: formatDay(first.date, locale),
			last: formatDay(last.date, locale),
			firstValue: first.value,
			lastValue: last.value
		},
		{ locale }
	);
}
