/** A timebox for people: 90 → "1 min 30 s", 180 → "3 min", 30 → "30 s". */
export function formatTimebox(seconds: number): string {
	const minutes = Math.floor(seconds / 60);
	const rest = seconds % 60;
	if (minutes === 0) return `${rest} s`;
	return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}
