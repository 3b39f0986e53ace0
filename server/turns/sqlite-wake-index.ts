import type { DatabaseSync } from 'node:sqlite';
import { wakeEntrySchema, type WakeIndex } from './wake-index';

/**
 * The wake index in the embedded database (`room_wakes`, migration 9). One process owns the
 * file, so every claim is granted; the room store deletes a room's row with the room.
 */
export function createSqliteWakeIndex(db: DatabaseSync): WakeIndex {
	const upsert = db.prepare(
		'INSERT INTO room_wakes (room_id, at) VALUES (?, ?) ON CONFLICT (room_id) DO UPDATE SET at = excluded.at'
	);
	const remove = db.prepare('DELETE FROM room_wakes WHERE room_id = ?');
	const due = db.prepare(
		'SELECT room_id, at FROM room_wakes WHERE at <= ? ORDER BY at, room_id LIMIT ?'
	);
	return {
		async set(roomId, at) {
			upsert.run(roomId, at);
		},
		async remove(roomId) {
			remove.run(roomId);
		},
		async due(until, limit) {
			return due
				.all(until, limit)
				.map((row) => wakeEntrySchema.parse({ roomId: row.room_id, at: row.at }));
		},
		async claim() {
			return true;
		}
	};
}
