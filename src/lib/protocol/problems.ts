import type { z } from 'zod';

/** Formats a zod error as `path: message` lines, e.g. `phases[2].durationSec: must be a positive number`. */
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

/**
 * Plain-words messages for the issues a schema does not word itself: a missing field is
 * "is required", a wrong type "must be a number", an unknown field is named.
 */
function friendlyMessage(issue: z.core.$ZodRawIssue): string | undefined {
	switch (issue.code) {
		case 'invalid_type':
			if (issue.input === undefined) return 'is required';
			return issue.expected === 'array'
				? 'must be a list'
				: issue.expected === 'object'
					? 'must be an object'
					: `must be a ${issue.expected}`;
		case 'unrecognized_keys':
			return `has unknown ${issue.keys.length === 1 ? 'field' : 'fields'}: ${issue.keys.join(', ')}`;
		default:
			return undefined;
	}
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; problems: string[] };

/** Parses with plain-words messages and answers every problem at once as `path: message`. */
export function parseWithProblems<S extends z.ZodType>(
	schema: S,
	input: unknown
): Parsed<z.output<S>> {
	const result = schema.safeParse(input, { error: friendlyMessage });
	return result.success
		? { ok: true, data: result.data }
		: { ok: false, problems: formatProblems(result.error) };
}
