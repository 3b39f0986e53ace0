import { setTimeout as delay } from 'node:timers/promises';
import { log } from '../log';
import type { RedisClient } from '../redis/connect';
import { controlLockKey } from '../redis/keys';
import { redisScript } from '../storage/redis-script';
import type { RoomLock } from './room-lock';

/** A decision holds the lock at most this long, should its instance die while deciding. */
const HOLD_MS = 5_000;
/** How long a decision waits for the lock before it goes ahead without (and says so). */
const WAIT_MS = 3_000;
const RETRY_MS = 5;

/** Releases the lock only if this decision still holds it (it may have expired meanwhile). */
const releaseScript = redisScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

/** The room lock in Redis: `SET NX PX` with a token per decision. */
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
			let held = await take();
			while (!held && Date.now() < giveUpAt) {
				await delay(RETRY_MS);
				held = await take();
			}
			if (!held) log.rooms.warn({ roomId }, 'deciding without the room lock: it stayed taken');
			try {
				return await decide();
			} finally {
				if (held) {
					await releaseScript(client, [key], [token]).catch((error: unknown) =>
						log.rooms.warn({ roomId, err: error }, 'releasing the room lock failed')
					);
				}
			}
		}
	};
}
