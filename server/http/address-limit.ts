import type { ServerResponse } from 'node:http';
import { KeyedBuckets } from '../limits/keyed-buckets';
import { MAX_LIMITED_ADDRESSES } from '../limits/limits';
import type { RefusedRequest } from '../metrics';
import { HttpProblem } from './json';

/**
 * A limit of `perHour` requests per client address: all of them at once, then refilled over the
 * hour (docs/protocol.md, L5 and L6). The answered function counts one request and, past the
 * limit, refuses it: a 429 problem saying `refusal`, with a Retry-After header, counted in
 * `practice_room_refused_requests_total` as `limit`.
 */
export function hourlyAddressLimit(
	perHour: number,
	refusal: string,
	limit: RefusedRequest
): (res: ServerResponse, addressKey: string, now: number) => void {
	const buckets = new KeyedBuckets(
		{ capacity: perHour, perSecond: perHour / 3600 },
		MAX_LIMITED_ADDRESSES
	);
	return (res, addressKey, now) => {
		const taken = buckets.take(addressKey, now);
		if (taken.ok) return;
		res.setHeader('retry-after', Math.ceil(taken.retryAfterMs / 1000));
		throw new HttpProblem(429, refusal, { code: 'rate_limited', problems: [], refused: limit });
	};
}
