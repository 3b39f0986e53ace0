import {
	ClientClosedError,
	ClientOfflineError,
	ConnectionTimeoutError,
	ReconnectStrategyError,
	SocketClosedUnexpectedlyError,
	SocketTimeoutError
} from 'redis';

/** The errors a Redis command fails with when Redis cannot be reached, not when it refused it. */
const OUTAGE_ERRORS = [
	ClientClosedError,
	ClientOfflineError,
	ConnectionTimeoutError,
	ReconnectStrategyError,
	SocketClosedUnexpectedlyError,
	SocketTimeoutError
];

/** Whether `error` says Redis is down or unreachable (an answer of 503, not 500). */
export function isRedisOutage(error: unknown): boolean {
	return OUTAGE_ERRORS.some((outage) => error instanceof outage);
}
