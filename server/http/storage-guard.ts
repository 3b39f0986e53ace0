import { isRedisOutage } from '../redis/outage';
import { ServiceUnavailable } from './failure';

/**
 * Runs work that needs storage; see {@link storageGuard}. Its time starts when `from` settles
 * (a request's body received): a client that sends slowly is not storage that answers slowly.
 */
export type StorageGuard = <T>(work: () => Promise<T>, from?: Promise<void>) => Promise<T>;

/**
 * `work`, or a {@link ServiceUnavailable} `ms` after `from`: a backend that takes a command and
 * never answers (Redis paused, a partition before the socket times out) cannot hold a request
 * open. The work itself goes on, and whatever it answers late is dropped.
 */
export async function withinDeadline<T>(
	work: Promise<T>,
	ms: number,
	from: Promise<void> = Promise.resolve()
): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let settled = false;
	const late = new Promise<never>((_, reject) => {
		void from.then(() => {
			if (!settled) timer = setTimeout(() => reject(new ServiceUnavailable('storage')), ms);
		});
	});
	try {
		return await Promise.race([work, late]);
	} finally {
		settled = true;
		clearTimeout(timer);
	}
}

/**
 * Work that needs storage fails with {@link ServiceUnavailable} instead of waiting when a
 * backend is known to be down (`unavailable` names it), when it takes longer than `withinMs`
 * (API_TIMEOUT_MS),
 * or when Redis drops the connection under it: the API answers 503, a page shows it.
 */
export function storageGuard(
	unavailable: () => string | undefined,
	withinMs: number
): StorageGuard {
	return async (work, from) => {
		const down = unavailable();
		if (down) throw new ServiceUnavailable(down);
		try {
			return await withinDeadline(work(), withinMs, from);
		} catch (error) {
			throw isRedisOutage(error) ? new ServiceUnavailable('redis') : error;
		}
	};
}
