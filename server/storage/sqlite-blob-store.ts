import type { DatabaseSync } from 'node:sqlite';
import {
	clampRange,
	type BlobStore,
	type BlobStoreOptions,
	type PutOutcome,
	type StoredBlob
} from './blob-store';
import { checkpointAfterDelete, inTransaction } from './sqlite';

/**
 * Blobs in the embedded SQLite database (table `room_blobs`), beside the rooms. A put checks
 * that the room exists in the same transaction, so a room deleted before it gets no blob. The
 * database runs with `secure_delete`, and a deletion is checkpointed, so deleted bytes leave
 * the files.
 */
export function createSqliteBlobStore(
	db: DatabaseSync,
	{ maxRoomBytes }: BlobStoreOptions
): BlobStore {
	const roomExists = db.prepare('SELECT 1 AS found FROM rooms WHERE id = ?');
	const otherBytes = db.prepare(
		'SELECT COALESCE(SUM(length(data)), 0) AS bytes FROM room_blobs WHERE room_id = ? AND id != ?'
	);
	const upsert = db.prepare(
		`INSERT INTO room_blobs (room_id, id, type, owner, data) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT (room_id, id) DO UPDATE SET type = excluded.type, owner = excluded.owner, data = excluded.data`
	);
	const selectMeta = db.prepare(
		'SELECT type, owner, length(data) AS size FROM room_blobs WHERE room_id = ? AND id = ?'
	);
	// substr counts from 1; on a BLOB it counts bytes.
	const selectPart = db.prepare(
		'SELECT substr(data, ?, ?) AS part FROM room_blobs WHERE room_id = ? AND id = ?'
	);
	const deleteOne = db.prepare('DELETE FROM room_blobs WHERE room_id = ? AND id = ?');

	return {
		async put(roomId, blobId, { type, owner, bytes }): Promise<PutOutcome> {
			return inTransaction(db, () => {
				if (!roomExists.get(roomId)) return 'no-room';
				const stored = Number(otherBytes.get(roomId, blobId)?.bytes ?? 0);
				if (stored + bytes.length > maxRoomBytes) return 'full';
				upsert.run(roomId, blobId, type, owner, bytes);
				return 'stored';
			});
		},
		async get(roomId, blobId, pick): Promise<StoredBlob | undefined> {
			// One synchronous step: nothing changes the row between the two reads.
			const meta = selectMeta.get(roomId, blobId);
			if (!meta) return undefined;
			const size = Number(meta.size);
			const range = clampRange(pick?.(size) ?? { start: 0, end: size }, size);
			const part = selectPart.get(range.start + 1, range.end - range.start, roomId, blobId)?.part;
			return {
				type: String(meta.type),
				owner: String(meta.owner),
				size,
				range,
				bytes: part instanceof Uint8Array ? part : new Uint8Array(0)
			};
		},
		async delete(roomId, blobId) {
			const deleted = deleteOne.run(roomId, blobId).changes > 0;
			if (deleted) checkpointAfterDelete(db);
			return deleted;
		}
	};
}
