import { KeyedBuckets } from './keyed-buckets';
import { MAX_LIMITED_ADDRESSES } from './limits';
import type { BucketRate } from './token-bucket';

/** What a limit answers for one request: allowed, or refused until `retryAfterMs` from now. */
export type Admission = { ok: true } | { ok: false; retryAfterMs: number };

/** Counts one request of a client address against a limit's token bucket, at `now` (ms). */
export type AddressCounter = (addressKey: string, now: number) => Promise<Admission>;

/**
 * The token buckets of the limits per client address (protocol L5, L6, LB1, LP1, LC1, C1): kept
 * where every instance of a deployment counts against the same ones, so n instances behind a
 * load balancer allow an address what one would.
 */
export interface AddressBuckets {
	/**
	 * The counter of the limit called `name`: the same name and rate on every instance name one
	 * bucket per address.
	 */
	limit(name: string, rate: BucketRate): AddressCounter;
}

/** The buckets in this process's memory: the embedded deployment's, which is one process. */
export function memoryAddressBuckets(maxKeys = MAX_LIMITED_ADDRESSES): AddressBuckets {
	const limits = new Map<string, KeyedBuckets>();
	return {
		limit(name, rate) {
			// One name and rate, one set of buckets, however often it is asked for: as in Redis.
			const id = `${name}:${rate.capacity}:${rate.perSecond}`;
			const buckets = limits.get(id) ?? new KeyedBuckets(rate, maxKeys);
			limits.set(id, buckets);
			return async (addressKey, now) => {
				const taken = buckets.take(addressKey, now);
				return taken.ok ? { ok: true } : { ok: false, retryAfterMs: taken.retryAfterMs };
			};
		}
	};
}
