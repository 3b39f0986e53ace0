import { StoredDataTooNewError } from './storage/migrations';

/** What start-up logs when it fails: a message, and the error when its stack helps. */
export interface StartFailure {
	message: string;
	err?: unknown;
}

/**
 * Data from a newer release is an operator's situation, not a bug: its message says what to do,
 * and a stack trace would only bury it. Anything else is logged with its stack.
 */
export function startFailure(error: unknown): StartFailure {
	if (error instanceof StoredDataTooNewError) return { message: error.message };
	return { message: 'the server could not start', err: error };
}
