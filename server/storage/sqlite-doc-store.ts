import type { DatabaseSync } from 'node:sqlite';
import { roomMetaSchema, type RoomMeta } from '../../src/lib/protocol/http';
import type { DocStore, StoredDoc } from './doc-store';
import { inTransaction } from './sqlite';

/**
 * Appends wait at most this long and are then committed together in one transaction: a commit
 * per update is what limits SQLite under many rooms, not the insert itself.
 */
const COMMIT_EVERY_MS = 20;

interface QueuedAppend {
	roomId: string;
	update: Uint8Array;
	resolve(cursor: string): void;
	reject(error: unknown): void;
}

/** Rooms and their documents in the embedded SQLite database (see `openSqlite`). */
export function createSqliteDocStore(db: DatabaseSync): DocStore {
	const insertRoom = db.prepare('INSERT INTO rooms (id, playbook_id, created_at) VALUES (?, ?, ?)');
	const selectRoom = db.prepare('SELECT id, playbook_id, created_at FROM rooms WHERE id = ?');
	const upsertSnapshot = db.prepare(
		'INSERT INTO doc_snapshots (room_id, data) VALUES (?, ?) ON CONFLICT (room_id) DO UPDATE SET data = excluded.data'
	);
	const selectSnapshot = db.prepare('SELECT data FROM doc_snapshots WHERE room_id = ?');
	const insertUpdate = db.prepare('INSERT INTO doc_updates (room_id, data) VALUES (?, ?)');
	const selectUpdates = db.prepare(
		'SELECT seq, data FROM doc_updates WHERE room_id = ? ORDER BY seq'
	);
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
		const cursors: string[] = [];
		try {
			inTransaction(db, () => {
				for (const { roomId, update } of batch) {
					cursors.push(String(insertUpdate.run(roomId, update).lastInsertRowid));
				}
			});
		} catch (error) {
			for (const append of batch) append.reject(error);
			return;
		}
		batch.forEach((append, index) => append.resolve(cursors[index]!));
	}

	return {
		async createRoom(meta, initialUpdate) {
			inTransaction(db, () => {
				insertRoom.run(meta.id, meta.playbookId, meta.createdAt);
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
		appendUpdate(roomId, update) {
			return new Promise<string>((resolve, reject) => {
				queue.push({ roomId, update, resolve, reject });
				commitTimer ??= setTimeout(commit, COMMIT_EVERY_MS);
			});
		},
		async loadDoc(roomId): Promise<StoredDoc> {
			commit();
			const snapshot = selectSnapshot.get(roomId)?.data;
			const rows = selectUpdates.all(roomId);
			const updates = rows.map((row) => row.data as Uint8Array);
			if (snapshot instanceof Uint8Array) updates.unshift(snapshot);
			const last = rows.at(-1);
			return { updates, cursor: last === undefined ? undefined : String(last.seq) };
		},
		async compact(roomId, snapshot, cursor) {
			commit();
			inTransaction(db, () => {
				upsertSnapshot.run(roomId, snapshot);
				deleteUpdatesThrough.run(roomId, Number(cursor));
			});
		}
	};
}
