import { describe, expect, test } from 'vitest';
import { SOCKET_MESSAGE_RATE, SOCKET_REFUSAL_RATE } from './limits';
import { admitSocketEvent, newSocketRate, yjsFrameCost, type SocketVerdict } from './message-rate';

/** Sends `count` events at `now`; answers the verdicts. */
function send(count: number, now: number, start = newSocketRate(0)) {
	let rate = start;
	const verdicts: SocketVerdict[] = [];
	for (let i = 0; i < count; i++) {
		const admitted = admitSocketEvent(rate, now);
		rate = admitted.rate;
		verdicts.push(admitted.verdict);
	}
	return { rate, verdicts };
}

describe('socket.io event rate (protocol L2)', () => {
	test('a burst within the limit is handled', () => {
		expect(send(SOCKET_MESSAGE_RATE.capacity, 0).verdicts.every((v) => v === 'handle')).toBe(true);
	});

	test('events over the limit are refused, and too many refusals disconnect', () => {
		const { verdicts } = send(SOCKET_MESSAGE_RATE.capacity + SOCKET_REFUSAL_RATE.capacity + 1, 0);
		expect(verdicts.slice(SOCKET_MESSAGE_RATE.capacity)).toEqual([
			...Array<SocketVerdict>(SOCKET_REFUSAL_RATE.capacity).fill('refuse'),
			'disconnect'
		]);
	});

	test('a client that slows down is handled again, its refusals forgiven over time', () => {
		const { rate } = send(SOCKET_MESSAGE_RATE.capacity + SOCKET_REFUSAL_RATE.capacity, 0);
		expect(send(1, 1000, rate).verdicts).toEqual(['handle']);
		const later = send(SOCKET_MESSAGE_RATE.capacity + 1, 10_000, rate);
		expect(later.verdicts.at(-1)).toBe('refuse');
	});
});

describe('Yjs frame cost', () => {
	test.each([
		[0, 1],
		[65_536, 1],
		[65_537, 2],
		[2 * 1024 * 1024, 32]
	])('a frame of %i bytes costs %i', (bytes, cost) => {
		expect(yjsFrameCost(bytes)).toBe(cost);
	});
});
