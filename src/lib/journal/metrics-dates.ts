import { getLocale } from '$lib/paraglide/runtime';
import { DAY_MS } from '../time-units';

/**
 * Calendar dates as `YYYY-MM-DD` keys. A moment becomes a date only through a time zone passed
 * in, so the same entries give the same weeks on every machine; everything after that is date
 * arithmetic without zones (a date key is read as midnight UTC, which has no daylight saving).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		// A machine format: en-US numerals and parts, only read back into a date key.
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit'
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** The date it was at `ms` in `timeZone` (an IANA name such as `Europe/Berlin`). */
export function localDateKey(ms: number, timeZone: string): string {
	const parts = formatterFor(timeZone).formatToParts(new Date(ms));
	const part = (type: Intl.DateTimeFormatPartTypes) =>
		parts.find((p) => p.type === type)?.value ?? '';
	return `${part('year')}-${part('month')}-${part('day')}`;
}

const toMs = (key: string) => Date.parse(`${key}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The date `days` after `key` (before, when negative). */
export function addDays(key: string, days: number): string {
	return fromMs(toMs(key) + days * DAY_MS);
}

/** Days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
	return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

/** 0 for Monday … 6 for Sunday (ISO order). */
export function weekdayOf(key: string): number {
	return (new Date(toMs(key)).getUTCDay() + 6) % 7;
}

/** The Monday of the week `key` falls in: the week's key. */
export function weekOf(key: string): string {
	return addDays(key, -weekdayOf(key));
}

/** The week (its Monday) that `ms` falls in, in `timeZone`. */
export function localWeekKey(ms: number, timeZone: string): string {
	return weekOf(localDateKey(ms, timeZone));
}

/** Every week from `first` to `last`, both Mondays, in order; empty when `last` is earlier. */
export function weeksFrom(first: string, last: string): string[] {
	const weeks: string[] = [];
	for (let week = first; week <= last; week = addDays(week, 7)) weeks.push(week);
	return weeks;
}

/** The `count` weeks up to and including `lastWeek`, oldest first. */
export function lastWeeks(lastWeek: string, count: number): string[] {
	return weeksFrom(addDays(lastWeek, -7 * (count - 1)), lastWeek);
}

/** `YYYY-MM` of a date key. */
export const monthOf = (key: string) => key.slice(0, 7);

/**
 * A date key in digits only, for a chart's axis where space is short: `3/2` (en), `2.3.` (de),
 * `2/3` (es). Inside an SVG it cannot sit in a <time>, and digits read in any language.
 */
export const formatAxisDay = (key: string, locale: string = getLocale()) =>
	new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(
		new Date(`${key}T00:00:00Z`)
	);

/** A date key as people read it, in their language: `2 Mar`, `2. März`, `2 mar`. */
export const formatDay = (key: string, locale: string = getLocale()) =>
	new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
		new Date(`${key}T00:00:00Z`)
	);
