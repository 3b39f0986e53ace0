import type { DatabaseSync } from 'node:sqlite';
import { roomMetaSchema, type RoomMeta } from '../../src/lib/protocol/http';
import { roomDocIds, roomOfDoc, type DocStore, type StoredDoc } from './doc-store';
import { checkpointAfterDelete, inTransaction } from './sqlite';

/**
 * Appends wait at most this long and are then committed together in one transaction: a commit
 * per update is what limits SQLite under many rooms, not the insert itself.
 */
const COMMIT_EVERY_MS = 20;

interface QueuedAppend {
	docId: string;
	update: Uint8Array;
	resolve(cursor: string | undefined): void;
	reject(error: unknown): void;
}

export interface SqliteDocStoreOptions {
	/** Server wall-clock time in ms, recorded as a room's last activity. */
	now(): number;
}

/**
 * Rooms and their documents in the embedded SQLite database (see `openSqlite`). Each room's
 * last activity (`rooms.last_active_at`) is set on creation, by every committed batch of appends
 * and by `touch`; the sweeper deletes the rooms that `expiredRooms` lists.
 */
export function createSqliteDocStore(db: DatabaseSync, { now }: SqliteDocStoreOptions): DocStore {
	const insertRoom = db.prepare(
		'INSERT INTO rooms (id, playbook_id, created_at, last_active_at) VALUES (?, ?, ?, ?)'
	);
	const selectRoom = db.prepare('SELECT id, playbook_id, created_at FROM rooms WHERE id = ?');
	const touchRoom = db.prepare('UPDATE rooms SET last_active_at = ? WHERE id = ?');
	const selectExpired = db.prepare(
		'SELECT id FROM rooms WHERE last_active_at < ? ORDER BY last_active_at LIMIT ?'
	);
	const deleteRoomRow = db.prepare('DELETE FROM rooms WHERE id = ?');
	const deleteSnapshot = db.prepare('DELETE FROM doc_snapshots WHERE room_id = ?');
	const deleteUpdates = db.prepare('DELETE FROM doc_updates WHERE room_id = ?');
	const upsertSnapshot = db.prepare(
		'INSERT INTO doc_snapshots (room_id, data) VALUES (?, ?) ON CONFLICT (room_id) DO UPDATE SET data = excluded.data'
	);
	const selectSnapshot = db.prepare('SELECT data FROM doc_snapshots WHERE room_id = ?');
	// Only while the room exists: a write that was under way when it was erased stores nothing.
	const insertUpdate = db.prepare(
		'INSERT INTO doc_updates (room_id, data) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM rooms WHERE id = ?)'
	);
	const selectUpdates = db.prepare(
		'SELECT seq, data FROM doc_updates WHERE room_id = ? ORDER BY seq'
	);
	const selectLastUpdate = db.prepare('SELECT max(seq) AS seq FROM doc_updates WHERE room_id = ?');
	const deleteUpdatesThrough = db.prepare('DELETE FROM doc_updates WHERE room_id = ? AND seq <= ?');

	let queue: QueuedAppend[] = [];
	let commitTimer: ReturnType<typeof setTimeout> | undefined;
	/** Commits every queued append in one transaction; reading a room commits first. */
	function commit(): void {
		clearTimeout(commitTimer);
		commitTimer = undefined;
		const batch = queue;
		queue = [];
		if (batch.length === 0) return;
		const cursors: (string | undefined)[] = [];
		try {
			inTransaction(db, () => {
				for (const { docId, update } of batch) {
					const inserted = insertUpdate.run(docId, update, roomOfDoc(docId));
					cursors.push(inserted.changes === 0 ? undefined : String(inserted.lastInsertRowid));
				}
				// Activity is recorded once per room and batch: no extra commit per append.
				const activeAt = now();
				for (const roomId of new Set(batch.map(({ docId }) => roomOfDoc(docId)))) {
					touchRoom.run(activeAt, roomId);
				}
			});
		} catch (error) {
			for (const append of batch) append.reject(error);
			return;
		}
		batch.forEach((append, index) => append.resolve(cursors[index]));
	}

	return {
		async createRoom(meta, initialUpdate) {
			inTransaction(db, () => {
				insertRoom.run(meta.id, meta.playbookId, meta.createdAt, now());
				upsertSnapshot.run(meta.id, initialUpdate);
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
		appendUpdate(docId, update) {
			return new Promise<string | undefined>((resolve, reject) => {
				queue.push({ docId, update, resolve, reject });
				commitTimer ??= setTimeout(commit, COMMIT_EVERY_MS);
			});
		},
		async loadDoc(docId): Promise<StoredDoc> {
			commit();
			const snapshot = selectSnapshot.get(docId)?.data;
			const rows = selectUpdates.all(docId);
			const updates = rows.map((row) => row.data as Uint8Array);
			if (snapshot instanceof Uint8Array) updates.unshift(snapshot);
			const last = rows.at(-1);
			return { updates, cursor: last === undefined ? undefined : String(last.seq) };
		},
		async compact(docId, snapshot, cursor) {
			commit();
			inTransaction(db, () => {
				upsertSnapshot.run(docId, snapshot);
				deleteUpdatesThrough.run(docId, Number(cursor));
			});
			// One instance compacts its rooms in order: its snapshot is always the newest.
			return true;
		},
		async lastPosition(docId) {
			commit();
			const seq = selectLastUpdate.get(docId)?.seq;
			return seq === null || seq === undefined ? undefined : String(seq);
		},
		async touch(roomId) {
			touchRoom.run(now(), roomId);
		},
		async deleteRoom(roomId) {
			// Appends still queued are written first, so that they are deleted too.
			commit();
			inTransaction(db, () => {
				for (const docId of roomDocIds(roomId)) {
					deleteSnapshot.run(docId);
					deleteUpdates.run(docId);
				}
				deleteRoomRow.run(roomId);
			});
			checkpointAfterDelete(db);
		},
		async expiredRooms(before, limit) {
			return selectExpired.all(before, limit).map((row) => String(row.id));
		}
	};
}
