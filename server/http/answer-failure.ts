import type { IncomingMessage, ServerResponse } from 'node:http';
import { assertNever } from '../../src/lib/assert-never';
import { log } from '../log';
import type { Metrics } from '../metrics';
import { failureOf } from './failure';
import { sendJson, writeJson } from './json';
import { endAfterBody } from './linger';
import { requestUrl } from './request-path';

/**
 * Answers a request whose handling threw: one JSON log line, counted in the metrics, and an
 * answer (4xx, 503 or 500) unless the client has gone. Never throws.
 */
export function answerFailure(
	req: IncomingMessage,
	res: ServerResponse,
	error: unknown,
	metrics: Pick<Metrics, 'error' | 'refusedRequest'>
): void {
	// The path only: a query may carry a token (a projector link's).
	const path = requestUrl(req)?.pathname ?? '(not a valid address)';
	// A client that went away (a body cut off mid-way): nobody is waiting for an answer, and it
	// is not the server's fault. The request stream is no sign of that: reading a body to its end
	// destroys it too, and so does refusing one half-read (413); only the connection tells.
	if (res.destroyed || res.socket?.destroyed === true) {
		log.http.info({ method: req.method, path }, 'the client went away mid-request');
		return;
	}
	const failure = failureOf(error);
	const fields = { method: req.method, path, status: failure.status };
	switch (failure.type) {
		case 'refused':
			log.http.info({ ...fields, refused: failure.refused }, 'request refused');
			if (failure.refused) metrics.refusedRequest(failure.refused);
			break;
		case 'unavailable':
			log.http.error(
				{ ...fields, dependency: failure.dependency, err: error },
				'request failed: a backend is unavailable'
			);
			metrics.error('unavailable');
			break;
		case 'failed':
			log.http.error({ ...fields, err: error }, 'request failed');
			metrics.error('http');
			break;
		default:
			assertNever(failure);
	}
	if (!res.headersSent) {
		if (req.complete) sendJson(res, failure.status, failure.body);
		else {
			// A body refused before it was read (a clip's ticket or size, too large a room): Node would
			// drain the rest to keep the connection, for as long as the client sends. Close it instead,
			// once the client had the time to read the answer (a lingering close).
			res.setHeader('connection', 'close');
			writeJson(res, failure.status, failure.body);
			endAfterBody(req, res);
		}
	}
	// Half an answer cannot be finished with another: end the connection, the client sees it.
	else if (!res.writableEnded) res.destroy();
}
