import { fullBucket, take, type Bucket, type BucketRate, type Taken } from './token-bucket';

/**
 * One token bucket per key (a client address), for at most `maxKeys` keys: beyond that the key
 * used longest ago is forgotten, so many addresses cannot exhaust memory. A forgotten key starts
 * again with a full bucket, which only someone holding that many addresses could arrange.
 */
export class KeyedBuckets {
	readonly #buckets = new Map<string, Bucket>();

	constructor(
		private readonly rate: BucketRate,
		private readonly maxKeys: number
	) {}

	take(key: string, now: number): Taken {
		const taken = take(this.#buckets.get(key) ?? fullBucket(this.rate, now), now);
		// Delete first, so the map's order is the order of last use.
		this.#buckets.delete(key);
		this.#buckets.set(key, taken.bucket);
		if (this.#buckets.size > this.maxKeys) {
			const leastRecent = this.#buckets.keys().next();
			if (!leastRecent.done) this.#buckets.delete(leastRecent.value);
		}
		return taken;
	}
}
