import type { z } from 'zod';

/** A path as written in problems: `phases[2].durationSec`. */
export function formatPath(path: readonly PropertyKey[]): string {
	return path
		.map((part, index) =>
			typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`
		)
		.join('');
}

/** Formats a zod error as `path: message` lines, e.g. `phases[2].durationSec: must be a positive number`. */
export function formatProblems(error: z.ZodError): string[] {
	return error.issues.map((issue) => {
		const path = formatPath(issue.path);
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

export type Parsed<T> =
	| { ok: true; data: T }
	| {
			ok: false;
			/** Every problem as `path: message`. */
			problems: string[];
			/** The same messages by path (`phases[2].title`), to show next to form fields. */
			byPath: Map<string, string[]>;
	  };

/** Parses with plain-words messages and answers every problem at once. */
export function parseWithProblems<S extends z.ZodType>(
	schema: S,
	input: unknown
): Parsed<z.output<S>> {
	const result = schema.safeParse(input, { error: friendlyMessage });
	if (result.success) return { ok: true, data: result.data };
	const byPath = new Map<string, string[]>();
	for (const issue of result.error.issues) {
		const path = formatPath(issue.path);
		byPath.set(path, [...(byPath.get(path) ?? []), issue.message]);
	}
	return { ok: false, problems: formatProblems(result.error), byPath };
}
