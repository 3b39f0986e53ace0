import { setTimeout as delay } from 'node:timers/promises';
import { log } from '../log';
import type { RedisClient } from '../redis/connect';
import { controlLockKey } from '../redis/keys';
import { redisScript } from '../storage/redis-script';
import { RoomBusy, type RoomLock } from './room-lock';

/**
 * How long a hold lasts, should its instance die while deciding: the other instances wait this
 * long at most. A decision's change is stored only while its hold lasts (the fence), so a
 * decision slower than this is refused, never stored late.
 */
export const HOLD_MS = 5_000;
/** How long a decision waits for the hold before it is refused as busy. */
export const WAIT_MS = 2_000;
/** The first wait between two tries; it doubles up to {@link LONGEST_TRY_MS}. */
const FIRST_TRY_MS = 10;
const LONGEST_TRY_MS = 250;

/** Releases the hold only if this decision still has it (it may have expired meanwhile). */
const releaseScript = redisScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

/**
 * The room's hold in Redis: `SET NX PX` with a token per decision, which is also the fence its
 * change is appended under. Waiting tries again after a doubling, jittered pause (about a dozen
 * tries in {@link WAIT_MS}), then refuses.
 */
export function redisRoomLock(client: RedisClient, instanceId: string): RoomLock {
	let decisions = 0;
	return {
		shared: true,
		async run(roomId, decide) {
			const key = controlLockKey(roomId);
			const token = `${instanceId}:${++decisions}`;
			const giveUpAt = Date.now() + WAIT_MS;
			const take = async () =>
				(await client.set(key, token, {
					condition: 'NX',
					expiration: { type: 'PX', value: HOLD_MS }
				})) === 'OK';
			let pause = FIRST_TRY_MS;
			while (!(await take())) {
				const left = giveUpAt - Date.now();
				if (left <= 0) throw new RoomBusy(roomId, 'another instance held it too long');
				// Jitter: two instances waiting for the same room do not try in step.
				await delay(Math.min(left, pause * (0.5 + Math.random() / 2)));
				pause = Math.min(pause * 2, LONGEST_TRY_MS);
			}
			try {
				return await decide(token);
			} finally {
				await releaseScript(client, [key], [token]).catch((error: unknown) =>
					log.rooms.warn({ roomId, err: error }, 'releasing the room hold failed')
				);
			}
		}
	};
}
