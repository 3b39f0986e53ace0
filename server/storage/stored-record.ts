import type { Logger } from 'pino';
import * as core from 'zod/v4/core';

/**
 * Reads a record stored as JSON. One that no longer parses (the schema tightened since it was
 * saved) is left out and logged by its number of problems, never its content, so it cannot break
 * what lists it. `what` names the record in the log ("share", "playbook").
 */
export function parseStoredRecord<S extends core.$ZodType>(
	schema: S,
	raw: string,
	logger: Logger,
	what: string
): core.output<S> | undefined {
	try {
		const parsed = core.safeParse(schema, JSON.parse(raw));
		if (parsed.success) return parsed.data;
		logger.warn({ problems: parsed.error.issues.length }, `a stored ${what} no longer parses`);
	} catch {
		logger.warn(`a stored ${what} is not JSON`);
	}
	return undefined;
}
