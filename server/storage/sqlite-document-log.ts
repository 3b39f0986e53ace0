import type { DatabaseSync } from 'node:sqlite';
import { HubSubscriptions, LocalHub } from '../fanout/local-hub';
import {
	READ_BACK,
	roomOfDoc,
	type DocumentLog,
	type ReadBack,
	type StoredDoc
} from './document-log';
import { inTransaction } from './sqlite';

/**
 * Appends wait at most this long and are then committed together in one transaction: a commit
 * per update is what limits SQLite under many rooms, not the insert itself.
 */
const COMMIT_EVERY_MS = 20;
/**
 * A room's last activity is written at most once in this long: it only decides when the room
 * expires, a retention of days later, and an UPDATE per room in every batch doubled the
 * statements a batch runs.
 */
const TOUCH_EVERY_MS = 60_000;

interface QueuedAppend {
	docId: string;
	update: Uint8Array;
	resolve(cursor: string | undefined): void;
	reject(error: unknown): void;
}

export interface SqliteDocumentLogOptions {
	/** Server wall-clock time in ms, recorded as a room's last activity. */
	now(): number;
	/** The instance appending: the embedded deployment has one, tests two on one `hub`. */
	instanceId?: string;
	/** Where the appends reach the subscribers of this process. */
	hub?: LocalHub;
}

/**
 * Room documents in the embedded SQLite database (see `openSqlite`), in the rooms of
 * ./sqlite-room-store.ts: a snapshot per document (`doc_snapshots`) and its log
 * (`doc_updates`, positions are its sequence numbers). Every committed batch of appends is
 * activity in its rooms (`rooms.last_active_at`, written once a minute at most) and reaches the
 * subscribers of the process.
 */
export function createSqliteDocumentLog(
	db: DatabaseSync,
	{ now, instanceId = 'local', hub = new LocalHub() }: SqliteDocumentLogOptions
): DocumentLog {
	const touchRoom = db.prepare('UPDATE rooms SET last_active_at = ? WHERE id = ?');
	// Only while the room exists, like an append: an erased room's content is never written again.
	const upsertSnapshot = db.prepare(
		'INSERT INTO doc_snapshots (room_id, data) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM rooms WHERE id = ?) ON CONFLICT (room_id) DO UPDATE SET data = excluded.data'
	);
	const selectSnapshot = db.prepare('SELECT data FROM doc_snapshots WHERE room_id = ?');
	// Only while the room exists: a write that was under way when it was erased stores nothing.
	const insertUpdate = db.prepare(
		'INSERT INTO doc_updates (room_id, data) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM rooms WHERE id = ?)'
	);
	const selectUpdates = db.prepare(
		'SELECT seq, data FROM doc_updates WHERE room_id = ? AND seq > ? ORDER BY seq'
	);
	const selectLastUpdate = db.prepare('SELECT max(seq) AS seq FROM doc_updates WHERE room_id = ?');
	const deleteUpdatesThrough = db.prepare('DELETE FROM doc_updates WHERE room_id = ? AND seq <= ?');

	const subscriptions = new HubSubscriptions();
	/** The rooms whose activity was written since `touchedSince` (server time). */
	let touched = new Set<string>();
	let touchedSince = Number.NEGATIVE_INFINITY;
	let queue: QueuedAppend[] = [];
	let commitTimer: ReturnType<typeof setTimeout> | undefined;
	/** Commits every queued append in one transaction; reading a document commits first. */
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
				// Activity is recorded in the batch's commit, once a room per TOUCH_EVERY_MS.
				const activeAt = now();
				if (activeAt - touchedSince >= TOUCH_EVERY_MS) {
					touched = new Set();
					touchedSince = activeAt;
				}
				for (const { docId } of batch) {
					const roomId = roomOfDoc(docId);
					if (touched.has(roomId)) continue;
					touched.add(roomId);
					touchRoom.run(activeAt, roomId);
				}
			});
		} catch (error) {
			// Rolled back, the activity it wrote too.
			touched = new Set();
			for (const append of batch) append.reject(error);
			return;
		}
		batch.forEach(({ docId, update, resolve }, index) => {
			const cursor = cursors[index];
			if (cursor !== undefined) hub.appended(docId, { update, origin: instanceId }, cursor);
			resolve(cursor);
		});
	}

	/** The document's log after `after` (all of it when undefined), committing first. */
	function readAfter(docId: string, after: string | undefined): ReadBack {
		commit();
		const rows = selectUpdates.all(docId, after === undefined ? 0 : Number(after));
		const entries = rows.map((row) => ({ update: row.data as Uint8Array, origin: READ_BACK }));
		const last = rows.at(-1);
		return { entries, cursor: last === undefined ? undefined : String(last.seq) };
	}

	return {
		instanceId,
		append(docId, update) {
			return new Promise<string | undefined>((resolve, reject) => {
				queue.push({ docId, update, resolve, reject });
				commitTimer ??= setTimeout(commit, COMMIT_EVERY_MS);
			});
		},
		async load(docId): Promise<StoredDoc> {
			const { entries, cursor } = readAfter(docId, undefined);
			const snapshot = selectSnapshot.get(docId)?.data;
			const updates = entries.map((entry) => entry.update);
			if (snapshot instanceof Uint8Array) updates.unshift(snapshot);
			return { updates, cursor };
		},
		subscribe(docId, cursor, deliver) {
			return subscriptions.add(hub.subscribe(docId, readAfter(docId, cursor), cursor, deliver));
		},
		async compact(docId, snapshot, cursor) {
			commit();
			// One instance compacts its rooms in order: its snapshot is always the newest.
			return inTransaction(db, () => {
				if (upsertSnapshot.run(docId, snapshot, roomOfDoc(docId)).changes === 0) return false;
				deleteUpdatesThrough.run(docId, Number(cursor));
				return true;
			});
		},
		async lastPosition(docId) {
			commit();
			const seq = selectLastUpdate.get(docId)?.seq;
			return seq === null || seq === undefined ? undefined : String(seq);
		},
		async close() {
			// The database belongs to the caller; appends still queued are committed now.
			commit();
			subscriptions.stopAll();
		}
	};
}
