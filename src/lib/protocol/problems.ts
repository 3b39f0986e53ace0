import * as core from 'zod/v4/core';
import { m } from '../paraglide/messages';

// zod's core alone (no schema-building API): pages parse with schemas written with the full API
// or with zod/mini (ids.ts, http.ts), and both are core schemas.

/** A path as written in problems: `phases[2].durationSec`. */
export function formatPath(path: readonly PropertyKey[]): string {
	return path
		.map((part, index) =>
			typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`
		)
		.join('');
}

/** Formats a zod error as `path: message` lines, e.g. `phases[2].durationSec: must be a positive number`. */
export function formatProblems(error: core.$ZodError): string[] {
	return error.issues.map((issue) => {
		const path = formatPath(issue.path);
		return path ? `${path}: ${issue.message}` : issue.message;
	});
}

/**
 * Plain-words messages for the issues a schema does not word itself, in the person's language:
 * a missing field is "is required", a wrong type "must be a number", an unknown field is named.
 */
function friendlyMessage(issue: core.$ZodRawIssue): string | undefined {
	switch (issue.code) {
		case 'invalid_type':
			if (issue.input === undefined) return m.pages_problem_required();
			return issue.expected === 'array'
				? m.pages_problem_list()
				: issue.expected === 'object'
					? m.pages_problem_object()
					: m.pages_problem_type({ expected: issue.expected });
		case 'unrecognized_keys': {
			const keys = issue.keys.join(', ');
			return issue.keys.length === 1
				? m.pages_problem_unknown_field({ keys })
				: m.pages_problem_unknown_fields({ keys });
		}
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
export function parseWithProblems<S extends core.$ZodType>(
	schema: S,
	input: unknown
): Parsed<core.output<S>> {
	const result = core.safeParse(schema, input, { error: friendlyMessage });
	if (result.success) return { ok: true, data: result.data };
	const byPath = new Map<string, string[]>();
	for (const issue of result.error.issues) {
		const path = formatPath(issue.path);
		byPath.set(path, [...(byPath.get(path) ?? []), issue.message]);
	}
	return { ok: false, problems: formatProblems(result.error), byPath };
}
