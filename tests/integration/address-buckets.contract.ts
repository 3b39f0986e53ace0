import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { AddressBuckets } from '../../server/limits/address-buckets';
import { freshStore, type Opened } from './fresh-store';

/** Two openings of the same backend's buckets, as two instances of a deployment would have. */
export interface BucketsOfTwo {
	first: AddressBuckets;
	second: AddressBuckets;
	/** Whether the two count against the same buckets (Redis), or each its own (memory). */
	shared: boolean;
}

const newAddress = () => `198.51.100.${randomBytes(6).toString('hex')}`;
/** Three an hour: three at once, then one every 20 minutes. */
const THREE_AN_HOUR = { capacity: 3, perSecond: 3 / 3600 };
const MINUTE = 60_000;
/** Not a round number: a stored time that lost digits would show. */
const T0 = 1_801_234_567_891;

/** The behaviour every AddressBuckets must have (memory and Redis run this same suite). */
export function addressBucketsContract(name: string, open: () => Promise<Opened<BucketsOfTwo>>) {
	describe(`AddressBuckets contract: ${name}`, () => {
		const buckets = freshStore(open);

		test('[L5] an address may take the whole burst at once, then is told when to try again', async () => {
			const count = buckets().first.limit('room_starts', THREE_AN_HOUR);
			const address = newAddress();
			const answers = [];
			for (let i = 0; i < 4; i++) answers.push(await count(address, T0));
			expect(answers).toEqual([
				{ ok: true },
				{ ok: true },
				{ ok: true },
				expect.objectContaining({ ok: false, retryAfterMs: 20 * MINUTE })
			]);
			// Five minutes on, a token is a quarter of the way back.
			expect(await count(address, T0 + 5 * MINUTE)).toMatchObject({
				ok: false,
				retryAfterMs: 15 * MINUTE
			});
		});

		test('[L5] the bucket refills over the hour', async () => {
			const count = buckets().first.limit('room_starts', THREE_AN_HOUR);
			const address = newAddress();
			for (let i = 0; i < 3; i++) await count(address, T0);
			expect((await count(address, T0 + 20 * MINUTE)).ok).toBe(true);
			expect((await count(address, T0 + 20 * MINUTE)).ok).toBe(false);
			// A whole hour after the last, the bucket is full again: three, no more.
			const later = T0 + 80 * MINUTE;
			const answers = [];
			for (let i = 0; i < 4; i++) answers.push((await count(address, later)).ok);
			expect(answers).toEqual([true, true, true, false]);
		});

		test('[L5] a request stamped before the last one is counted, neither refilling nor draining', async () => {
			// An instance whose clock is behind another's.
			const count = buckets().first.limit('room_starts', THREE_AN_HOUR);
			const address = newAddress();
			await count(address, T0);
			const behind = T0 - 60 * MINUTE;
			const answers = [];
			for (let i = 0; i < 3; i++) answers.push((await count(address, behind)).ok);
			expect(answers).toEqual([true, true, false]);
			// Refilled from the latest time seen, not the earlier one: a token in 20 minutes.
			const after = [];
			for (let i = 0; i < 2; i++) after.push((await count(address, T0 + 20 * MINUTE)).ok);
			expect(after).toEqual([true, false]);
		});

		test('[L5] a bucket never holds more than its capacity, however long it rests', async () => {
			const count = buckets().first.limit('room_starts', THREE_AN_HOUR);
			const address = newAddress();
			await count(address, T0);
			const muchLater = T0 + 10 * 60 * MINUTE;
			const answers = [];
			for (let i = 0; i < 4; i++) answers.push((await count(address, muchLater)).ok);
			expect(answers).toEqual([true, true, true, false]);
		});

		test('[L5] a request at the moment a refusal named is allowed', async () => {
			// Two an hour, and times at which the refill falls a hair short of a whole token
			// in floating point: the bucket allows for it, as token-bucket.ts does.
			const count = buckets().first.limit('room_starts', { capacity: 2, perSecond: 2 / 3600 });
			const address = newAddress();
			for (let i = 0; i < 2; i++) await count(address, T0);
			expect((await count(address, T0 + 3_491_171)).ok).toBe(true);
			const refused = await count(address, T0 + 3_491_172);
			expect(refused).toEqual({ ok: false, retryAfterMs: 108_828 });
			expect((await count(address, T0 + 3_491_172 + 108_828)).ok).toBe(true);
		});

		test('[L5] each address and each limit has its own bucket', async () => {
			const rooms = buckets().first.limit('room_starts', THREE_AN_HOUR);
			const clips = buckets().first.limit('clip_uploads', THREE_AN_HOUR);
			const [address, neighbour] = [newAddress(), newAddress()];
			for (let i = 0; i < 3; i++) await rooms(address, T0);
			expect((await rooms(address, T0)).ok).toBe(false);
			expect((await rooms(neighbour, T0)).ok).toBe(true);
			expect((await clips(address, T0)).ok).toBe(true);
		});

		test('[L5] two instances of a deployment count an address against one bucket where they share it', async () => {
			const { first, second, shared } = buckets();
			const address = newAddress();
			const onFirst = first.limit('room_starts', THREE_AN_HOUR);
			const onSecond = second.limit('room_starts', THREE_AN_HOUR);
			for (let i = 0; i < 2; i++) await onFirst(address, T0);
			const answers = [];
			for (let i = 0; i < 2; i++) answers.push((await onSecond(address, T0)).ok);
			// Shared: the second instance has one left of the three. Not shared: its own three.
			expect(answers).toEqual(shared ? [true, false] : [true, true]);
		});
	});
}
