const MINUTE_MS = 60_000;
/** What a datetime-local input gives: minutes, or seconds and milliseconds with a finer `step`. */
const INPUT_VALUE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * A moment as the value of an `<input type="datetime-local">` (`2026-11-22T14:30`): the wall
 * clock in this device's time zone, to the minute (seconds are dropped, as the input shows none).
 */
export function toLocalInputValue(ms: number): string {
	const date = new Date(Math.floor(ms / MINUTE_MS) * MINUTE_MS);
	return (
		`${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
		`T${pad(date.getHours())}:${pad(date.getMinutes())}`
	);
}

/**
 * The moment a datetime-local value names, read in this device's time zone, in ms since the
 * epoch; NaN (as `Date.parse` answers) when blank or not a real date and time. A wall-clock time
 * skipped by a daylight-saving change reads as the moment the clocks jumped to.
 */
export function fromLocalInputValue(value: string): number {
	const match = INPUT_VALUE.exec(value);
	if (!match) return Number.NaN;
	const year = Number(match[1]);
	const month = Number(match[2]);
	const day = Number(match[3]);
	const hours = Number(match[4]);
	const minutes = Number(match[5]);
	const seconds = Number(match[6] ?? 0);
	const ms = Number((match[7] ?? '').padEnd(3, '0'));
	const date = new Date(year, month - 1, day, hours, minutes, seconds, ms);
	// The Date constructor rolls 30 February over into March, 24:00 into the next day and 09:60
	// into 10:00: such a value is not a real date and time.
	const real =
		date.getFullYear() === year &&
		date.getMonth() === month - 1 &&
		date.getDate() === day &&
		minutes < 60 &&
		seconds < 60;
	return real ? date.getTime() : Number.NaN;
}

/**
 * How a moment reads for a person: date and time in their language's style, in their time zone
 * (this device's unless told), such as "22 Nov 2026, 10:00" or "22.11.2026, 10:00".
 */
export function momentFormat(
	locale: string,
	timeZone?: string | undefined
): (ms: number) => string {
	const format = new Intl.DateTimeFormat(locale, {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone
	});
	return (ms) => format.format(ms);
}
