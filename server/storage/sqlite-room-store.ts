import type { DatabaseSync } from 'node:sqlite';
import { roomMetaSchema, type RoomMeta } from '../../src/lib/protocol/http';
import { roomDocIds } from './document-log';
import type { RoomStore } from './room-store';
import { checkpointAfterDelete, inTransaction } from './sqlite';

export interface SqliteRoomStoreOptions {
	/** Server wall-clock time in ms, recorded as a room's last activity. */
	now(): number;
}

/**
 * Rooms in the embedded SQLite database (see `openSqlite`), beside their documents
 * (./sqlite-document-log.ts). A room's last activity (`rooms.last_active_at`) is set on
 * creation, by `touch` and by committed appends (once a minute at most); the sweeper deletes the rooms
 * that `expiredRooms` lists.
 */
export function createSqliteRoomStore(
	db: DatabaseSync,
	{ now }: SqliteRoomStoreOptions
): RoomStore {
	const insertRoom = db.prepare(
		'INSERT INTO rooms (id, playbook_id, created_at, last_active_at) VALUES (?, ?, ?, ?)'
	);
	const insertSnapshot = db.prepare(
		'INSERT INTO doc_snapshots (room_id, data) VALUES (?, ?) ON CONFLICT (room_id) DO UPDATE SET data = excluded.data'
	);
	const insertWake = db.prepare(
		'INSERT INTO room_wakes (room_id, at) VALUES (?, ?) ON CONFLICT (room_id) DO UPDATE SET at = excluded.at'
	);
	const selectRoom = db.prepare('SELECT id, playbook_id, created_at FROM rooms WHERE id = ?');
	const touchRoom = db.prepare('UPDATE rooms SET last_active_at = ? WHERE id = ?');
	const selectExpired = db.prepare(
		'SELECT id FROM rooms WHERE last_active_at < ? ORDER BY last_active_at LIMIT ?'
	);
	const deleteRoomRow = db.prepare('DELETE FROM rooms WHERE id = ?');
	const deleteSnapshot = db.prepare('DELETE FROM doc_snapshots WHERE room_id = ?');
	const deleteUpdates = db.prepare('DELETE FROM doc_updates WHERE room_id = ?');
	const deletePush = db.prepare('DELETE FROM push_subscriptions WHERE room_id = ?');
	const deleteWake = db.prepare('DELETE FROM room_wakes WHERE room_id = ?');
	const deleteBlobs = db.prepare('DELETE FROM room_blobs WHERE room_id = ?');

	return {
		async createRoom(meta, initialUpdate, firstWakeAt) {
			inTransaction(db, () => {
				insertRoom.run(meta.id, meta.playbookId, meta.createdAt, now());
				insertSnapshot.run(meta.id, initialUpdate);
				if (firstWakeAt !== undefined) insertWake.run(meta.id, firstWakeAt);
			});
		},
		async getRoom(roomId): Promise<RoomMeta | undefined> {
			const row = selectRoom.get(roomId);
			if (!row) return undefined;
			return roomMetaSchema.parse({
				id: row.id,
				playbookId: row.playbook_id,
				createdAt: row.created_at
			});
		},
		async touch(roomId) {
			touchRoom.run(now(), roomId);
		},
		async deleteRoom(roomId) {
			// Appends still waiting for their commit find no room then, and store nothing.
			inTransaction(db, () => {
				for (const docId of roomDocIds(roomId)) {
					deleteSnapshot.run(docId);
					deleteUpdates.run(docId);
				}
				deletePush.run(roomId);
				deleteWake.run(roomId);
				deleteBlobs.run(roomId);
				deleteRoomRow.run(roomId);
			});
			checkpointAfterDelete(db);
		},
		async expiredRooms(before, limit) {
			return selectExpired.all(before, limit).map((row) => String(row.id));
		}
	};
}
