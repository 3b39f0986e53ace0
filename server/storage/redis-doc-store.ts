import { roomMetaSchema, type RoomMeta } from '../../src/lib/protocol/http';
import { binaryView, type RedisClient } from '../redis/connect';
import { roomDocIds, roomOfDoc, type DocStore, type StoredDoc } from './doc-store';

/**
 * A document's keys, under the `{docId}` hash tag. A room's two documents have different tags
 * (`{roomId}`, `{roomId:sealed}`, as stored before rooms expired), and one transaction refreshes
 * them all: this store needs one Redis server, not a Cluster.
 */
const docKeys = (docId: string) => ({
	snapshot: `pr:room:{${docId}}:snapshot`,
	log: `pr:room:{${docId}}:log`
});
const metaKey = (roomId: string) => `pr:room:{${roomId}}:meta`;

/** Every key of a room: its metadata and the snapshot and log of each of its documents. */
function roomKeys(roomId: string): string[] {
	return [metaKey(roomId), ...roomDocIds(roomId).flatMap((docId) => Object.values(docKeys(docId)))];
}

/** The stream id right after `id` ("ms-seq"), so XTRIM MINID drops `id` itself too. */
function nextStreamId(id: string): string {
	const [ms, seq] = id.split('-');
	return `${ms}-${BigInt(seq ?? '0') + 1n}`;
}

export interface RedisDocStoreOptions {
	/** How long a room's keys live after its last activity, in ms. */
	retentionMs: number;
}

/**
 * Rooms in Redis: metadata as JSON, each document as a snapshot plus a stream of updates. Every
 * key of a room expires `retentionMs` after the room's last activity: each write refreshes the
 * TTL of all of them in the same transaction, so Redis deletes an unused room by itself and
 * `expiredRooms` has nothing to list.
 */
export function createRedisDocStore(
	client: RedisClient,
	{ retentionMs }: RedisDocStoreOptions
): DocStore {
	const binary = binaryView(client);
	type Transaction = ReturnType<RedisClient['multi']>;
	/** Adds to `multi` a fresh TTL on every key of the room (keys not there yet are skipped). */
	const refresh = (multi: Transaction, roomId: string): Transaction => {
		for (const key of roomKeys(roomId)) multi.pExpire(key, retentionMs);
		return multi;
	};
	return {
		async createRoom(meta, initialUpdate) {
			// Metadata and first snapshot in one step, so no room exists without its document.
			const [created] = await refresh(
				client
					.multi()
					.set(metaKey(meta.id), JSON.stringify(meta), { condition: 'NX' })
					.set(docKeys(meta.id).snapshot, Buffer.from(initialUpdate), { condition: 'NX' }),
				meta.id
			).exec();
			if (String(created) !== 'OK') throw new Error(`room ${meta.id} exists already`);
		},
		async getRoom(roomId): Promise<RoomMeta | undefined> {
			const raw = await client.get(metaKey(roomId));
			return raw === null ? undefined : roomMetaSchema.parse(JSON.parse(raw));
		},
		async appendUpdate(docId, update) {
			const [id] = await refresh(
				client.multi().xAdd(docKeys(docId).log, '*', { u: Buffer.from(update) }),
				roomOfDoc(docId)
			).exec();
			return String(id);
		},
		async loadDoc(docId): Promise<StoredDoc> {
			const k = docKeys(docId);
			const [snapshot, entries] = await Promise.all([
				binary.get(k.snapshot),
				binary.xRange(k.log, '-', '+')
			]);
			const updates: Uint8Array[] = snapshot ? [new Uint8Array(snapshot)] : [];
			for (const entry of entries ?? []) {
				const update = entry.message.u;
				if (update) updates.push(new Uint8Array(update));
			}
			const last = entries?.at(-1);
			return { updates, cursor: last === undefined ? undefined : String(last.id) };
		},
		async compact(docId, snapshot, cursor) {
			const k = docKeys(docId);
			// SET drops a key's TTL: the refresh after it gives it back.
			await refresh(
				client
					.multi()
					.set(k.snapshot, Buffer.from(snapshot))
					.xTrim(k.log, 'MINID', nextStreamId(cursor)),
				roomOfDoc(docId)
			).exec();
		},
		async touch(roomId) {
			await refresh(client.multi(), roomId).exec();
		},
		async deleteRoom(roomId) {
			await client.del(roomKeys(roomId));
		},
		async expiredRooms() {
			return [];
		}
	};
}
