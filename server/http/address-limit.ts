import type { ServerResponse } from 'node:http';
import type { AddressBuckets } from '../limits/address-buckets';
import type { RefusedRequest } from '../metrics';
import { HttpProblem } from './json';

/** The usual refusal of an hourly limit: a 429 problem saying `words`. */
export const tooManyFromAddress = (words: string) => (limit: RefusedRequest) =>
	new HttpProblem(429, words, { code: 'rate_limited', problems: [], refused: limit });

/**
 * A limit of `perHour` requests per client address: all of them at once, then refilled over the
 * hour (docs/protocol.md, L5 and L6), counted in `buckets` under the limit's metric name, so
 * every instance sharing the buckets counts against the same ones. The answered function counts
 * one request and, past the limit, sets Retry-After and throws `refusal(limit)` (which says it
 * was `refused` as `limit`, for `practice_room_refused_requests_total`).
 */
export function hourlyAddressLimit(
	buckets: AddressBuckets,
	perHour: number,
	limit: RefusedRequest,
	refusal: (limit: RefusedRequest) => HttpProblem
): (res: ServerResponse, addressKey: string, now: number) => Promise<void> {
	const count = buckets.limit(limit, { capacity: perHour, perSecond: perHour / 3600 });
	return async (res, addressKey, now) => {
		const taken = await count(addressKey, now);
		if (taken.ok) return;
		// A request the storage guard already answered (503, API_TIMEOUT_MS) takes no header.
		if (!res.headersSent) res.setHeader('retry-after', Math.ceil(taken.retryAfterMs / 1000));
		throw refusal(limit);
	};
}
