import { roomMetaSchema, type RoomMeta } from '../../src/lib/protocol/http';
import type { RedisClient } from '../redis/connect';
import { controlLockKey, docKeys, metaKey, roomKeys, WAKES_KEY } from '../redis/keys';
import type { RoomStore } from './room-store';

/**
 * Creates a room only when its id is free, in one step: metadata (KEYS[1]), first snapshot
 * (KEYS[2]), on turns its first wake in the wake index (KEYS[3]), and the expiry of every key of
 * the room (KEYS[4…]). A taken id changes nothing, not even the wake of the room that has it,
 * which a MULTI of conditional commands could not promise. Answers 1 when created, else 0.
 */
const CREATE_ROOM = `
if redis.call('EXISTS', KEYS[1], KEYS[2]) > 0 then return 0 end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], ARGV[2])
if ARGV[4] ~= '' then redis.call('ZADD', KEYS[3], ARGV[4], ARGV[5]) end
for i = 4, #KEYS do redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
return 1
`;

export interface RedisRoomStoreOptions {
	/** How long a room's keys live after its last activity, in ms. */
	retentionMs: number;
}

/**
 * Rooms in Redis: metadata as JSON beside their documents (./redis-document-log.ts). Every key
 * of a room expires `retentionMs` after the room's last activity, so Redis deletes an unused
 * room by itself and `expiredRooms` has nothing to list.
 */
export function createRedisRoomStore(
	client: RedisClient,
	{ retentionMs }: RedisRoomStoreOptions
): RoomStore {
	type Transaction = ReturnType<RedisClient['multi']>;
	const refresh = (multi: Transaction, roomId: string): Transaction => {
		for (const key of roomKeys(roomId)) multi.pExpire(key, retentionMs);
		return multi;
	};
	return {
		async createRoom(meta, initialUpdate, firstWakeAt) {
			// No room exists without its document, nor on turns without its wake.
			const created = await client.eval(CREATE_ROOM, {
				keys: [metaKey(meta.id), docKeys(meta.id).snapshot, WAKES_KEY, ...roomKeys(meta.id)],
				arguments: [
					JSON.stringify(meta),
					Buffer.from(initialUpdate),
					String(retentionMs),
					firstWakeAt === undefined ? '' : String(firstWakeAt),
					meta.id
				]
			});
			if (created !== 1) throw new Error(`room ${meta.id} exists already`);
		},
		async getRoom(roomId): Promise<RoomMeta | undefined> {
			const raw = await client.get(metaKey(roomId));
			return raw === null ? undefined : roomMetaSchema.parse(JSON.parse(raw));
		},
		async touch(roomId) {
			await refresh(client.multi(), roomId).exec();
		},
		async deleteRoom(roomId) {
			// The lock too (it holds no content, but erasing leaves no key of the room), and the
			// room's entry in the shared wake index (protocol A14).
			await client
				.multi()
				.del([...roomKeys(roomId), controlLockKey(roomId)])
				.zRem(WAKES_KEY, roomId)
				.exec();
		},
		async expiredRooms() {
			return [];
		}
	};
}
