import type { ProtocolError } from '$lib/protocol/socket-events';

/** The first wait before joining again after storage was unavailable. */
const FIRST_RETRY_MS = 1_000;
/** The longest wait between two tries. */
const LONGEST_RETRY_MS = 15_000;

/**
 * Whether a refusal means "not now" rather than "no": storage did not answer (protocol S24), or
 * another decision held the room too long (S25). The tab keeps who the person is and tries
 * again, as after a dropped connection.
 */
export function isRetryable(error: ProtocolError): boolean {
	return error.code === 'unavailable' || error.code === 'busy';
}

/** How long to wait before try number `attempt` (0 for the first retry): doubling, capped. */
export function retryDelayMs(attempt: number): number {
	return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempt), LONGEST_RETRY_MS);
}
