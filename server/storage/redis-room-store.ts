import { roomMetaSchema, type RoomMeta } from '../../src/lib/protocol/http';
import type { RedisClient } from '../redis/connect';
import { controlLockKey, docKeys, metaKey, roomKeys, WAKES_KEY } from '../redis/keys';
import type { RoomStore } from './room-store';

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
			// Metadata, first snapshot and first wake in one step, so no room exists without its
			// document (nor on turns without its wake). NX everywhere: a taken id changes nothing.
			const multi = client
				.multi()
				.set(metaKey(meta.id), JSON.stringify(meta), { condition: 'NX' })
				.set(docKeys(meta.id).snapshot, Buffer.from(initialUpdate), { condition: 'NX' });
			if (firstWakeAt !== undefined) {
				multi.zAdd(WAKES_KEY, { score: firstWakeAt, value: meta.id }, { condition: 'NX' });
			}
			const [created] = await refresh(multi, meta.id).exec();
			if (String(created) !== 'OK') throw new Error(`room ${meta.id} exists already`);
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
