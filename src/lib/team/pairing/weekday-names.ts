/**
 * ISO weekdays (1 Monday … 7 Sunday) as `locale` abbreviates them: "Mon", "Mo.", "lun".
 * 2024-01-01 was a Monday; noon UTC keeps every date on its day whatever the formatter's zone.
 */
export function weekdayNames(locale: string): string[] {
	const format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
	return [1, 2, 3, 4, 5, 6, 7].map((day) => format.format(Date.UTC(2024, 0, day, 12)));
}
