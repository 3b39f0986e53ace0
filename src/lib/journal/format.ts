import { getLocale } from '$lib/paraglide/runtime';

/** Dates in the journal, in the person's language and this device's time zone. */

/** A moment with its time: "Nov 22, 2026, 9:00 AM", "22.11.2026, 09:00". */
export const formatDateTime = (ms: number, locale: string = getLocale()): string =>
	new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);

/** A day: "Fri, Nov 27, 2026", "Fr., 27. Nov. 2026". */
export const formatDay = (ms: number, locale: string = getLocale()): string =>
	new Intl.DateTimeFormat(locale, {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		year: 'numeric'
	}).format(ms);
