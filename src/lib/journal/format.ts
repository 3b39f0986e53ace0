/** Dates in the journal, as this device's locale and time zone show them. */
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const day = new Intl.DateTimeFormat(undefined, {
	weekday: 'short',
	day: 'numeric',
	month: 'short',
	year: 'numeric'
});

/** A moment with its time: "22 Nov 2026, 09:00". */
export const formatDateTime = (ms: number): string => dateTime.format(ms);

/** A day: "Fri, 27 Nov 2026". */
export const formatDay = (ms: number): string => day.format(ms);
