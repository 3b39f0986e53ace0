import type { RedisClient } from '../redis/connect';
import { WAKES_KEY, wakeClaimKey } from '../redis/keys';
import { wakeEntrySchema, type WakeIndex } from './wake-index';

/**
 * The wake index in Redis: one sorted set of room ids scored by their next wake, shared by every
 * instance. A claim is a short-lived key set only if absent (SET NX PX), so of several instances
 * sweeping the index one loads a due room; the room's decision hold then makes its tick the
 * only one that changes anything (protocol A15).
 */
export function createRedisWakeIndex(client: RedisClient): WakeIndex {
	return {
		async set(roomId, at) {
			await client.zAdd(WAKES_KEY, { score: at, value: roomId });
		},
		async remove(roomId) {
			await client.zRem(WAKES_KEY, roomId);
		},
		async due(until, limit) {
			const entries = await client.zRangeByScoreWithScores(WAKES_KEY, '-inf', until, {
				LIMIT: { offset: 0, count: limit }
			});
			return entries.map((entry) =>
				wakeEntrySchema.parse({ roomId: entry.value, at: entry.score })
			);
		},
		async claim(roomId, at, holdMs) {
			const set = await client.set(wakeClaimKey(roomId, at), '1', {
				condition: 'NX',
				expiration: { type: 'PX', value: holdMs }
			});
			return set === 'OK';
		}
	};
}
