import { z } from 'zod';
import { assertNever } from '../src/lib/assert-never';
import { StoredDataTooNewError } from './storage/migrations';

/** What start-up logs when it fails: a message, and the error when its stack helps. */
export interface StartFailure {
	message: string;
	err?: unknown;
}

/** The fields Node's net.Server gives an error of `listen` (a port in use, or not allowed). */
const listenErrorSchema = z.object({
	code: z.enum(['EADDRINUSE', 'EACCES']),
	syscall: z.literal('listen'),
	address: z.string(),
	port: z.number()
});

/**
 * Data from a newer release and a port that cannot be opened are an operator's situation, not a
 * bug: the message says what to do, and a stack trace (of Node's own net code, for a port) would
 * only bury it. Anything else is logged with its stack.
 */
export function startFailure(error: unknown): StartFailure {
	if (error instanceof StoredDataTooNewError) return { message: error.message };
	const listen = listenErrorSchema.safeParse(error);
	if (listen.success) {
		const { code, address, port } = listen.data;
		const where = `port ${port} on ${address}`;
		switch (code) {
			case 'EADDRINUSE':
				return {
					message: `${where} is already in use: stop what uses it, or set PORT to another port`
				};
			case 'EACCES':
				return {
					message: `${where} may not be opened by this user: set PORT to a port from 1024 up`
				};
			default:
				return assertNever(code);
		}
	}
	return { message: 'the server could not start', err: error };
}
