import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RefusedRequest } from '../metrics';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';

/**
 * Large enough for the largest valid playbook (MAX_PLAYBOOK_CHARACTERS, even in 4-byte
 * characters), small enough that no body can strain the server.
 */
const MAX_BODY_BYTES = 512 * 1024;

/**
 * A request the API refuses or cannot serve, answered with `status` and a plain message.
 * `refused` names the rule that refused it, for `practice_room_refused_requests_total`; `code`,
 * when given, says why in the answer for the browser to word (voice clips, protocol B8).
 */
export class HttpProblem extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly problems?: string[],
		readonly refused?: RefusedRequest,
		readonly code?: string
	) {
		super(message);
	}
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(text),
		'cache-control': 'no-store'
	});
	res.end(text);
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
		throw new HttpProblem(415, 'Send the request body as application/json.', [], 'media_type');
	}
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > maxBytes) {
			throw new HttpProblem(413, 'The request body is too large.', [], 'body_size');
		}
		chunks.push(chunk);
	}
	const text = Buffer.concat(chunks).toString('utf8');
	// Before parsing: the checks after JSON.parse recurse, and thousands of levels overflow them.
	if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
		throw new HttpProblem(
			400,
			`The request body nests more than ${MAX_JSON_DEPTH} levels deep.`,
			[],
			'json_depth'
		);
	}
	try {
		return JSON.parse(text);
	} catch {
		throw new HttpProblem(400, 'The request body must be JSON.');
	}
}
