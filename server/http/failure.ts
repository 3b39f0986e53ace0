import type { ApiProblemCode, ApiProblemParams } from '../../src/lib/protocol/api-problem';
import { UNAVAILABLE_ERROR_NAME } from '../../src/lib/server/handover';
import type { RefusedRequest } from '../metrics';
import { isRedisOutage } from '../redis/outage';
import { RoomBusy } from '../rooms/room-lock';
import { HttpProblem } from './json';

/**
 * A backend the request needs (Redis) is down, or did not answer in time: the request is
 * answered 503, and may be tried again.
 */
export class ServiceUnavailable extends Error {
	constructor(readonly dependency: string) {
		super(`${dependency} is unavailable`);
		// Pages recognise it by name (src/lib/server/directory.ts).
		this.name = UNAVAILABLE_ERROR_NAME;
	}
}

/** The JSON body of every failed API answer. */
export interface FailureBody {
	error: string;
	code: ApiProblemCode;
	params?: ApiProblemParams;
	problems?: string[];
}

/**
 * How a failed request is answered: `refused` is the client's doing (4xx: logged, not an
 * error), `unavailable` a backend's (503), `failed` the server's (500). Both of the latter are
 * errors an operator is alerted to (`practice_room_errors_total`).
 */
export type Failure =
	| { type: 'refused'; status: number; body: FailureBody; refused: RefusedRequest | undefined }
	| { type: 'unavailable'; status: 503; body: FailureBody; dependency: string }
	| { type: 'failed'; status: 500; body: FailureBody };

export const UNAVAILABLE_MESSAGE =
	'The server cannot reach its storage just now. Try again in a moment.';
export const FAILED_MESSAGE = 'Something went wrong on the server.';

/** Classifies whatever a route threw. Pure: the caller logs, counts and answers. */
export function failureOf(error: unknown): Failure {
	if (error instanceof HttpProblem) {
		return {
			type: 'refused',
			status: error.status,
			body: {
				error: error.message,
				code: error.details.code,
				...(error.details.params ? { params: error.details.params } : {}),
				problems: error.details.problems
			},
			refused: error.details.refused
		};
	}
	// A room's hold or its log shared through Redis not answering in time: nothing changed.
	if (error instanceof ServiceUnavailable || error instanceof RoomBusy || isRedisOutage(error)) {
		return {
			type: 'unavailable',
			status: 503,
			body: { error: UNAVAILABLE_MESSAGE, code: 'unavailable' },
			dependency: error instanceof ServiceUnavailable ? error.dependency : 'redis'
		};
	}
	return { type: 'failed', status: 500, body: { error: FAILED_MESSAGE, code: 'internal' } };
}
