/**
 * A timebox for people, in their language: 90 → "1 min, 30 s" / "1 Min., 30 Sek." / "1 min y 30 s".
 * Intl's unit formats and list joiner say it in each locale's own abbreviations.
 */
export function formatDuration(seconds: number, locale: string): string {
	const minutes = Math.floor(seconds / 60);
	const rest = seconds % 60;
	const unit = (value: number, name: 'minute' | 'second') =>
		new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(
			value
		);
	const parts = [
		...(minutes > 0 ? [unit(minutes, 'minute')] : []),
		...(rest > 0 || minutes === 0 ? [unit(rest, 'second')] : [])
	];
	return new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(parts);
}

/** The same duration for machines (a `<time datetime>`): ISO 8601, "PT1M30S". */
export function isoDuration(seconds: number): string {
	const minutes = Math.floor(seconds / 60);
	const rest = seconds % 60;
	return `PT${minutes > 0 ? `${minutes}M` : ''}${rest > 0 || minutes === 0 ? `${rest}S` : ''}`;
}
