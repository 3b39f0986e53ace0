import type { RoomMeta } from '../../src/lib/protocol/http';

/** What a room's document is rebuilt from: the snapshot first, then the log written after it. */
export interface StoredDoc {
	updates: Uint8Array[];
	/** Position of the last log entry read, for {@link DocStore.compact}; undefined when the log is empty. */
	cursor: string | undefined;
}

/**
 * Durable storage of rooms and their Yjs documents as an append-only log of updates plus a
 * compacted snapshot. Implementations: SQLite (embedded default) and Redis; both pass
 * tests/integration/doc-store.contract.ts. The connection belongs to the caller, who closes it.
 */
export interface DocStore {
	/** Stores a new room with the update that initialises its document. */
	createRoom(meta: RoomMeta, initialUpdate: Uint8Array): Promise<void>;
	getRoom(roomId: string): Promise<RoomMeta | undefined>;
	/** Appends one update to the room's log and answers its position. */
	appendUpdate(roomId: string, update: Uint8Array): Promise<string>;
	loadDoc(roomId: string): Promise<StoredDoc>;
	/**
	 * Replaces the snapshot and drops the log entries up to and including `cursor`; the cursor
	 * '0' names no entry, so only the snapshot is replaced.
	 */
	compact(roomId: string, snapshot: Uint8Array, cursor: string): Promise<void>;
}
