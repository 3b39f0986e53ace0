import type { ProtocolError } from '../protocol/socket-events';
import { retryDelayMs } from './join-retry';

/**
 * The server's "not now" to a tab's join or command (storage down, protocol S24, or the room
 * busy, S25): whether it holds, and the growing wait before the tab joins again.
 */
export class JoinBackoff {
	/** The last answer was "not now": the tab joins again a little later, shown as reconnecting. */
	active = $state(false);
	/** The server answered that it cannot reach its storage: joins are retried (protocol S24). */
	storageDown = $state(false);
	#retries = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;

	/** Answered "not now": only an unreachable storage is named as such (a busy room is not). */
	hit(error: ProtocolError): void {
		this.active = true;
		this.storageDown = error.code === 'unavailable';
	}

	/** Runs `retry` after the next wait, in place of any retry still waiting. */
	later(retry: () => void): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(retry, retryDelayMs(this.#retries++));
	}

	/** A join was answered with something other than "not now": the waits start over. */
	reset(): void {
		this.storageDown = false;
		this.active = false;
		this.#retries = 0;
	}

	/** Drops a retry still waiting. */
	stop(): void {
		clearTimeout(this.#timer);
	}
}
