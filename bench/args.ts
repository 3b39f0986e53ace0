/** `--key=value` and bare `--flag` (read as "true") arguments, by key. */
export function parseArgs(argv: readonly string[]): Map<string, string> {
	return new Map(
		argv.map((arg) => {
			const [key, value] = arg.replace(/^--/, '').split('=');
			return [key!, value ?? 'true'] as const;
		})
	);
}

const UNITS_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;

/**
 * A duration in milliseconds from `8000`, `8000ms`, `90s`, `30m` or `1.5h` (a bare number is
 * milliseconds, as `--duration` always took); NaN for anything else.
 */
export function parseDuration(text: string): number {
	const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
	if (!match) return Number.NaN;
	const unit = (match[2] ?? 'ms') as keyof typeof UNITS_MS;
	return Number(match[1]) * UNITS_MS[unit];
}
