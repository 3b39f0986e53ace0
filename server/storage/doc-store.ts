import type { RoomMeta } from '../../src/lib/protocol/http';

/** What a room's document is rebuilt from: the snapshot first, then the log written after it. */
export interface StoredDoc {
	updates: Uint8Array[];
	/** Position of the last log entry read, for {@link DocStore.compact}; undefined when the log is empty. */
	cursor: string | undefined;
}

/**
 * The id of a room's second document, which no client receives (`server/rooms/sealed-values.ts`).
 * It is stored like the room's own document and lives and dies with the room.
 */
export const sealedDocId = (roomId: string) => `${roomId}:sealed`;

/** Every document of a room: what retention and erasing cover. */
export const roomDocIds = (roomId: string) => [roomId, sealedDocId(roomId)];

/** The room a document belongs to (the room's own id, or the id before `:sealed`). */
export const roomOfDoc = (docId: string) => docId.split(':')[0] ?? docId;

/** A fenced append came after its decision's hold on the room ended: nothing was stored. */
export class FenceLost extends Error {
	constructor(docId: string) {
		super(`the decision's hold on ${docId} ended before its change was stored`);
		this.name = 'FenceLost';
	}
}

/**
 * Durable storage of rooms and their Yjs documents as an append-only log of updates plus a
 * compacted snapshot. Implementations: SQLite (embedded default) and Redis; both pass
 * tests/integration/doc-store.contract.ts. The connection belongs to the caller, who closes it.
 *
 * A room is kept for a retention period after its last activity (an appended update to any of
 * its documents, or {@link DocStore.touch}), then deleted: SQLite lists it in
 * {@link DocStore.expiredRooms} for the sweeper to delete, Redis expires its keys by itself.
 */
export interface DocStore {
	/** Stores a new room with the update that initialises its document. */
	createRoom(meta: RoomMeta, initialUpdate: Uint8Array): Promise<void>;
	getRoom(roomId: string): Promise<RoomMeta | undefined>;
	/**
	 * Appends one update to a document's log (a room's, or its sealed document) and answers its
	 * position. It counts as activity in the room. Once the room is gone (erased or expired)
	 * nothing is stored and the answer is undefined: a late write cannot bring a room back.
	 * With `fence` (the token of a decision's hold on the room, `RoomLock.run`) the update is
	 * appended only while that hold lasts, in the same step; else nothing is stored and the
	 * promise rejects with {@link FenceLost}. Only a store shared by several instances is given one.
	 */
	appendUpdate(docId: string, update: Uint8Array, fence?: string): Promise<string | undefined>;
	loadDoc(docId: string): Promise<StoredDoc>;
	/**
	 * Replaces the snapshot and drops the log entries up to and including `cursor` (the cursor
	 * '0' names no entry, so only the snapshot is replaced). A store shared by several instances
	 * (Redis) may keep recent entries a while longer for instances catching up, and never lets
	 * an older snapshot replace a newer one. Answers whether the snapshot was written: not when a
	 * newer one is there or the room is gone.
	 */
	compact(docId: string, snapshot: Uint8Array, cursor: string): Promise<boolean>;
	/** Position of the last entry of a document's log; undefined when the log is empty. */
	lastPosition(docId: string): Promise<string | undefined>;
	/** Records activity in the room now (a join): its retention starts again. */
	touch(roomId: string): Promise<void>;
	/**
	 * Deletes the room and every document of it, appends still waiting included, so that none of
	 * their bytes is left in the store's files. Deleting an absent room does nothing.
	 */
	deleteRoom(roomId: string): Promise<void>;
	/**
	 * Up to `limit` rooms whose last activity was before `before` (server ms), oldest first, for
	 * the sweeper to delete. A store that expires rooms by itself (Redis) answers none.
	 */
	expiredRooms(before: number, limit: number): Promise<string[]>;
}
