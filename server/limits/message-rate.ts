import { SOCKET_MESSAGE_RATE, SOCKET_REFUSAL_RATE, YJS_BYTES_PER_MESSAGE } from './limits';
import { fullBucket, take, type Bucket } from './token-bucket';

/** What a Yjs frame of `bytes` costs against YJS_MESSAGE_RATE: one per started 64 KiB. */
export const yjsFrameCost = (bytes: number): number =>
	Math.max(1, Math.ceil(bytes / YJS_BYTES_PER_MESSAGE));

/** A socket.io connection's events, and its refusals, each limited by a bucket. */
export interface SocketRate {
	events: Bucket;
	refusals: Bucket;
}

/** handle: go ahead; refuse: answer `rate_limited`; disconnect: refused too often. */
export type SocketVerdict = 'handle' | 'refuse' | 'disconnect';

export const newSocketRate = (now: number): SocketRate => ({
	events: fullBucket(SOCKET_MESSAGE_RATE, now),
	refusals: fullBucket(SOCKET_REFUSAL_RATE, now)
});

/**
 * Admits one event at `now` (protocol L2): within the rate it is handled; over it, refused, and
 * a socket refused more often than SOCKET_REFUSAL_RATE allows is disconnected.
 */
export function admitSocketEvent(
	rate: SocketRate,
	now: number
): { rate: SocketRate; verdict: SocketVerdict } {
	const event = take(rate.events, now);
	if (event.ok) return { rate: { ...rate, events: event.bucket }, verdict: 'handle' };
	const refusal = take(rate.refusals, now);
	return {
		rate: { events: event.bucket, refusals: refusal.bucket },
		verdict: refusal.ok ? 'refuse' : 'disconnect'
	};
}
