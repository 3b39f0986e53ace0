import { DAY_MS } from '../../time-units';
import type { WorkingHours } from '../../protocol/pairing';
import { instantOf, minutesOf, rememberingInstantOf, wallTimeAt } from './zoned-time';

/** How many days of working hours are placed unless told: a week. */
export const WEEK_DAYS = 7;

/** A stretch of time between two instants, `start` included and `end` not. */
export interface Interval {
	start: number;
	end: number;
}

/**
 * The working hours someone in `zone` has in `[from, from + days)` (a week unless told), as UTC
 * instants, earliest first. Every local date the span touches is placed on its own (by `place`),
 * so hours keep their wall-clock times across a daylight-saving change.
 */
export function workingIntervals(
	hours: WorkingHours,
	zone: string,
	from: number,
	days = WEEK_DAYS,
	place: typeof instantOf = instantOf
): Interval[] {
	const to = from + days * DAY_MS;
	const start = minutesOf(hours.start);
	const end = minutesOf(hours.end);
	const intervals: Interval[] = [];
	// Calendar dates from the day before to the day after: a zone far from UTC starts its dates
	// a day off. Dates are counted on the calendar, not in steps of 24 hours, which a
	// daylight-saving change would push past a date.
	const first = wallTimeAt(from - DAY_MS, zone);
	for (let offset = 0; offset < days + 3; offset++) {
		const date = new Date(Date.UTC(first.year, first.month - 1, first.day + offset));
		const day = {
			year: date.getUTCFullYear(),
			month: date.getUTCMonth() + 1,
			day: date.getUTCDate()
		};
		const weekday = ((date.getUTCDay() + 6) % 7) + 1;
		if (!hours.days.includes(weekday)) continue;
		const interval = {
			start: Math.max(from, place(zone, day, start)),
			end: Math.min(to, place(zone, day, end))
		};
		if (interval.end > interval.start) intervals.push(interval);
	}
	return intervals.sort((a, b) => a.start - b.start);
}

/** Where two lists of sorted, non-overlapping intervals overlap. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
	const both: Interval[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		const left = a[i];
		const right = b[j];
		if (!left || !right) break;
		const start = Math.max(left.start, right.start);
		const end = Math.min(left.end, right.end);
		if (start < end) both.push({ start, end });
		if (left.end < right.end) i++;
		else j++;
	}
	return both;
}

/** The length of some intervals in whole minutes. */
export const minutesIn = (intervals: readonly Interval[]): number =>
	Math.floor(intervals.reduce((sum, { start, end }) => sum + (end - start), 0) / 60_000);

/** Someone's working hours and the zone they keep them in. */
export interface Hours {
	hours: WorkingHours;
	zone: string;
}

/**
 * Each person's working hours in `[from, from + days)` (`workingIntervals`), a week unless told.
 * Each zone's date and minute is placed once for all of them (a pool shares a few zones and
 * hours), and for whatever else is given the same `place`.
 */
export function everyonesIntervals(
	people: readonly Hours[],
	from: number,
	days = WEEK_DAYS,
	place = rememberingInstantOf()
): Interval[][] {
	return people.map(({ hours, zone }) => workingIntervals(hours, zone, from, days, place));
}

/** Sorted intervals with those that touch joined into one. */
function joinTouching(intervals: readonly Interval[]): Interval[] {
	const joined: Interval[] = [];
	for (const interval of intervals) {
		const last = joined.at(-1);
		if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
		else joined.push({ ...interval });
	}
	return joined;
}

/**
 * Where everyone's working hours meet in `[from, from + days)`, a week unless told. Stretches
 * that touch are one: someone working 00:00–24:00 has days that meet at their midnight, which
 * must not cut another's 08:00–17:00 in two.
 */
export const sharedHours = (
	people: readonly [Hours, ...Hours[]],
	from: number,
	days = WEEK_DAYS
): Interval[] =>
	joinTouching(
		everyonesIntervals(people, from, days).reduce((shared, next) => intersect(shared, next))
	);

/**
 * The week everyone's working hours meet in, as the pattern it repeats: a shared stretch under
 * way at `from` is taken whole from its start, and its return a week on falls outside. Counted
 * from the middle of a stretch, that weekday would instead show as two cut pieces at either end
 * of the week, and read as missing from the pattern.
 */
export function usualSharedWeek(people: readonly [Hours, ...Hours[]], from: number): Interval[] {
	const underWay = sharedHours(people, from - DAY_MS).find(
		({ start, end }) => start < from && from < end
	);
	return sharedHours(people, underWay?.start ?? from);
}
