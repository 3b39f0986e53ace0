import * as redis from 'redis';

/** The errors a Redis command fails with when Redis cannot be reached, not when it refused it. */
const OUTAGE_ERRORS = [
	redis.ClientClosedError,
	redis.ClientOfflineError,
	redis.ConnectionTimeoutError,
	redis.ReconnectStrategyError,
	redis.SocketClosedUnexpectedlyError,
	redis.SocketTimeoutError
];

/** Whether `error` says Redis is down or unreachable (an answer of 503, not 500). */
export function isRedisOutage(error: unknown): boolean {
	return OUTAGE_ERRORS.some((outage) => error instanceof outage);
}
