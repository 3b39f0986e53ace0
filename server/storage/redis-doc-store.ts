import { roomMetaSchema, type RoomMeta } from '../../src/lib/protocol/http';
import { binaryView, type RedisClient } from '../redis/connect';
import type { DocStore, StoredDoc } from './doc-store';

/** Keys share the `{roomId}` hash tag so a room's keys stay on one Redis Cluster slot. */
const keys = (roomId: string) => ({
	meta: `pr:room:{${roomId}}:meta`,
	snapshot: `pr:room:{${roomId}}:snapshot`,
	log: `pr:room:{${roomId}}:log`
});

/** The stream id right after `id` ("ms-seq"), so XTRIM MINID drops `id` itself too. */
function nextStreamId(id: string): string {
	const [ms, seq] = id.split('-');
	return `${ms}-${BigInt(seq ?? '0') + 1n}`;
}

/** Rooms in Redis: metadata as JSON, the document as a snapshot plus a stream of updates. */
export function createRedisDocStore(client: RedisClient): DocStore {
	const binary = binaryView(client);
	return {
		async createRoom(meta, initialUpdate) {
			const k = keys(meta.id);
			// Metadata and first snapshot in one step, so no room exists without its document.
			const [created] = await client
				.multi()
				.set(k.meta, JSON.stringify(meta), { condition: 'NX' })
				.set(k.snapshot, Buffer.from(initialUpdate), { condition: 'NX' })
				.exec();
			if (String(created) !== 'OK') throw new Error(`room ${meta.id} exists already`);
		},
		async getRoom(roomId): Promise<RoomMeta | undefined> {
			const raw = await client.get(keys(roomId).meta);
			return raw === null ? undefined : roomMetaSchema.parse(JSON.parse(raw));
		},
		async appendUpdate(roomId, update) {
			return client.xAdd(keys(roomId).log, '*', { u: Buffer.from(update) });
		},
		async loadDoc(roomId): Promise<StoredDoc> {
			const k = keys(roomId);
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
		async compact(roomId, snapshot, cursor) {
			const k = keys(roomId);
			await client
				.multi()
				.set(k.snapshot, Buffer.from(snapshot))
				.xTrim(k.log, 'MINID', nextStreamId(cursor))
				.exec();
		}
	};
}
