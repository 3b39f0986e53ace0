import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Large enough for the largest valid playbook (MAX_PLAYBOOK_CHARACTERS, even in 4-byte
 * characters), small enough that no body can strain the server.
 */
const MAX_BODY_BYTES = 512 * 1024;

export class HttpProblem extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly problems?: string[]
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

/**
 * Reads a small JSON body, at most `maxBytes` (a route may allow less than the default); too
 * large or not JSON is a 4xx problem, never a crash.
 */
export async function readJson(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > maxBytes) throw new HttpProblem(413, 'The request body is too large.');
		chunks.push(chunk);
	}
	try {
		return JSON.parse(Buffer.concat(chunks).toString('utf8'));
	} catch {
		throw new HttpProblem(400, 'The request body must be JSON.');
	}
}
