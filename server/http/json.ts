import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as core from 'zod/v4/core';
import type { ApiProblemCode, ApiProblemParams } from '../../src/lib/protocol/api-problem';
import { parseWithProblems } from '../../src/lib/protocol/problems';
import type { RefusedRequest } from '../metrics';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';

/**
 * Large enough for the largest valid playbook (MAX_PLAYBOOK_CHARACTERS, even in 4-byte
 * characters), small enough that no body can strain the server.
 */
const MAX_BODY_BYTES = 512 * 1024;

/** What an API refusal carries besides its English words (docs/protocol.md, HTTP). */
export interface ProblemDetails {
	/** What the refusal is about, for the browser to word it in its person's language. */
	code: ApiProblemCode;
	params?: ApiProblemParams;
	/** Each problem found, as `path: message`. */
	problems?: string[];
	/** The rule that refused it, for `practice_room_refused_requests_total`. */
	refused?: RefusedRequest;
}

/** A request the API refuses or cannot serve, answered with `status`, a plain message and a code. */
export class HttpProblem extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly details: ProblemDetails
	) {
		super(message);
	}
}

/**
 * `input` (a request's body or query) parsed with `schema`; anything else is refused with 400
 * `invalid_request`, saying `message` and listing every problem as `path: message`.
 */
export function parseRequest<S extends core.$ZodType>(
	schema: S,
	input: unknown,
	message: string
): core.output<S> {
	const parsed = parseWithProblems(schema, input);
	if (!parsed.ok) {
		throw new HttpProblem(400, message, { code: 'invalid_request', problems: parsed.problems });
	}
	return parsed.data;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
	writeJson(res, status, body);
	res.end();
}

/** Writes a whole JSON answer, its length told, and leaves ending the response to the caller. */
export function writeJson(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(text),
		'cache-control': 'no-store'
	});
	res.write(text);
}

/** Whether a Content-Type header names JSON: `application/json`, any parameters, any case. */
export function isJsonMediaType(contentType: string | undefined): boolean {
	return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * Reads a small JSON body, at most `maxBytes` (a route may allow less than the default); not
 * sent as `application/json` (a cross-site form or `text/plain` fetch), too large, nested
 * deeper than {@link MAX_JSON_DEPTH} or not JSON is a 4xx problem, never a crash.
 */
export async function readJson(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
	if (!isJsonMediaType(req.headers['content-type'])) {
		throw new HttpProblem(415, 'Send the request body as application/json.', {
			code: 'not_json',
			problems: [],
			refused: 'media_type'
		});
	}
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > maxBytes) {
			throw new HttpProblem(413, 'The request body is too large.', {
				code: 'too_large',
				problems: [],
				refused: 'body_size'
			});
		}
		chunks.push(chunk);
	}
	const text = Buffer.concat(chunks).toString('utf8');
	// Before parsing: the checks after JSON.parse recurse, and thousands of levels overflow them.
	if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
		throw new HttpProblem(400, `The request body nests more than ${MAX_JSON_DEPTH} levels deep.`, {
			code: 'not_json',
			problems: [],
			refused: 'json_depth'
		});
	}
	try {
		return JSON.parse(text);
	} catch {
		throw new HttpProblem(400, 'The request body must be JSON.', { code: 'not_json' });
	}
}
