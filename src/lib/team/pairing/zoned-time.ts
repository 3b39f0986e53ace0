/**
 * Wall-clock time in IANA zones as UTC instants, with `Intl` only (no Temporal): a zone's offset
 * at an instant is read from `formatToParts`, so daylight-saving changes come from the runtime's
 * time-zone data rather than from rules written here.
 */
import { DAY_MS } from '../../time-units';

const MINUTE_MS = 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(zone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(zone);
	if (!formatter) {
		// A fixed locale: these parts are read back as numbers and weekday ids, never shown.
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
			weekday: 'short'
		});
		formatters.set(zone, formatter);
	}
	return formatter;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** The wall clock in `zone` at instant `at`; `weekday` is ISO (1 Monday … 7 Sunday). */
export interface WallTime {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	weekday: number;
}

export function wallTimeAt(at: number, zone: string): WallTime {
	const parts = formatterOf(zone).formatToParts(at);
	const part = (type: Intl.DateTimeFormatPartTypes) =>
		parts.find((entry) => entry.type === type)?.value ?? '';
	const weekdayName = part('weekday');
	return {
		year: Number(part('year')),
		month: Number(part('month')),
		day: Number(part('day')),
		hour: Number(part('hour')),
		minute: Number(part('minute')),
		weekday: WEEKDAYS.findIndex((name) => name === weekdayName) + 1
	};
}

/** How far `zone`'s wall clock is ahead of UTC at instant `at`, in ms (whole minutes). */
export function offsetAt(at: number, zone: string): number {
	const wall = wallTimeAt(at, zone);
	const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
	return asUtc - Math.floor(at / MINUTE_MS) * MINUTE_MS;
}

/**
 * The instant a wall-clock time in `zone` names. A time skipped by a spring-forward change is
 * taken as the same distance after the change (02:30 becomes 03:30); a time that happens twice
 * in autumn is its first occurrence.
 */
export function instantOf(
	zone: string,
	date: { year: number; month: number; day: number },
	minuteOfDay: number
): number {
	const local = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE_MS;
	// Offsets either side of the instant: the earlier one wins for a repeated hour.
	const before = offsetAt(local - DAY_MS / 2, zone);
	const after = offsetAt(local + DAY_MS / 2, zone);
	const first = local - before;
	if (offsetAt(first, zone) === before) return first;
	const second = local - after;
	if (offsetAt(second, zone) === after) return second;
	// In the gap a spring-forward skips: the offset before it, read on the far side.
	return local - before;
}

/**
 * `instantOf` that remembers what it found, by zone, date and minute, for as long as its caller
 * keeps it: each instant costs several `formatToParts` calls, and placing a pool's working hours
 * asks for the same few again for every person (people share zones and hours).
 */
export function rememberingInstantOf(): typeof instantOf {
	const found = new Map<string, number>();
	return (zone, date, minuteOfDay) => {
		const key = `${zone} ${date.year}-${date.month}-${date.day} ${minuteOfDay}`;
		let instant = found.get(key);
		if (instant === undefined) {
			instant = instantOf(zone, date, minuteOfDay);
			found.set(key, instant);
		}
		return instant;
	};
}

/** `HH:MM` as minutes after midnight. */
export const minutesOf = (clock: string): number =>
	Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** Minutes after midnight as `HH:MM`. */
export const clockOf = (minutes: number): string =>
	`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
