/**
 * A token bucket: up to `capacity` messages at once, then `perSecond` on average. Pure: the
 * caller keeps the bucket and passes the time in.
 */
export interface BucketRate {
	/** Messages allowed in one burst. */
	readonly capacity: number;
	/** Messages allowed per second once the burst is spent. */
	readonly perSecond: number;
}

export interface Bucket {
	readonly rate: BucketRate;
	/** Messages allowed right now, as of `at`. */
	readonly tokens: number;
	/** When `tokens` was last brought up to date, in ms. */
	readonly at: number;
}

export type Taken =
	{ ok: true; bucket: Bucket } | { ok: false; bucket: Bucket; retryAfterMs: number };

export const fullBucket = (rate: BucketRate, now: number): Bucket => ({
	rate,
	tokens: rate.capacity,
	at: now
});

/** Refills by fractions of a token may fall a hair short of a whole one; this much counts as none. */
const ROUNDING = 1e-9;

/** The bucket refilled up to `now`; a clock that went back refills nothing. */
function refilled(bucket: Bucket, now: number): Bucket {
	const at = Math.max(now, bucket.at);
	const gained = ((at - bucket.at) / 1000) * bucket.rate.perSecond;
	return { ...bucket, tokens: Math.min(bucket.rate.capacity, bucket.tokens + gained), at };
}

/**
 * Takes `cost` tokens for one message at `now`. A refused message takes nothing, and the answer
 * says how long until it would be allowed.
 */
export function take(bucket: Bucket, now: number, cost = 1): Taken {
	const current = refilled(bucket, now);
	if (current.tokens + ROUNDING >= cost) {
		return { ok: true, bucket: { ...current, tokens: current.tokens - cost } };
	}
	const missing = cost - current.tokens - ROUNDING;
	return {
		ok: false,
		bucket: current,
		retryAfterMs: Math.ceil((missing / current.rate.perSecond) * 1000)
	};
}
