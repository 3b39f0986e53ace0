import type { z } from 'zod';

/** Formats a zod error as `path: message` lines, e.g. `phases[2].durationSec: must be positive`. */
export function formatProblems(error: z.ZodError): string[] {
	return error.issues.map((issue) => {
		const path = issue.path
			.map((part, index) =>
				typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`
			)
			.join('');
		return path ? `${path}: ${issue.message}` : issue.message;
	});
}
