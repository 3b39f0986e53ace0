import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { parseRequest } from '../http/json';

/**
 * Reads a team-space write: parses the body the API read with `schema` (400 with `path: message`
 * problems, naming `what`), then counts the write against its hourly limit per address, so a
 * malformed request costs nothing and a refusal comes before any store changes.
 */
export function countedWrite(
	countWrite: (res: ServerResponse, addressKey: string, now: number) => void,
	addressKey: (req: IncomingMessage) => string,
	now: () => number
) {
	return function read<S extends z.ZodType>(
		req: IncomingMessage,
		res: ServerResponse,
		body: unknown,
		schema: S,
		what: string
	): z.output<S> {
		const data = parseRequest(schema, body, `The request is not a valid ${what}.`);
		countWrite(res, addressKey(req), now());
		return data;
	};
}
