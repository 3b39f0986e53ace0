import { isRedisOutage } from '../redis/outage';
import { ServiceUnavailable } from './failure';

/** Runs work that needs storage; see {@link storageGuard}. */
export type StorageGuard = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * `work`, or a {@link ServiceUnavailable} after `ms`: a backend that takes a command and never
 * answers (Redis paused, a partition before the socket times out) cannot hold a request open.
 * The work itself goes on, and whatever it answers late is dropped.
 */
export async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const late = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new ServiceUnavailable('storage')), ms);
	});
	try {
		return await Promise.race([work, late]);
	} finally {
		clearTimeout(timer);
	}
}

/**
 * Work that needs storage fails with {@link ServiceUnavailable} instead of waiting when a
 * backend is known to be down (`unavailable` names it), when it takes longer than `withinMs`
 * (API_TIMEOUT_MS; the API reads a request's body before its work starts, so the time counts
 * from the body's arrival), or when Redis drops the connection under it: the API answers 503,
 * a page shows it.
 */
export function storageGuard(
	unavailable: () => string | undefined,
	withinMs: number
): StorageGuard {
	return async (work) => {
		const down = unavailable();
		if (down) throw new ServiceUnavailable(down);
		try {
			return await withinDeadline(work(), withinMs);
		} catch (error) {
			throw isRedisOutage(error) ? new ServiceUnavailable('redis') : error;
		}
	};
}
