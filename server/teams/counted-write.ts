import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { parseRequest } from '../http/json';

/**
 * Reads a team-space write: parses the body the API read with `schema` (400 with `path: message`
 * problems, naming `what`), then counts the write against its hourly limit per address, so a
 * malformed request costs nothing and a refusal comes before any store changes.
 */
export function countedWrite(
	countWrite: (res: ServerResponse, addressKey: string, now: number) => Promise<void>,
	addressKey: (req: IncomingMessage) => string,
	now: () => number
) {
	return async function read<S extends z.ZodType>(
		req: IncomingMessage,
		res: ServerResponse,
		body: unknown,
		schema: S,
		what: string
	): Promise<z.output<S>> {
		const data = parseRequest(schema, body, `The request is not a valid ${what}.`);
		await countWrite(res, addressKey(req), now());
		return data;
	};
}
