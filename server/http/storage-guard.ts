import { isRedisOutage } from '../redis/outage';
import { withinDeadline } from './answer-failure';
import { ServiceUnavailable } from './failure';

/** Runs work that needs storage; see {@link storageGuard}. */
export type StorageGuard = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * Work that needs storage fails with {@link ServiceUnavailable} instead of waiting when a
 * backend is known to be down (`unavailable` names it), when it takes longer than `withinMs`,
 * or when Redis drops the connection under it: the API answers 503, a page shows it.
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
